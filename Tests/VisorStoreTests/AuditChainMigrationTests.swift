import Foundation
import GRDB
import Testing
import VisorDomain
import VisorRegister
@testable import VisorStore

/// A register made before the chain keeps working: the migration gives every
/// event its hash, in id order, and leaves the events as they were.
@Suite("Audit trail: the migration that chains an existing register")
struct AuditChainMigrationTests {
    /// The last migration before the chain's.
    static let beforeChain = "partners: answered requests by time"

    /// A register file at the schema before the chain, with `count` events written as that schema wrote them.
    static func unchainedRegister(_ path: String, events count: Int) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA application_id = \(Schema.applicationID)")
        }
        try Schema.migrator.migrate(queue, upTo: beforeChain)
        try queue.write { db in
            for index in 1...count {
                try db.execute(sql: """
                    INSERT INTO audit_event (at, user_id, os_user, action, nominal_id, detail) VALUES (?, NULL, ?, ?, ?, ?)
                    """, arguments: ["2026-11-25 12:00:\(String(format: "%02d", index)).000", "old", "search",
                                     index % 2 == 0 ? index : nil, "search \(index) — ü"])
            }
        }
        try queue.close()
    }

    static func columns(_ database: AppDatabase) throws -> [[DatabaseValue]] {
        try database.read { db in
            try Row.fetchAll(db, sql: "SELECT \(AuditChain.coveredColumns) FROM audit_event ORDER BY id")
                .map { row in (0..<7).map { row[$0] as DatabaseValue } }
        }
    }

    @Test("The migration back-fills the chain of an existing register, which then verifies and keeps its events")
    func backFill() throws {
        let folder = try TemporaryFolder("audit-migration")
        let path = folder.file("old.sqlite")
        try Self.unchainedRegister(path, events: 12)
        let before = try DatabaseQueue(path: path).read { db in
            try Row.fetchAll(db, sql: "SELECT \(AuditChain.coveredColumns) FROM audit_event ORDER BY id")
                .map { row in (0..<7).map { row[$0] as DatabaseValue } }
        }

        let database = try AppDatabase.open(path: path, clock: StoreFixtures.clock)
        #expect(try Self.columns(database) == before)
        let verified = try database.read { db in try AuditChainVerifier.verifyAll(db) }
        guard case .verified(let head) = verified else {
            Issue.record("the migrated trail does not verify: \(verified)")
            return
        }
        #expect(head.count == 12)
        #expect(try database.read { db in try AppDatabase.triggerProblems(db) }.isEmpty)
        #expect(try database.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE name IN ('audit_by_nominal', 'audit_by_user')")
        } == 2)

        // It goes on as a chained register: appends chain on, the triggers still refuse changes, a hash is required.
        try database.write { db in
            try AuditLog.append(db, at: StoreFixtures.clock.now(), actor: .operator(osUser: "tester"), action: .report)
        }
        #expect(try database.read { db in try AuditChainVerifier.verifyAll(db, recorded: head) }.brokenEvent == nil)
        #expect(throws: DatabaseError.self) {
            try database.writer.write { db in try db.execute(sql: "UPDATE audit_event SET detail = 'x' WHERE id = 1") }
        }
        #expect(throws: DatabaseError.self) {
            try database.writer.write { db in
                try db.execute(sql: "INSERT INTO audit_event (at, os_user, action) VALUES ('2026-11-25', 'x', 'report')")
            }
        }
    }

    @Test("After the migration, the connection that ran it may still set temp_store inside a transaction (bulk index builds do)")
    func tempStoreAfterMigration() throws {
        let folder = try TemporaryFolder("audit-migration")
        let fresh = try AppDatabase.open(path: folder.file("new.sqlite"), clock: StoreFixtures.clock)
        try fresh.write { db in try db.execute(sql: "PRAGMA temp_store = FILE; PRAGMA temp_store = MEMORY") }
        let path = folder.file("old.sqlite")
        try Self.unchainedRegister(path, events: 3)
        let migrated = try AppDatabase.open(path: path, clock: StoreFixtures.clock)
        try migrated.write { db in try db.execute(sql: "PRAGMA temp_store = FILE; PRAGMA temp_store = MEMORY") }
    }
}
