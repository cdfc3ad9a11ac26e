import Foundation
import GRDB
import Testing

/// Issue 14, item 4 and 5, through the binary as a script types it: records.md's commands, their
/// JSON, their exit statuses, and bad input refused naming the field and the value with the
/// register's records exactly as before.
@Suite("visor nominal, entry, meeting, record, notification: records.md on the command line")
struct RecordsCLITests {
    static let demo = ["VISOR_PASSWORD": "demo"]
    static let showKeys: Set<String> = [
        "nominal", "surname", "forenames", "date_of_birth", "owner_agency", "manager", "crn", "pnc_id",
        "mappa_category", "mappa_level", "partner", "cro_number", "noms_number", "gender", "ethnicity",
        "custody_status", "establishment", "custody_start_date", "release_date", "release_date_type", "police_force",
        "probation_area", "rosh_level", "rosh_date", "last_notification_date", "version", "archived", "partners",
        "entries", "meetings", "validated_at", "reviewed_at",
    ]

    let register: DemoRegisterFolder
    let sandbox: CLISandbox

    init() throws {
        register = try DemoRegisterFolder()
        sandbox = try CLISandbox()
    }

    func visor(_ arguments: [String], as user: String? = nil, stdin: String? = nil) throws -> CLIResult {
        try sandbox.visor(arguments + ["--db", register.database, "--format", "json"] + (user.map { ["--as", $0] } ?? []),
                          environment: Self.demo, stdin: stdin)
    }

    func object(_ result: CLIResult) throws -> [String: Any] {
        #expect(result.status == 0, "\(result)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    /// The rows of the record tables: equal before and after means the register's records did not change.
    func records() throws -> [String] {
        let queue = try DatabaseQueue(path: register.database)
        defer { try? queue.close() }
        return try queue.read { db in
            try ["nominal", "entry", "mapp_meeting", "record_check", "notification", "nominal_transfer", "nominal_history",
                 "partnership", "kept_action"].flatMap { table in
                try Row.fetchAll(db, sql: "SELECT * FROM \(table)").map(\.description).sorted()
            }
        }
    }

    static let person = ["--surname", "Testperson", "--forenames", "Alan James", "--dob", "1980-02-03", "--gender", "M",
                         "--ethnicity", "W1", "--category", "2", "--level", "2"]

    @Test("create prints the record as show does; show, edit with --expect-version, history")
    func createShowEdit() throws {
        let created = try object(try visor(["nominal", "create"] + Self.person + ["--crn", "X999001"], as: "om"))
        #expect(Self.showKeys.isSubset(of: Set(created.keys)), "\(Set(created.keys))")
        #expect(created["owner_agency"] as? String == "London")
        #expect(created["version"] as? Int == 1)
        #expect(created["archived"] as? Bool == false)
        let id = try #require(created["nominal"] as? Int)
        let shown = try object(try visor(["nominal", "show", "\(id)"], as: "om"))
        #expect(shown["crn"] as? String == "X999001")
        let edited = try object(try visor(["nominal", "edit", "\(id)", "--level", "3", "--rosh", "high",
                                           "--rosh-date", "2026-11-01", "--expect-version", "1"], as: "om"))
        #expect(edited["version"] as? Int == 2)
        #expect(edited["mappa_level"] as? Int == 3)
        #expect(edited["rosh_level"] as? String == "high")
        let stale = try visor(["nominal", "edit", "\(id)", "--level", "2", "--expect-version", "1"], as: "cpc")
        #expect(stale.status == 77)
        #expect(stale.stderr.contains("changed by"), "\(stale)")
        let history = try visor(["nominal", "history", "\(id)"], as: "om")
        #expect(history.status == 0)
        #expect(history.stdout.contains("\"field\": \"mappa_level\""), "\(history)")
    }

    @Test("create: a namesake waits for --confirm-duplicate; the same CRN is refused naming the nominal")
    func duplicates() throws {
        let first = try object(try visor(["nominal", "create"] + Self.person + ["--crn", "X999001"], as: "om"))
        let id = try #require(first["nominal"] as? Int)
        let before = try records()
        let namesake = try visor(["nominal", "create"] + Self.person, as: "om")
        #expect(namesake.status == 65, "\(namesake)")
        #expect(namesake.stderr.contains("nominal \(id)") && namesake.stderr.contains("--confirm-duplicate"))
        let sameCRN = try visor(["nominal", "create", "--surname", "Other", "--forenames", "B", "--dob", "1970-01-01",
                                 "--gender", "F", "--ethnicity", "NS", "--category", "1", "--level", "1",
                                 "--crn", "X999001"], as: "police")
        #expect(sameCRN.status == 65)
        #expect(sameCRN.stderr.contains("crn: X999001: already on the register as nominal \(id) (TESTPERSON"),
                "\(sameCRN)")
        #expect(try records() == before)
        let confirmed = try visor(["nominal", "create"] + Self.person + ["--confirm-duplicate"], as: "om")
        #expect(confirmed.status == 0, "\(confirmed)")
    }

