import Foundation
import GRDB

/// The migration that chains the audit trail: `audit_event` gains `hash`
/// (32 bytes, required), back-filled for the events already there in id order.
///
/// SQLite cannot add a required column to a table that holds rows (ADD COLUMN
/// checks a CHECK against them, and a back-fill by UPDATE would need the
/// append-only trigger dropped), so the table is rebuilt: each event is copied
/// with its hash into a scratch table, the old table dropped (with its triggers
/// and indexes) and made again with the column, the events copied back, the
/// indexes and triggers re-created. Not `ALTER TABLE … RENAME`: renaming opens
/// the connection's temporary database, after which SQLite refuses the
/// `PRAGMA temp_store` a bulk import or demo sets inside its transaction on the
/// same connection. It runs in the migrator's transaction: a register is
/// migrated whole or not at all.
enum AuditChainSchema {
    /// The append-only triggers, as `sqlite_master` holds them: the start-up check compares them to these.
    static let triggers: [(name: String, sql: String)] = [
        ("audit_event_no_update", """
            CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event
            BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END
            """),
        ("audit_event_no_delete", """
            CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event
            BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END
            """),
    ]

    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("audit: hash chain") { db in
            try db.execute(sql: table("audit_event_chained"))
            try copyChaining(db)
            try db.execute(sql: "DROP TABLE audit_event")
            try db.execute(sql: table("audit_event"))
            try db.execute(sql: """
                INSERT INTO audit_event (\(AuditChain.coveredColumns), hash)
                SELECT \(AuditChain.coveredColumns), hash FROM audit_event_chained ORDER BY id;
                DROP TABLE audit_event_chained;
                """)
            try db.execute(sql: """
                CREATE INDEX audit_by_nominal ON audit_event(nominal_id, at) WHERE nominal_id IS NOT NULL;
                CREATE INDEX audit_by_user ON audit_event(user_id, at) WHERE user_id IS NOT NULL;
                """)
            for trigger in triggers { try db.execute(sql: trigger.sql) }
        }
    }

    /// `audit_event` of the first schema, plus the hash.
    private static func table(_ name: String) -> String {
        """
        CREATE TABLE \(name) (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            user_id INTEGER REFERENCES user_account(id),
            os_user TEXT,
            action TEXT NOT NULL,
            nominal_id INTEGER,
            detail TEXT NOT NULL DEFAULT '',
            hash BLOB NOT NULL CHECK (typeof(hash) = 'blob' AND length(hash) = 32),
            CHECK (user_id IS NOT NULL OR os_user IS NOT NULL)
        )
        """
    }

    /// Copies every event, in id order, with its hash. The hash is computed from
    /// the old row's stored values and the copy is made by SQL from the same row,
    /// so the new row holds exactly the values its hash covers.
    private static func copyChaining(_ db: Database) throws {
        let copy = try db.makeStatement(sql: """
            INSERT INTO audit_event_chained (\(AuditChain.coveredColumns), hash)
            SELECT \(AuditChain.coveredColumns), ? FROM audit_event WHERE id = ?
            """)
        let cursor = try SQLiteCursor(
            db, sql: "SELECT \(AuditChain.coveredColumns) FROM audit_event ORDER BY id", cached: false)
        defer { cursor.close() }
        var hasher = AuditChainHasher()
        var previous = AuditChain.genesis
        while try cursor.next() {
            hasher.start(previous: previous)
            for column in Int32(0)..<7 { hasher.add(column: column, of: cursor.row.handle) }
            previous = hasher.digest().bytes
            try copy.execute(arguments: [Data(previous), cursor.int64(0)])
        }
    }
}
