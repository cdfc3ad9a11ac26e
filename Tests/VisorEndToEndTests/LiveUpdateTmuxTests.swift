import Foundation
import GRDB
import Testing
import VisorDomain
import VisorRegister
@testable import VisorStore

/// Two processes on one register: what one commits shows up in the other's
/// screen without a key press (the rules timer's path: `PRAGMA data_version`).
@Suite("Live updates between processes", .tags(.tmux), .enabled(if: Tmux.isAvailable, Tmux.skipMessage))
struct LiveUpdateTmuxTests {
    /// The number before " requests" in the status line (the last line of the screen).
    func requests(_ screen: String) -> Int? {
        guard let status = screen.components(separatedBy: "\n").last(where: { $0.contains(" · London · ") }),
              let range = status.range(of: #"(\d+) requests"#, options: .regularExpression) else { return nil }
        return Int(status[range].split(separator: " ")[0])
    }

    @Test("A partner request made by another process appears in the CPC's queue and status line by itself")
    func requestFromAnotherProcess() throws {
        let register = try DemoRegisterFolder()
        // A London nominal with neither a Belmarsh partnership nor a request from Belmarsh.
        let database = try AppDatabase.open(path: register.database,
                                            clock: FixedClock(date: LocalDate(year: 2026, month: 11, day: 25)!))
        let nominal: Int64 = try #require(try database.read { db in
            try Int64.fetchOne(db, sql: """
                SELECT n.id FROM nominal n JOIN agency o ON o.id = n.owner_agency_id
                WHERE o.name = 'London' AND n.id NOT IN (
                    SELECT p.nominal_id FROM partnership p JOIN agency a ON a.id = p.agency_id WHERE a.name = 'HMP Belmarsh')
                AND n.id NOT IN (
                    SELECT r.nominal_id FROM partner_request r JOIN agency a ON a.id = r.requesting_agency_id
                    WHERE a.name = 'HMP Belmarsh')
                ORDER BY n.id LIMIT 1
                """)
        })
        try database.close()

        let session = try TmuxSession([try VisorBinary.path(), "--db", register.database, "--user", "cpc"],
                                      environment: register.paneEnvironment, width: 120, height: 40)
        defer { session.kill() }
        try session.waitFor(text: "Password")
        try session.type("demo")
        try session.press("Enter")
        let before = try #require(requests(try session.waitUntil(timeout: 60, "the status line's requests") {
            requests($0) != nil
        }))

        var environment = DemoRegisterFolder.environment(register.folder)
        environment["VISOR_PASSWORD"] = "demo"
        let result = try Spawn.run([try VisorBinary.path(), "partners", "request", "--nominal", String(nominal),
                                    "--reason", "Held at HMP Belmarsh: sentence planning", "--as", "prison",
                                    "--db", register.database, "--format", "json"], environment: environment)
        #expect(result.status == 0, "visor partners request: \(result.output)")

        // No key is pressed: the timer sees the other process's commit.
        _ = try session.waitUntil(timeout: 30, "\(before + 1) requests") { requests($0) == before + 1 }
    }
}
