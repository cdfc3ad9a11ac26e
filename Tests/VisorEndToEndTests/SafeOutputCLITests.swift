import Foundation
import GRDB
import Testing
import VisorDomain

/// No terminal injection from the command line: whatever the register, a
/// file or an argument holds, standard output and standard error carry no
/// control, line-break or bidirectional character raw — escaped in tables,
/// CSV and messages, `\uXXXX` in JSON — and CSV cells a spreadsheet would run
/// as formulas start with `'`. Free-text arguments are refused (exit 65).
@Suite("visor command line: no terminal injection")
struct SafeOutputCLITests {
    static let hostileAgency = "Lon\u{1B}[2J\u{202E}don\u{7}"
    static let formulaAgency = "=HYPERLINK(\"http://evil.example\",\"Wales\")"

    /// True when `text` holds no scalar `TerminalText` would escape, line feeds between lines aside.
    static func isSafe(_ text: String) -> Bool {
        !text.unicodeScalars.contains { $0 != "\n" && TerminalText.isUnsafe($0) }
    }

    /// A register whose London and Wales carry hostile names, as one written
    /// before names were checked (or by another program) may.
    func hostileRegister(_ sandbox: CLISandbox) throws -> String {
        let path = try sandbox.register()
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: "UPDATE agency SET name = ? WHERE name = 'London'", arguments: [Self.hostileAgency])
            try db.execute(sql: "UPDATE agency SET name = ? WHERE name = 'Wales'", arguments: [Self.formulaAgency])
        }
        try queue.close()
        return path
    }

    /// `visor actions --format FORMAT` on a hostile register of its own, expected to succeed.
    func hostileActions(format: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> CLIResult {
        let sandbox = try CLISandbox()
        let register = try hostileRegister(sandbox)
        let result = try sandbox.visor(["actions", "--db", register, "--format", format])
        #expect(result.status == 0, "\(result)", sourceLocation: sourceLocation)
        return result
    }

    @Test("visor actions: a table shows names escaped")
    func table() throws {
        let result = try hostileActions(format: "table")
        #expect(Self.isSafe(result.stdout) && Self.isSafe(result.stderr), "\(result)")
        #expect(result.stdout.contains("Lon\\x1b[2J\\u202edon\\x07"), "\(result)")
    }

    @Test("visor actions: CSV cells are escaped, and a formula starts with '")
    func csv() throws {
        let result = try hostileActions(format: "csv")
        #expect(Self.isSafe(result.stdout), "\(result)")
        #expect(result.stdoutLines.contains { $0.contains(",Lon\\x1b[2J\\u202edon\\x07,") }, "\(result)")
        #expect(result.stdoutLines.contains {
            $0.contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Wales\"\")\",")
        }, "\(result)")
        #expect(!result.stdout.contains(",=HYPERLINK"), "\(result)")
    }

    @Test("visor actions: JSON escapes as \\uXXXX and reads back the names exactly")
    func json() throws {
        let result = try hostileActions(format: "json")
        #expect(Self.isSafe(result.stdout), "\(result)")
        #expect(result.stdout.contains(#""Lon\u001b[2J\u202edon\u0007""#), "\(result)")
        let objects = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        let agencies = Set(objects.compactMap { $0["agency"] as? String })
        #expect(agencies.contains(Self.hostileAgency))
        #expect(agencies.contains(Self.formulaAgency), "JSON is not neutralised: it is not a spreadsheet")
    }

    @Test("visor import: a hostile value and a hostile header name are shown escaped on standard error")
    func importLines() throws {
        let sandbox = try CLISandbox()
        let register = try sandbox.register()
        let bad = CLITests.row(2).replacingOccurrences(of: ",Nowak,", with: ",Nowak\u{1B}[2J\u{202E},")
        let extract = try sandbox.write("hostile.csv", [
            CLITests.header + ",\u{1B}]0;pwned\u{7}", CLITests.row(1) + ",", bad + ",",
        ].joined(separator: "\n") + "\n")
        let result = try sandbox.visor(["import", extract, "--db", register, "--as", "root"],
                                       environment: ["VISOR_PASSWORD": CLITemplate.password])
        #expect(result.status == 65, "\(result)")
        #expect(result.stderrLines == [
            "warning: line 1: \\x1b]0;pwned\\x07: unknown column, ignored",
            "line 3: surname: Nowak\\x1b[2J\\u202e: control characters are not allowed (\\x1b at character 6)",
        ])
        #expect(Self.isSafe(result.stdout) && Self.isSafe(result.stderr), "\(result)")
    }

    @Test("visor partners: a reason with a control or an override is bad input (65), the register unchanged",
          arguments: [
        ("MAPP\u{7}", "visor: --reason: control characters are not allowed (\\x07 at character 5)"),
        ("abc\u{202E}fdp", "visor: --reason: bidirectional controls are not allowed (\\u202e at character 4)"),
        ("one\ntwo", "visor: --reason: line breaks are not allowed (\\n at character 4)"),
        ("MA\u{200B}PP", "visor: --reason: zero-width characters are not allowed (\\u200b at character 3)"),
    ])
    func reasonRefused(reason: String, message: String) throws {
        let sandbox = try CLISandbox()
        let register = try sandbox.register()
        func contents() throws -> [String] {
            let queue = try DatabaseQueue(path: register)
            defer { try? queue.close() }
            return try queue.read { db in
                try ["partner_request", "partnership", "audit_event"].flatMap { table in
                    try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY rowid").map { "\(table) \($0)" }
                }
            }
        }
        let before = try contents()
        for arguments in [
            ["partners", "request", "--crn", "X000001", "--reason", reason],
            ["partners", "decline", "1", "--reason", reason],
            ["partners", "end", "--crn", "X000001", "--agency", "Kent Police", "--reason", reason],
            ["partners", "add", "--crn", "X000001", "--agency", "Kent Police", "--reason", reason],
        ] {
            let result = try sandbox.visor(arguments + ["--db", register, "--as", "root"],
                                           environment: ["VISOR_PASSWORD": CLITemplate.password])
            #expect(result.status == 65, "\(arguments): \(result)")
            #expect(result.stderrLines == [message], "\(arguments): \(result)")
        }
        #expect(try contents() == before)
    }

    @Test("ArgumentParser's own messages quote arguments escaped")
    func argumentMessages() throws {
        let sandbox = try CLISandbox()
        let register = try sandbox.register()
        let date = try sandbox.visor(["actions", "--db", register, "--at", "2026\u{1B}[2J"])
        #expect(date.status == 64, "\(date)")
        #expect(date.stderr.contains("--at: 2026\\x1b[2J is not a date"), "\(date)")
        let number = try sandbox.visor(["partners", "withdraw", "1\u{202E}", "--db", register, "--as", "root"])
        #expect(number.status == 64, "\(number)")
        #expect(number.stderr.contains("'1\\u202e'"), "\(number)")
        for result in [date, number] { #expect(Self.isSafe(result.stdout) && Self.isSafe(result.stderr), "\(result)") }
    }
}
