import Foundation
import GRDB
import Testing
import VisorDomain
import VisorRegister
@testable import VisorStore
#if canImport(Glibc)
import Glibc
#endif

/// One sign-in for every door, equal answers, and who the operator is
/// (issue 11, items 1, 2 and 7), through the real binary.
@Suite("visor command line: one sign-in, equal answers, the operator's account")
struct SignInHardeningTests {
    /// A demo register of the test's own and a sandbox to run visor in.
    func setUp() throws -> (DemoRegisterFolder, CLISandbox) { (try DemoRegisterFolder(), try CLISandbox()) }

    func audit(_ register: DemoRegisterFolder, _ sql: String) throws -> [Row] {
        let database = try AppDatabase.open(path: register.database, clock: FixedClock(date: LocalDate(year: 2026, month: 11, day: 25)!))
        defer { try? database.close() }
        return try database.read { db in try Row.fetchAll(db, sql: sql) }
    }

    /// `visor policy set SETTING VALUE` as the demo's administrator.
    func setPolicy(_ sandbox: CLISandbox, _ register: DemoRegisterFolder, _ setting: String, _ value: String) throws {
        let result = try sandbox.visor(["policy", "set", setting, value, "--as", "admin", "--db", register.database],
                                       environment: ["VISOR_PASSWORD": "demo"])
        #expect(result.status == 0, "\(result)")
    }

    @Test("--as applies the register's clearance rules: a user the application would refuse is refused (77)")
    func clearancePolicyApplies() throws {
        let (register, sandbox) = try setUp()
        let arguments = ["partners", "list", "--as", "om", "--db", register.database, "--format", "json"]
        let allowed = try sandbox.visor(arguments, environment: ["VISOR_PASSWORD": "demo"])
        #expect(allowed.status == 0, "\(allowed)")
        try setPolicy(sandbox, register, "clearance.offender_manager", "[\"DV\"]")
        let refused = try sandbox.visor(arguments, environment: ["VISOR_PASSWORD": "demo"])
        #expect(refused.status == 77, "\(refused)")
        #expect(refused.stderr.contains("clearance"), "\(refused)")
    }

    @Test("A user's own policy.toml changes no rule: the register's policy is everyone's")
    func userFileChangesNoRule() throws {
        let (register, sandbox) = try setUp()
        try FileManager.default.createDirectory(atPath: sandbox.file("config/visor"), withIntermediateDirectories: true)
        try sandbox.write("config/visor/policy.toml", "[clearance]\noffender_manager = [\"DV\"]\n")
        let result = try sandbox.visor(["partners", "list", "--as", "om", "--db", register.database],
                                       environment: ["VISOR_PASSWORD": "demo", "XDG_CONFIG_HOME": sandbox.file("config")])
        #expect(result.status == 0, "\(result)")
    }

    @Test("--as applies the register's lockout count: two failures lock the account when the policy says two")
    func lockoutPolicyApplies() throws {
        let (register, sandbox) = try setUp()
        try setPolicy(sandbox, register, "sign_in.lockout_failures", "2")
        let arguments = ["partners", "list", "--as", "om", "--db", register.database]
        for _ in 0..<2 {
            let wrong = try sandbox.visor(arguments, environment: ["VISOR_PASSWORD": "not it"])
            #expect(wrong.status == 77)
        }
        let locked = try sandbox.visor(arguments, environment: ["VISOR_PASSWORD": "demo"])
        #expect(locked.status == 77, "locked after two failures: \(locked)")
        #expect(locked.stderr.contains("locked"), "\(locked)")
    }

