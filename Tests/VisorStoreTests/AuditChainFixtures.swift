import Foundation
import GRDB
import Testing
import VisorDomain
import VisorRegister
@testable import VisorStore

/// What the audit chain's tests do to a register: append events, verify
/// without auditing the verification, and tamper as someone who can write
/// the file would (drop the triggers, change rows, put the triggers back).
extension TestRegister {
    /// Appends `count` search events by the operator `tester`, each in its own transaction.
    func appendEvents(_ count: Int, label: String = "search") throws {
        for index in 0..<count {
            try database.write { db in
                try AuditLog.append(db, at: StoreFixtures.clock.now(), actor: .operator(osUser: "tester"),
                                    action: .search, detail: "\(label) \(index)")
            }
        }
    }

    /// The whole chain's verification, not audited (so a test's verifications do not move the head).
    func verify(from recorded: AuditHead? = nil) throws -> AuditVerification {
        try database.read { db in try AuditChainVerifier.verifyAll(db, recorded: recorded) }
    }

    /// The head, when the chain verifies.
    func head() throws -> AuditHead {
        guard case .verified(let head) = try verify() else {
            throw AuditChainTestFailure(description: "the chain does not verify")
        }
        return head
    }

    /// A register of `count` events in which `sql` (its `?` the event's id) has tampered with the event
    /// `back` before the last; returns the register and that event's id.
    static func tampered(events count: Int, back: Int64, _ sql: String) throws -> (TestRegister, Int64) {
        let register = try TestRegister()
        try register.appendEvents(count)
        let target = try register.lastEventID - back
        try register.tamper(sql, arguments: [target])
        return (register, target)
    }

    var lastEventID: Int64 {
        get throws { try database.read { db in try Int64.fetchOne(db, sql: "SELECT max(id) FROM audit_event") ?? 0 } }
    }

    /// Runs `sql` on the trail with its triggers dropped, then re-creates them exactly as they were.
    func tamper(_ sql: String, arguments: StatementArguments = StatementArguments()) throws {
        try database.writer.write { db in
            try AuditChainFixtures.withoutTriggers(db) { try db.execute(sql: sql, arguments: arguments) }
        }
    }

    /// What someone who knows the scheme would do after a change: recompute every hash from event `first` on.
    func recomputeHashes(from first: Int64) throws {
        try database.writer.write { db in
            try AuditChainFixtures.withoutTriggers(db) {
                var previous = try (Data.fetchOne(db, sql: "SELECT hash FROM audit_event WHERE id = ?",
                                                  arguments: [first - 1])).map { Array($0) } ?? AuditChain.genesis
                let rows = try Row.fetchAll(db, sql: """
                    SELECT \(AuditChain.coveredColumns) FROM audit_event WHERE id >= ? ORDER BY id
                    """, arguments: [first])
                var hasher = AuditChainHasher()
                for row in rows {
                    hasher.start(previous: previous)
                    for index in 0..<7 { hasher.add(row[index] as DatabaseValue) }
                    previous = hasher.digest().bytes
                    try db.execute(sql: "UPDATE audit_event SET hash = ? WHERE id = ?",
                                   arguments: [Data(previous), row[0] as Int64])
                }
            }
        }
    }

    /// The actions and details of the events after id `mark`.
    func events(after mark: Int64) throws -> [(action: String, detail: String)] {
        try database.read { db in
            try Row.fetchAll(db, sql: "SELECT action, detail FROM audit_event WHERE id > ? ORDER BY id",
                             arguments: [mark]).map { ($0["action"], $0["detail"]) }
        }
    }
}

enum AuditChainFixtures {
    static func withoutTriggers(_ db: Database, _ body: () throws -> Void) throws {
        for trigger in AuditChainSchema.triggers { try db.execute(sql: "DROP TRIGGER \(trigger.name)") }
        try body()
        for trigger in AuditChainSchema.triggers { try db.execute(sql: trigger.sql) }
    }
}

struct AuditChainTestFailure: Error, CustomStringConvertible {
    var description: String
}
