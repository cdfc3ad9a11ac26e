import Foundation
import GRDB
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `visor audit verify [--from-head HASH:COUNT]` run as a script would, and the
/// application's start-up warning, against registers tampered with through
/// SQLite as someone who can write the file would (triggers dropped, rows
/// changed, triggers re-created).
@Suite("visor audit verify")
struct AuditVerifyCLITests {
    /// `HASH:COUNT`.
    static func isHead(_ text: String) -> Bool { text.wholeMatch(of: /[0-9a-f]{64}:[0-9]+/) != nil }

    /// Runs `sql` on the register with the append-only triggers dropped, then re-creates them as they were.
    static func tamper(_ path: String, _ sql: String) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            let triggers = try Row.fetchAll(db, sql: """
                SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_event'
                """).map { (name: $0[0] as String, sql: $0[1] as String) }
            for trigger in triggers { try db.execute(sql: "DROP TRIGGER \(trigger.name)") }
            try db.execute(sql: sql)
            for trigger in triggers { try db.execute(sql: trigger.sql) }
        }
        try queue.close()
    }

    /// The JSON object a command printed.
    static func object(_ result: CLIResult) throws -> [String: Any] {
        let parsed = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
        return try #require(parsed as? [String: Any], "\(result)")
    }

    @Test("Exit 0 with the head: JSON head, hash, count and verified: true; the table format prints HASH:COUNT alone")
    func verifies() throws {
        let sandbox = try CLISandbox()
        let register = try sandbox.register()
        let json = try sandbox.visor(["audit", "verify", "--db", register])
        #expect(json.status == 0, "\(json)")
        let object = try Self.object(json)
        let head = try #require(object["head"] as? String)
        #expect(Self.isHead(head))
        #expect(object["verified"] as? Bool == true)
        #expect(object["count"] as? Int == Int(head.split(separator: ":")[1]))
        #expect(object["hash"] as? String == String(head.split(separator: ":")[0]))

        let table = try sandbox.visor(["audit", "verify", "--db", register, "--format", "table"])
        #expect(table.status == 0, "\(table)")
        let line = try #require(table.stdoutLines.first)
        #expect(table.stdoutLines.count == 1)
        #expect(Self.isHead(line))
        // The first verification audited itself after printing its head: one event more.
        #expect(Int(line.split(separator: ":")[1]) == (object["count"] as? Int).map { $0 + 1 })
    }

    @Test("An UPDATE with the triggers dropped and re-created: exit 65 naming the event")
    func updateFound() throws {
        let sandbox = try CLISandbox()
        let register = try sandbox.register()
        try Self.tamper(register, "UPDATE audit_event SET detail = 'nothing happened' WHERE id = 1")
        let result = try sandbox.visor(["audit", "verify", "--db", register])
        #expect(result.status == 65, "\(result)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderrLines.first?.hasPrefix(
            "visor: the audit trail does not verify: event 1 does not match its hash") == true)
    }

    @Test("--from-head: a head written down still verifies after new events; truncating after it exits 65")
    func fromHead() throws {
        let sandbox = try CLISandbox()
        let register = try sandbox.register()
        let first = try sandbox.visor(["audit", "verify", "--db", register, "--format", "table"])
        let recorded = try #require(first.stdoutLines.first)
        _ = try sandbox.visor(["audit", "verify", "--db", register])

        let later = try sandbox.visor(["audit", "verify", "--db", register, "--from-head", recorded])
        #expect(later.status == 0, "\(later)")
        #expect(try Self.object(later)["from_head"] as? String == recorded)

        let count = try #require(Int(recorded.split(separator: ":")[1]))
        try Self.tamper(register, "DELETE FROM audit_event WHERE id >= \(count)")
        let truncated = try sandbox.visor(["audit", "verify", "--db", register, "--from-head", recorded])
        #expect(truncated.status == 65, "\(truncated)")
        #expect(truncated.stderr.contains("covers \(count) event\(count == 1 ? "" : "s") but the trail holds \(count - 1)"))
        #expect(truncated.stderr.contains("event \(count) was deleted"))
    }

    @Test("A malformed --from-head is a usage error (64)")
    func malformedHead() throws {
        let sandbox = try CLISandbox()
        let register = try sandbox.register()
        let result = try sandbox.visor(["audit", "verify", "--db", register, "--from-head", "abc:12"])
        #expect(result.status == 64, "\(result)")
        #expect(result.stderr.contains("--from-head"))
    }

    @Test("The sign-in screen warns when a trigger is missing, and names visor audit verify",
          .tags(.tmux), .enabled(if: Tmux.isAvailable, Tmux.skipMessage))
    func startUpWarning() throws {
        let sandbox = try CLISandbox()
        let register = try sandbox.register()
        let queue = try DatabaseQueue(path: register)
        try queue.write { db in try db.execute(sql: "DROP TRIGGER audit_event_no_update") }
        try queue.close()
        let session = try TmuxSession([try VisorBinary.path(), "--db", register],
                                      environment: ["LANG": "C.UTF-8", "XDG_DATA_HOME": sandbox.file("xdg"),
                                                    "XDG_CONFIG_HOME": sandbox.file("config")])
        defer { session.kill() }
        // The message is wrapped to the sign-in box: look for words, not phrases that may break across lines.
        let screen = try session.waitFor(text: "audit_event_no_update")
        #expect(screen.contains("start-up"))
        #expect(screen.contains("verify"))
    }
}
