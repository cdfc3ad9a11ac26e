import Foundation
import GRDB
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Issue 13, item 2, through the binary: the policy belongs to the register.
/// An administrator sets it (`visor policy set|import`, audited), everyone reads it
/// (`visor policy show`), and nobody else may change it.
@Suite("visor policy")
struct PolicyCLITests {
    static let demo = ["VISOR_PASSWORD": "demo"]

    /// `visor policy show --format json` as setting → (value, default).
    static func shown(_ sandbox: CLISandbox, _ register: DemoRegisterFolder) throws -> [String: (String, Bool)] {
        let result = try sandbox.visor(["policy", "show", "--db", register.database, "--format", "json"])
        #expect(result.status == 0, "\(result)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        var settings: [String: (String, Bool)] = [:]
        for row in rows {
            settings[try #require(row["setting"] as? String)] =
                (try #require(row["value"] as? String), try #require(row["default"] as? Bool))
        }
        return settings
    }

    /// The register's change_policy and refused audit events' details, oldest first.
    static func audited(_ register: DemoRegisterFolder, _ action: String) throws -> [String] {
        let queue = try DatabaseQueue(path: register.database)
        defer { try? queue.close() }
        return try queue.read { db in
            try String.fetchAll(db, sql: "SELECT detail FROM audit_event WHERE action = ? ORDER BY id", arguments: [action])
        }
    }

    @Test("show lists every setting at its default; set by the administrator changes it for everyone, audited")
    func setAndShow() throws {
        let register = try DemoRegisterFolder(), sandbox = try CLISandbox()
        let before = try Self.shown(sandbox, register)
        #expect(before["rules.r4_answer_working_days"]?.0 == "3")
        #expect(before["rules.r4_answer_working_days"]?.1 == true)
        #expect(before.count > 10)

        let set = try sandbox.visor(["policy", "set", "rules.r4_answer_working_days", "5", "--as", "admin",
                                     "--db", register.database], environment: Self.demo)
        #expect(set.status == 0, "\(set)")
        #expect(set.stdoutLines == ["rules.r4_answer_working_days = 5"])
        let after = try Self.shown(sandbox, register)
        #expect(after["rules.r4_answer_working_days"]?.0 == "5")
        #expect(after["rules.r4_answer_working_days"]?.1 == false)
        #expect(try Self.audited(register, "change_policy") == ["visor policy set: rules.r4_answer_working_days = 5"])
    }

    @Test("An offender manager may not change the policy: 77, audited as refused, the policy unchanged")
    func onlyAdministrator() throws {
        let register = try DemoRegisterFolder(), sandbox = try CLISandbox()
        let result = try sandbox.visor(["policy", "set", "sign_in.lockout_failures", "1", "--as", "om",
                                        "--db", register.database], environment: Self.demo)
        #expect(result.status == 77, "\(result)")
        #expect(result.stderr.contains("administrator"), "\(result)")
        #expect(try Self.shown(sandbox, register)["sign_in.lockout_failures"]?.1 == true)
        #expect(try Self.audited(register, "change_policy").isEmpty)
        #expect(try Self.audited(register, "refused").contains { $0.contains("policy") })
    }

    @Test("Bad settings: an unknown one or a value out of range is 65 naming it; a setting without a section is 64")
    func badSettings() throws {
        let register = try DemoRegisterFolder(), sandbox = try CLISandbox()
        func set(_ setting: String, _ value: String) throws -> CLIResult {
            try sandbox.visor(["policy", "set", setting, value, "--as", "admin", "--db", register.database],
                              environment: Self.demo)
        }
        let unknown = try set("rules.r99_days", "3")
        #expect(unknown.status == 65, "\(unknown)")
        #expect(unknown.stderr.contains("rules.r99_days: unknown setting"), "\(unknown)")
        let range = try set("actions.warning_window_days", "400")
        #expect(range.status == 65, "\(range)")
        #expect(range.stderr.contains("400 is not allowed"), "\(range)")
        let bare = try set("lockout", "2")
        #expect(bare.status == 64, "\(bare)")
        #expect(try Self.audited(register, "change_policy").isEmpty)
    }

    @Test("import makes a file the whole policy (settings it leaves out go back to default); a missing file is 66")
    func importFile() throws {
        let register = try DemoRegisterFolder(), sandbox = try CLISandbox()
        _ = try sandbox.visor(["policy", "set", "sign_in.lockout_failures", "3", "--as", "admin",
                               "--db", register.database], environment: Self.demo)
        let file = try sandbox.write("policy.toml", "[rules]\nr4_answer_working_days = 7\n")
        let imported = try sandbox.visor(["policy", "import", file, "--as", "admin", "--db", register.database],
                                         environment: Self.demo)
        #expect(imported.status == 0, "\(imported)")
        let shown = try Self.shown(sandbox, register)
        #expect(shown["rules.r4_answer_working_days"]?.0 == "7")
        #expect(shown["sign_in.lockout_failures"]?.1 == true)
        let details = try Self.audited(register, "change_policy")
        #expect(details.last == "\(file): rules.r4_answer_working_days = 7; sign_in.lockout_failures back to its default")

        let missing = try sandbox.visor(["policy", "import", sandbox.file("none.toml"), "--as", "admin",
                                         "--db", register.database], environment: Self.demo)
        #expect(missing.status == 66, "\(missing)")
        let broken = try sandbox.write("broken.toml", "[rules\n")
        let bad = try sandbox.visor(["policy", "import", broken, "--as", "admin", "--db", register.database],
                                    environment: Self.demo)
        #expect(bad.status == 65, "\(bad)")
        #expect(bad.stderr.contains("broken.toml: line 1"), "\(bad)")
    }

    @Test("The register's deadline reaches the rules: a shorter R4 answer window makes more requests overdue")
    func policyReachesRules() throws {
        let register = try DemoRegisterFolder(), sandbox = try CLISandbox()
        func overdueR4() throws -> Int {
            let result = try sandbox.visor(["actions", "--db", register.database, "--rule", "R4", "--at",
                                            "2026-11-25", "--format", "json"])
            #expect(result.status == 0, "\(result)")
            let rows = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
            return rows.filter { $0["state"] as? String == "overdue" }.count
        }
        let before = try overdueR4()
        _ = try sandbox.visor(["policy", "set", "rules.r4_answer_working_days", "0", "--as", "admin",
                               "--db", register.database], environment: Self.demo)
        #expect(try overdueR4() > before)
    }
}
