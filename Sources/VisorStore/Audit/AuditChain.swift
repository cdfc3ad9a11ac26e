import Crypto
import Foundation
import GRDB
import GRDBSQLite
import VisorRegister

/// The hash chain over the audit trail: each event's `hash` is
///
///     hash(n) = SHA-256(hash(n-1) ‖ enc(id) ‖ enc(at) ‖ enc(user_id) ‖ enc(os_user)
///                       ‖ enc(action) ‖ enc(nominal_id) ‖ enc(detail))
///
/// with hash(0), the genesis, 32 zero bytes. `enc` encodes a column's value
/// as SQLite stores it, so the hash covers exactly what is in the file
/// (changing `at` from text to a number with the same digits breaks it too):
///
/// - NULL: the byte 0x00;
/// - INTEGER: 0x01, then the 64-bit two's complement value, big-endian;
/// - REAL: 0x02, then the IEEE 754 bits, big-endian;
/// - TEXT: 0x03, then the UTF-8 byte count as 32 bits big-endian, then the bytes;
/// - BLOB: 0x04, then the byte count as 32 bits big-endian, then the bytes.
///
/// Every field says its own length, so no two different events encode alike
/// (`detail` "a|b" cannot pass for a shorter `action` and a longer `detail`).
/// The previous hash comes first and has a fixed size.
package enum AuditChain {
    /// The previous hash of the first event.
    package static let genesis = AuditHead.genesis
    static let hashSize = AuditHead.hashSize

    /// The columns a hash covers, in the order it covers them.
    package static let coveredColumns = "id, at, user_id, os_user, action, nominal_id, detail"
}

/// Builds one event's hash input (the previous hash, then each column's
/// encoding) in a buffer reused from one event to the next: a verification
/// hashes a million events without allocating for each.
package struct AuditChainHasher {
    private var bytes: [UInt8] = []

    package init() { bytes.reserveCapacity(1024) }

    /// Starts the next event's input with the hash of the event before it.
    mutating func start(previous: UnsafeRawBufferPointer) {
        bytes.removeAll(keepingCapacity: true)
        bytes.append(contentsOf: previous)
    }

    package mutating func start(previous: [UInt8]) {
        previous.withUnsafeBytes { start(previous: $0) }
    }

    /// Adds a value as GRDB is about to bind it (the append path).
    package mutating func add(_ value: DatabaseValue) {
        switch value.storage {
        case .null: bytes.append(0)
        case .int64(let number): addInteger(number)
        case .double(let number): addTagged(2, number.bitPattern)
        case .string(let text): var copy = text; copy.withUTF8 { addBytes(3, UnsafeRawBufferPointer($0)) }
        case .blob(let data): data.withUnsafeBytes { addBytes(4, $0) }
        }
    }

    /// Adds a column of the current row of a statement as SQLite stores it (the verification path).
    /// The value is read through `sqlite3_column_value`, as `SQLiteRow.bytes` does: one call per column.
    mutating func add(column: Int32, of statement: OpaquePointer) {
        guard let value = sqlite3_column_value(statement, column) else { bytes.append(0); return }
        switch sqlite3_value_type(value) {
        case SQLITE_INTEGER: addInteger(sqlite3_value_int64(value))
        case SQLITE_FLOAT: addTagged(2, sqlite3_value_double(value).bitPattern)
        case SQLITE_TEXT:
            let pointer = sqlite3_value_text(value)
            addBytes(3, UnsafeRawBufferPointer(start: pointer, count: Int(sqlite3_value_bytes(value))))
        case SQLITE_BLOB:
            let pointer = sqlite3_value_blob(value)
            addBytes(4, UnsafeRawBufferPointer(start: pointer, count: Int(sqlite3_value_bytes(value))))
        default: bytes.append(0)
        }
    }

    mutating func addInteger(_ number: Int64) { addTagged(1, UInt64(bitPattern: number)) }

    /// The hash of the input built so far.
    package func digest() -> SHA256Digest {
        var sha = SHA256()
        bytes.withUnsafeBytes { sha.update(bufferPointer: $0) }
        return sha.finalize()
    }

    private mutating func addTagged(_ tag: UInt8, _ bits: UInt64) {
        bytes.append(tag)
        withUnsafeBytes(of: bits.bigEndian) { bytes.append(contentsOf: $0) }
    }

    private mutating func addBytes(_ tag: UInt8, _ content: UnsafeRawBufferPointer) {
        bytes.append(tag)
        withUnsafeBytes(of: UInt32(truncatingIfNeeded: content.count).bigEndian) { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: content)
    }
}

extension SHA256Digest {
    /// The digest's 32 bytes.
    package var bytes: [UInt8] { withUnsafeBytes { Array($0) } }

    /// True when `other` holds exactly these 32 bytes.
    func matches(_ other: UnsafeRawBufferPointer) -> Bool {
        withUnsafeBytes { mine in
            guard mine.count == other.count, let left = mine.baseAddress, let right = other.baseAddress else {
                return false
            }
            return memcmp(left, right, mine.count) == 0
        }
    }
}
