import Crypto
import Foundation
import GRDB
import GRDBSQLite
import VisorRegister

/// Walks the chain in id order, recomputing each hash from the stored columns
/// and the hash before it. Ids must run 1, 2, 3 … without a gap: appends give
/// each event the last id plus one, and the triggers refuse deletions, so a gap
/// is a deleted event (SQLite never reuses an id below the largest, so a deleted
/// middle event stays a gap). Rows are read from SQLite's buffers, not through
/// GRDB's `Row`: a million events must verify in well under three seconds.
enum AuditChainVerifier {
    /// Verifies the events after id `after`, chaining from `previous` (the genesis
    /// for the whole trail, else the stored hash of event `after`). With `recorded`,
    /// event `recorded.count` must also have `recorded.hash`, and must exist.
    static func walk(_ db: Database, after: Int64, previous: [UInt8],
                     recorded: AuditHead? = nil) throws -> AuditVerification {
        let cursor = try SQLiteCursor(
            db, sql: "SELECT \(AuditChain.coveredColumns), hash FROM audit_event WHERE id > ? ORDER BY id",
            arguments: [after])
        defer { cursor.close() }
        var hasher = AuditChainHasher()
        hasher.start(previous: previous)
        var last = (id: after, hash: previous)
        var lastDigest: SHA256Digest?
        var expected = after + 1
        while try cursor.next() {
            let handle = cursor.row.handle
            let id = cursor.int64(0)
            if id != expected { return .broken(event: expected, reason: gap(expected: expected, found: id)) }
            for column in Int32(0)..<7 { hasher.add(column: column, of: handle) }
            let digest = hasher.digest()
            guard let stored = storedHash(handle), digest.matches(stored) else {
                return .broken(event: id, reason: "event \(id) does not match its hash: the event, or its hash, "
                    + "was changed after it was written")
            }
            if let recorded, id == recorded.count, !recorded.hash.withUnsafeBytes(digest.matches) {
                return .broken(event: id, reason: "event \(id) differs from the recorded head \(recorded): "
                    + "events up to \(id) were rewritten and their hashes recomputed")
            }
            // The stored hash equals the digest: the next event's input starts from it without a copy to an array.
            hasher.start(previous: stored)
            lastDigest = digest
            expected = id + 1
        }
        if let lastDigest { last = (expected - 1, lastDigest.bytes) }
        if let recorded, recorded.count > last.id {
            return .broken(event: last.id + 1, reason: "the recorded head \(recorded) covers \(events(recorded.count)) "
                + "but the trail holds \(last.id): " + range(last.id + 1, recorded.count)
                + (recorded.count - last.id == 1 ? " was" : " were") + " deleted")
        }
        return .verified(AuditHead(hash: last.hash, count: last.id))
    }

    /// Verifies the whole trail from the genesis; with `recorded`, also that its first events are those of that head.
    static func verifyAll(_ db: Database, recorded: AuditHead? = nil) throws -> AuditVerification {
        try walk(db, after: 0, previous: AuditChain.genesis, recorded: recorded)
    }

    /// Verifies the last `window` events, chaining from the stored hash of the event before them.
    static func verifyLast(_ db: Database, window: Int64) throws -> AuditVerification {
        let lastID = try Int64.fetchOne(db, sql: "SELECT max(id) FROM audit_event") ?? 0
        let after = max(0, lastID - window)
        guard after > 0 else { return try verifyAll(db) }
        let sql = "SELECT hash FROM audit_event WHERE id = ?"
        guard let row = try Row.fetchOne(db, sql: sql, arguments: [after]) else {
            return .broken(event: after, reason: "event \(after) is missing")
        }
        let stored: [UInt8] = (row[0] as Data?).map { Array($0) } ?? []
        return try walk(db, after: after, previous: stored)
    }

    /// The stored hash of the current row (column 7), when it is a blob.
    private static func storedHash(_ handle: OpaquePointer) -> UnsafeRawBufferPointer? {
        guard let value = sqlite3_column_value(handle, 7), sqlite3_value_type(value) == SQLITE_BLOB else { return nil }
        let pointer = sqlite3_value_blob(value)
        return UnsafeRawBufferPointer(start: pointer, count: Int(sqlite3_value_bytes(value)))
    }

    private static func gap(expected: Int64, found: Int64) -> String {
        let missing = range(expected, found - 1) + (found - expected == 1 ? " is" : " are") + " missing"
        if expected == 1 { return missing + ": the trail starts at event \(found)" }
        return missing + ": event \(found) follows event \(expected - 1)"
    }

    /// "1 event", "2 events".
    private static func events(_ count: Int64) -> String { count == 1 ? "1 event" : "\(count) events" }

    /// "event 4", or "events 4 to 9".
    private static func range(_ first: Int64, _ last: Int64) -> String {
        first == last ? "event \(first)" : "events \(first) to \(last)"
    }
}