    @Test("Bad input: each refused with the field and the value — 64 for a malformed value (cli.md), 65 for a well-formed one a rule refuses, 77 for a role — the records as before",
          arguments: [
            (["nominal", "create", "--surname", "A", "--forenames", "B", "--dob", "2031-01-01", "--gender", "M",
              "--ethnicity", "W1", "--category", "2", "--level", "2"], "om", 65, "date_of_birth: 2031-01-01"),
            (["nominal", "create", "--surname", "A", "--forenames", "B", "--dob", "1980-01-01", "--gender", "M",
              "--ethnicity", "W1", "--category", "2", "--level", "2", "--pnc", "20030011985Z"], "om", 64,
             "pnc_id: 20030011985Z"),
            (["nominal", "create", "--surname", "A", "--forenames", "B", "--dob", "1985-02-30", "--gender", "M",
              "--ethnicity", "W1", "--category", "2", "--level", "2"], "om", 64, "date_of_birth: 1985-02-30"),
            (["nominal", "create", "--surname", "A", "--forenames", "B", "--dob", "1985-02-03", "--gender", "Q",
              "--ethnicity", "W1", "--category", "2", "--level", "2"], "om", 64, "gender: Q"),
            (["nominal", "create", "--surname", "A", "--forenames", "B", "--dob", "1980-01-01", "--gender", "M",
              "--ethnicity", "W1", "--category", "3", "--level", "1"], "om", 65, "mappa_level: 1"),
            (["nominal", "create", "--surname", "A", "--forenames", "B", "--dob", "1980-01-01", "--gender", "M",
              "--ethnicity", "W1", "--category", "2", "--level", "2", "--release", "1970-01-01",
              "--release-type", "actual"], "om", 65, "release_date: 1970-01-01: is before the date of birth"),
            (["nominal", "create", "--surname", "A", "--forenames", "B", "--dob", "1980-01-01", "--gender", "M",
              "--ethnicity", "W1", "--category", "2", "--level", "2"], "spo", 77, "read-only"),
          ] as [([String], String, Int32, String)])
    func badCreate(arguments: [String], user: String, status: Int32, message: String) throws {
        let before = try records()
        let result = try visor(arguments, as: user)
        #expect(result.status == status, "\(result)")
        #expect(result.stderr.contains(message), "\(result)")
        #expect(try records() == before)
    }