    @Test("Unknown user, disabled account and wrong password print the same message and exit 77")
    func equalAnswers() throws {
        let (register, sandbox) = try setUp()
        let database = try AppDatabase.open(path: register.database, clock: FixedClock(date: LocalDate(year: 2026, month: 11, day: 25)!))
        try database.write { db in try db.execute(sql: "UPDATE user_account SET active = 0 WHERE username = 'police'") }
        try database.close()
        func attempt(_ user: String, _ password: String) throws -> CLIResult {
            try sandbox.visor(["partners", "list", "--as", user, "--db", register.database],
                              environment: ["VISOR_PASSWORD": password])
        }
        let unknown = try attempt("nobody", "demo")
        let disabled = try attempt("police", "demo")
        let wrong = try attempt("cpc", "not the password")
        for result in [unknown, disabled, wrong] { #expect(result.status == 77, "\(result)") }
        #expect(unknown.stderr == disabled.stderr, "\(unknown)\n\(disabled)")
        #expect(unknown.stderr == wrong.stderr, "\(unknown)\n\(wrong)")
    }

    @Test("A request between two other agencies answers as one that does not exist, naming nobody (65)")
    func invisibleRequest() throws {
        let (register, sandbox) = try setUp()
        // A pending request from the Met to London: the prison is neither.
        let request = try #require(try audit(register, """
            SELECT r.id FROM partner_request r JOIN agency a ON a.id = r.requesting_agency_id
            WHERE a.name = 'Metropolitan Police Service' AND r.state = 'pending' LIMIT 1
            """).first?["id"] as Int64?)
        for (step, extra) in [("accept", [String]()), ("decline", ["--reason", "no"]), ("withdraw", [])] {
            let hidden = try sandbox.visor(["partners", step, String(request), "--as", "prison", "--db", register.database]
                + extra, environment: ["VISOR_PASSWORD": "demo"])
            let missing = try sandbox.visor(["partners", step, "999999", "--as", "prison", "--db", register.database]
                + extra, environment: ["VISOR_PASSWORD": "demo"])
            #expect(hidden.status == 65 && missing.status == 65, "\(hidden)\n\(missing)")
            #expect(hidden.stderr == "visor: no partner request \(request) on the register\n", "\(hidden)")
            #expect(missing.stderr == "visor: no partner request 999999 on the register\n", "\(missing)")
        }
        // Each attempt was audited as a refusal, saying what it was.
        let refusals = try audit(register, "SELECT detail FROM audit_event WHERE action = 'refused'").map { $0["detail"] as String }
        #expect(refusals.contains { $0.contains("not visible") && $0.contains("request \(request)") }, "\(refusals)")
    }

    @Test("Ending a partnership on a record the user may not see answers as a record that does not exist (65)")
    func invisibleRecord() throws {
        let (register, sandbox) = try setUp()
        // A London record the prison neither owns nor partners.
        let nominal = try #require(try audit(register, """
            SELECT n.id FROM nominal n JOIN agency o ON o.id = n.owner_agency_id WHERE o.name = 'London'
            AND n.id NOT IN (SELECT p.nominal_id FROM partnership p JOIN agency a ON a.id = p.agency_id
                             WHERE a.name = 'HMP Belmarsh' AND p.state = 'active') LIMIT 1
            """).first?["id"] as Int64?)
        let hidden = try sandbox.visor(["partners", "end", "--nominal", String(nominal), "--agency", "Kent Police",
                                        "--reason", "x", "--as", "prison", "--db", register.database],
                                       environment: ["VISOR_PASSWORD": "demo"])
        #expect(hidden.status == 65, "\(hidden)")
        #expect(hidden.stderr == "visor: no nominal \(nominal) on the register\n", "\(hidden)")
        #expect(!hidden.stderr.contains("London"), "the owner is not named")
    }

    @Test("A forbidden operation is refused (77) and audited")
    func forbiddenAudited() throws {
        let (register, sandbox) = try setUp()
        let file = try sandbox.write("extract.csv", CLITests.header + "\n" + CLITests.row(1) + "\n")
        let refused = try sandbox.visor(["import", file, "--as", "om", "--db", register.database],
                                        environment: ["VISOR_PASSWORD": "demo"])
        #expect(refused.status == 77, "\(refused)")
        let events = try audit(register, """
            SELECT e.detail FROM audit_event e JOIN user_account u ON u.id = e.user_id
            WHERE e.action = 'refused' AND u.username = 'om'
            """)
        #expect(events.contains { ($0["detail"] as String).hasPrefix("import: refused") }, "\(events)")
    }

    @Test("A read without --as is audited under the account of the process's user id, not $USER")
    func operatorFromUID() throws {
        let (register, sandbox) = try setUp()
        let result = try sandbox.visor(["actions", "--db", register.database, "--rule", "R12", "--format", "json"],
                                       environment: ["USER": "mallory", "LOGNAME": "mallory"])
        #expect(result.status == 0, "\(result)")
        let expected = getpwuid(getuid()).map { String(cString: $0.pointee.pw_name) } ?? "uid \(getuid())"
        let last = try #require(try audit(register, """
            SELECT os_user FROM audit_event WHERE action = 'list_actions' ORDER BY id DESC LIMIT 1
            """).first)
        #expect(last["os_user"] as String? == expected)
        #expect(expected != "mallory")
    }
}
