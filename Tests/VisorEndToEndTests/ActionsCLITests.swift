import Foundation
import Testing

/// Issue 13, item 4, through the binary: `visor actions` streams the kept actions in every format,
/// and `--agency`, `--rule`, `--user` and `--nominal` narrow the query, each giving exactly the
/// matching lines of the whole list, in the same order.
@Suite("visor actions: streamed, narrowed by the query")
struct ActionsCLITests {
    static let demo = ["VISOR_PASSWORD": "demo"]
    static let keys = ["rule", "state", "due", "agency", "user", "nominal", "crn", "pnc_id", "summary"]

    static func json(_ sandbox: CLISandbox, _ register: DemoRegisterFolder, _ extra: [String],
                     environment: [String: String] = [:]) throws -> [[String: Any]] {
        let result = try sandbox.visor(["actions", "--db", register.database, "--at", "2026-11-25", "--format", "json"]
                                       + extra, environment: environment)
        #expect(result.status == 0, "\(result)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
    }

    /// A line as comparable text: its values in the contract's key order.
    static func line(_ object: [String: Any]) -> String {
        keys.map { object[$0].map { "\($0)" } ?? "missing" }.joined(separator: "|")
    }

    @Test("Each narrowing gives exactly the matching lines of the whole list, in its order")
    func narrowing() throws {
        let register = try DemoRegisterFolder(), sandbox = try CLISandbox()
        let all = try Self.json(sandbox, register, [])
        #expect(all.count > 500)
        #expect(all.allSatisfy { Set($0.keys) == Set(Self.keys) })
        let someNominal = try #require(all.compactMap { $0["nominal"] as? Int }.first)
        let someUser = try #require(all.compactMap { $0["user"] as? String }.first)
        let cases: [([String], ([String: Any]) -> Bool)] = [
            (["--agency", "London"], { $0["agency"] as? String == "London" }),
            (["--rule", "R10,R16"], { ["R10", "R16"].contains($0["rule"] as? String ?? "") }),
            (["--user", someUser], { $0["user"] as? String == someUser }),
            (["--nominal", "\(someNominal)"], { $0["nominal"] as? Int == someNominal }),
        ]
        for (arguments, matches) in cases {
            let narrowed = try Self.json(sandbox, register, arguments)
            #expect(!narrowed.isEmpty, "\(arguments)")
            #expect(narrowed.map(Self.line) == all.filter(matches).map(Self.line), "\(arguments)")
        }
    }

    @Test("CSV and the table list the same actions as JSON: a header, then one line each")
    func formats() throws {
        let register = try DemoRegisterFolder(), sandbox = try CLISandbox()
        let all = try Self.json(sandbox, register, ["--agency", "London"])
        let csv = try sandbox.visor(["actions", "--db", register.database, "--at", "2026-11-25", "--agency", "London",
                                     "--format", "csv"])
        #expect(csv.status == 0)
        #expect(csv.stdoutLines.first == Self.keys.joined(separator: ","))
        #expect(csv.stdoutLines.count == all.count + 1)
        let firstRule = all.first?["rule"] as? String ?? ""
        #expect(csv.stdoutLines.dropFirst().first?.hasPrefix(firstRule + ",") == true)
        let table = try sandbox.visor(["actions", "--db", register.database, "--at", "2026-11-25", "--agency", "London",
                                       "--format", "table"])
        #expect(table.status == 0)
        let header = try #require(table.stdoutLines.first)
        #expect(header.split(separator: " ").map(String.init) == Self.keys)
        #expect(table.stdoutLines.count == all.count + 1)
        // Columns line up: every line's due date starts where the header's "due" does.
        let dueColumn = try #require(header.range(of: "due")).lowerBound.utf16Offset(in: header)
        for (line, object) in zip(table.stdoutLines.dropFirst(), all).prefix(50) {
            let due = try #require(object["due"] as? String)
            #expect(String(line.utf16.dropFirst(dueColumn).prefix(10)) == due, "\(line)")
        }
        let none = try sandbox.visor(["actions", "--db", register.database, "--rule", "R1", "--nominal", "999999",
                                      "--format", "table"])
        #expect(none.stdoutLines.last == "(none)")
    }

    @Test("--as shows the user's agency's actions; --agency naming another agency then finds nothing")
    func signedIn() throws {
        let register = try DemoRegisterFolder(), sandbox = try CLISandbox()
        let mine = try Self.json(sandbox, register, ["--as", "om"], environment: Self.demo)
        let agencies = Set(mine.compactMap { $0["agency"] as? String })
        #expect(agencies.count == 1, "\(agencies)")
        let agency = try #require(agencies.first)
        let other = agency == "Wales" ? "London" : "Wales"
        #expect(try Self.json(sandbox, register, ["--as", "om", "--agency", other], environment: Self.demo).isEmpty)
        #expect(try Self.json(sandbox, register, ["--as", "om", "--agency", agency], environment: Self.demo).count
            == mine.count)
    }

    @Test("Bad narrowing: an unknown user is 65 naming it; --nominal 0 is a usage error (64)")
    func badNarrowing() throws {
        let register = try DemoRegisterFolder(), sandbox = try CLISandbox()
        let unknown = try sandbox.visor(["actions", "--db", register.database, "--user", "nobody.here"])
        #expect(unknown.status == 65, "\(unknown)")
        #expect(unknown.stderr.contains("--user: no user named nobody.here"), "\(unknown)")
        let zero = try sandbox.visor(["actions", "--db", register.database, "--nominal", "0"])
        #expect(zero.status == 64, "\(zero)")
    }

    @Test("--rebuild: the operator or an administrator rebuilds, giving the same list; an offender manager is refused (77)")
    func rebuild() throws {
        let register = try DemoRegisterFolder(), sandbox = try CLISandbox()
        let before = try Self.json(sandbox, register, []).map(Self.line)
        let refused = try sandbox.visor(["actions", "--db", register.database, "--rebuild", "--as", "om"],
                                        environment: Self.demo)
        #expect(refused.status == 77, "\(refused)")
        #expect(refused.stderr.contains("only an administrator rebuilds"), "\(refused)")
        let rebuilt = try sandbox.visor(["actions", "--db", register.database, "--at", "2026-11-25", "--rebuild",
                                         "--format", "json"])
        #expect(rebuilt.status == 0, "\(rebuilt)")
        #expect(rebuilt.stderr.contains("rebuilt from a full evaluation"), "\(rebuilt)")
        let objects = try #require(try JSONSerialization.jsonObject(with: Data(rebuilt.stdout.utf8)) as? [[String: Any]])
        #expect(objects.map(Self.line) == before)
        let byAdmin = try sandbox.visor(["actions", "--db", register.database, "--rebuild", "--as", "admin",
                                         "--format", "csv"], environment: Self.demo)
        #expect(byAdmin.status == 0, "\(byAdmin)")
    }
}
