import Foundation
import GRDB
import VisorDomain
import VisorRegister
import VisorStore

/// What `visor demo` would replace at a path: nothing, a demonstration
/// untouched since it was seeded, or one that holds someone's work.
public enum DemoReplacement: Equatable, Sendable {
    /// No register there (no file, an empty file, or a file with no register yet).
    case nothing
    /// A demonstration register with no change since it was seeded.
    case untouchedDemo
    /// A demonstration register holding `changes` changes made after seeding, the latest at `latest`.
    case changedDemo(changes: Int, latest: Date)

    /// Looks at `path` read-only. A register that is not a demonstration is refused
    /// (`.cannotCreate`): `visor demo` never replaces one.
    public static func inspect(path: String, clock: any VisorClock) throws(StoreError) -> DemoReplacement {
        guard try DatabaseFile.probe(path) == .visor else { return .nothing }
        // Read-only: opening for writing makes GRDB write to a file with no log beside it, and a
        // register that is kept must stay byte for byte as it was.
        let existing: AppDatabase
        do {
            existing = try AppDatabase.open(path: path, clock: clock,
                                            readOnlyReason: "visor demo only looks at it before replacing it")
        } catch .cannotCreate {
            // An older Visor's register cannot be read before it is upgraded: that is a change it would
            // get from any command.
            existing = try AppDatabase.open(path: path, clock: clock)
        }
        defer { try? existing.close() }
        guard try existing.holdsRegister() else { return .nothing }
        guard try existing.meta("register") == "demo" else {
            throw .cannotCreate("\(path) holds a register that is not a demonstration; it was not changed "
                + "(give --db another path)")
        }
        let changed = AuditEvent.Action.allCases.filter(\.changesData).map(\.rawValue)
        let found = try existing.read { db -> (Int, Date?) in
            // Seeding ends with the register's creation event: anything that changed data after it is someone's work.
            let seeded = try Int64.fetchOne(db, sql: "SELECT max(id) FROM audit_event WHERE action = 'create_register'")
            let row = try Row.fetchOne(db, sql: """
                SELECT count(*) AS n, max(at) AS latest FROM audit_event
                WHERE id > ? AND action IN (\(changed.map { _ in "?" }.joined(separator: ",")))
                """, arguments: StatementArguments([seeded ?? 0] + changed))
            return (row?["n"] ?? 0, row?["latest"])
        }
        guard found.0 > 0, let latest = found.1 else { return .untouchedDemo }
        return .changedDemo(changes: found.0, latest: latest)
    }
}