    @Test("Steps on an existing record: refusals say why and change nothing")
    func stepRefusals() throws {
        let created = try object(try visor(["nominal", "create"] + Self.person + ["--crn", "X999001"], as: "cpc"))
        let id = "\(try #require(created["nominal"] as? Int))"
        let before = try records()
        let cases: [([String], String, Int32, String)] = [
            (["entry", "add", id, "--kind", "note", "--text", String(repeating: "x", count: 20_001)], "om", 65, "text:"),
            (["entry", "add", id, "--kind", "intelligence", "--text", "x", "--source", "4", "--assessment", "B",
              "--handling", "P"], "om", 64, "source: 4"),
            (["entry", "add", id, "--kind", "note", "--text", "x", "--corrects", "0"], "om", 64,
             "corrects: 0: not an entry id"),
            (["entry", "add", id, "--kind", "note", "--text", "x", "--corrects", "999999"], "om", 65,
             "corrects: 999999: no entry 999999"),
            (["meeting", "add", id, "--date", "2026-11-20", "--level", "4", "--minutes", "m", "--plan", "p"], "om", 64,
             "level: 4"),
            (["meeting", "add", id, "--date", "2026-11-20", "--level", "1", "--minutes", "m", "--plan", "p"], "om", 65,
             "level: 1"),
            (["meeting", "add", id, "--date", "2026-11-20", "--level", "2", "--minutes", "m", "--plan", "p",
              "--next-review", "2026-11-01"], "om", 65, "next_review: 2026-11-01"),
            (["nominal", "assign", id, "--manager", "police"], "cpc", 65, "manager: police"),
            (["nominal", "transfer", id, "--to", "London"], "om", 65, "to: London: already owns this record"),
            (["record", "validate", id], "cpc", 77, "R10"),
            (["nominal", "edit", id, "--level", "3"], "police", 65, "no nominal \(id) on the register"),
            (["nominal", "archive", id, "--reason", "x"], "om", 77, "CPC"),
        ]
        for (arguments, user, status, message) in cases {
            let result = try visor(arguments, as: user)
            #expect(result.status == status, "\(arguments): \(result)")
            #expect(result.stderr.contains(message), "\(arguments): \(result)")
        }
        #expect(try records() == before)
    }

    @Test("entry add reads --text - from standard input; meeting, validate and notification meet their actions")
    func meetActions() throws {
        let created = try object(try visor(["nominal", "create"] + Self.person + ["--crn", "X999001",
                                                                                    "--category", "1"], as: "om"))
        let id = "\(try #require(created["nominal"] as? Int))"
        func rules() throws -> [String] {
            let result = try visor(["actions", "--nominal", id, "--horizon", "0"], as: nil)
            let list = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
            return list.compactMap { $0["rule"] as? String }
        }
        #expect(try rules().contains("R10"))
        #expect(try rules().contains("R11"))
        let entry = try object(try visor(["entry", "add", id, "--kind", "risk_assessment", "--text", "-",
                                          "--rosh", "public=very_high"], as: "om", stdin: "first line\nsecond line\n"))
        let entries = try #require(entry["entries"] as? [[String: Any]])
        #expect(entries.first?["text"] as? String == "first line\nsecond line")
        #expect(entry["rosh_level"] as? String == "very_high")
        _ = try object(try visor(["meeting", "add", id, "--date", "2026-11-24", "--level", "2", "--minutes", "Met",
                                  "--plan", "Plan", "--agency", "Metropolitan Police Service"], as: "om"))
        #expect(!(try rules()).contains("R11"))
        let validated = try object(try visor(["record", "validate", id, "--note", "complete"], as: "cpc"))
        #expect(validated["validated_at"] as? String != nil)
        #expect(!(try rules()).contains("R10"))
        let notified = try object(try visor(["notification", "record", id, "--date", "2026-11-20"], as: "om"))
        #expect(notified["last_notification_date"] as? String == "2026-11-20")
    }

    @Test("An R1 action for an extract case goes when its nominal is created")
    func createMeetsR1() throws {
        let listed = try sandbox.visor(["actions", "--db", register.database, "--rule", "R1", "--agency", "London",
                                        "--format", "json", "--horizon", "3650"])
        let actions = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
        let crn = try #require(actions.compactMap { $0["crn"] as? String }.first)
        _ = try object(try visor(["nominal", "create", "--surname", "Newcase", "--forenames", "Case", "--dob",
                                  "1979-05-05", "--gender", "M", "--ethnicity", "NS", "--category", "2", "--level", "2",
                                  "--crn", crn], as: "om"))
        let after = try sandbox.visor(["actions", "--db", register.database, "--rule", "R1", "--format", "json",
                                       "--horizon", "3650"])
        #expect(after.status == 0)
        #expect(!after.stdout.contains("\"\(crn)\""), "the R1 action for \(crn) is still listed")
    }
}
