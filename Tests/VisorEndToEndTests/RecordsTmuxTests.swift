import Foundation
import GRDB
import Testing
import VisorDomain
import VisorRegister
@testable import VisorStore

/// Issue 14 end to end, in two terminals on one register: an offender manager creates a nominal
/// (the register warns of a namesake, the manager confirms), a supervisor validates it in another
/// terminal, and the first terminal sees the validation action go without a key press.
@Suite("Keeping records in two terminals", .tags(.tmux), .enabled(if: Tmux.isAvailable, Tmux.skipMessage))
struct RecordsTmuxTests {
    func signIn(_ register: DemoRegisterFolder, as user: String) throws -> TmuxSession {
        let session = try TmuxSession([try VisorBinary.path(), "--db", register.database, "--user", user],
                                      environment: register.paneEnvironment, width: 140, height: 45)
        try session.waitFor(text: "Password")
        try session.type("demo")
        try session.press("Enter")
        _ = try session.waitFor(text: " overdue", timeout: 60)
        return session
    }

    @Test("om creates with a namesake warning; cpc validates in another terminal; om's action goes by itself")
    func createValidateAcrossTerminals() throws {
        let register = try DemoRegisterFolder()
        let database = try AppDatabase.open(path: register.database, clock: SystemClockForTests())
        let (surname, born): (String, String) = try #require(try database.read { db in
            try Row.fetchOne(db, sql: "SELECT surname, date_of_birth FROM nominal ORDER BY id LIMIT 1").map {
                ($0["surname"], $0["date_of_birth"])
            }
        })
        try database.close()

        let om = try signIn(register, as: "om")
        defer { om.kill() }
        try om.press("1")
        try om.type("c")
        _ = try om.waitFor(text: "New nominal")
        // surname, forenames, date of birth, gender, ethnicity, PNC, CRO, NOMS, CRN, category, level
        for (index, value) in [surname, "Quentin Zebedee", born, "M", "W1", "", "", "", "X987654", "2", "2"].enumerated() {
            if index > 0 { try om.press("Tab") }
            if !value.isEmpty { try om.type(value) }
        }
        try om.press("C-s")
        _ = try om.waitFor(text: "same surname and date of birth")
        try om.press("C-s")
        let created = try om.waitFor(text: "Created nominal")
        let id = try #require(created.range(of: #"Created nominal (\d+)"#, options: .regularExpression).map {
            String(created[$0].split(separator: " ").last ?? "")
        })
        // om's actions, filtered to the new record's validation.
        try om.press("4")
        try om.type("/Validate record of nominal \(id)")
        try om.press("Enter")
        _ = try om.waitUntil(timeout: 10, "the validation action listed") { screen in
            screen.contains("R10") && !screen.contains("No action matches the filter")
        }

        let cpc = try signIn(register, as: "cpc")
        defer { cpc.kill() }
        try cpc.press("1")
        try cpc.type("/Zebedee")
        try cpc.press("Enter")
        _ = try cpc.waitFor(text: "Quentin Zebedee")
        try cpc.press("Enter")
        _ = try cpc.waitFor(text: "Register id \(id)")
        try cpc.type("v")
        _ = try cpc.waitFor(text: "Validate")
        try cpc.type("Checked against the local case file.")
        try cpc.press("C-s")
        _ = try cpc.waitFor(text: "Record validated")

        // No key is pressed in om's terminal: the timer sees the other process's commit.
        _ = try om.waitUntil(timeout: 30, "the validation action gone") { screen in
            screen.contains("No action matches the filter")
        }
    }
}

/// The wall clock, for reading the register a test starts from.
struct SystemClockForTests: VisorClock {
    func now() -> Date { Date() }
}
