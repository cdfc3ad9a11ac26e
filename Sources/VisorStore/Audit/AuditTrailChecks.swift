import Foundation
import GRDB
import VisorDomain
import VisorRegister

extension AppDatabase {
    /// How many of the last events the application verifies each time it opens
    /// a register: days of a busy register's sign-ins, views and changes, so an
    /// event altered since someone last started the application is found at the
    /// next start, for about 6 ms (release build on a quiet machine; 1,000 events
    /// took 1.1 ms). Older events are `visor audit verify`'s.
    public static let startUpAuditWindow: Int64 = 10_000

    /// `visor audit verify`: walks the whole chain and, with `recorded`, checks
    /// that the trail still begins with the events that head was taken from.
    /// The verification is then audited under `actor` (a read, cli.md); the
    /// event is appended after the walk, so the head returned is the trail as
    /// it was before it, and a later verification still finds it as a prefix.
    public func verifyAuditTrail(from recorded: AuditHead?, by actor: Actor) throws(StoreError) -> AuditVerification {
        let result = try read { db in try AuditChainVerifier.verifyAll(db, recorded: recorded) }
        var detail: String
        switch result {
        case .verified(let head): detail = "verified: head \(head)"
        case .broken(_, let reason): detail = "does not verify: \(reason)"
        }
        if let recorded { detail += " (from head \(recorded))" }
        try write { db in try AuditLog.append(db, at: clock.now(), actor: actor, action: .auditVerify, detail: detail) }
        return result
    }

    /// The application's check when it opens a register: the append-only
    /// triggers are there as the schema made them, and the last `window` events
    /// verify. When either fails, the failure is audited under `actor` and the
    /// warning for the sign-in screen returned; nil when all is well.
    public func checkAuditTrailAtStartUp(by actor: Actor, window: Int64 = startUpAuditWindow)
        throws(StoreError) -> String? {
        let problems = try read { db -> [String] in
            var problems = try AppDatabase.triggerProblems(db)
            if case .broken(_, let reason) = try AuditChainVerifier.verifyLast(db, window: window) {
                problems.append(reason)
            }
            return problems
        }
        guard !problems.isEmpty else { return nil }
        let summary = problems.joined(separator: "; ")
        try write { db in
            try AuditLog.append(db, at: clock.now(), actor: actor, action: .auditCheckFailed, detail: summary)
        }
        return "the audit trail failed its start-up check: \(summary); run visor audit verify --db \(path) "
            + "and tell your administrator"
    }

    /// What is wrong with the triggers that refuse UPDATE and DELETE on the trail: missing, or not as
    /// the schema made them.
    static func triggerProblems(_ db: Database) throws -> [String] {
        let found = try Dictionary(
            Row.fetchAll(db, sql: "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").map {
                (($0[0] as String?) ?? "", ($0[1] as String?) ?? "")
            }, uniquingKeysWith: { first, _ in first })
        return AuditChainSchema.triggers.compactMap { trigger in
            guard let sql = found[trigger.name] else {
                return "the trigger \(trigger.name) that keeps the trail append-only is missing"
            }
            return sql == trigger.sql ? nil : "the trigger \(trigger.name) is not the one the schema made"
        }
    }
}
