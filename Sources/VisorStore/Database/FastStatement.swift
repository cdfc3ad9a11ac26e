import GRDB
import GRDBSQLite
import VisorDomain
import VisorRegister

/// Binds and steps a prepared statement through SQLite's C API. Bulk paths
/// (import, demo) run millions of statements, and GRDB's per-execution
/// bookkeeping showed as the largest cost in their profiles; everything else
/// goes through GRDB. The statement stays owned by GRDB's statement cache.
struct FastStatement {
    private let statement: Statement
    private let db: Database
    private let arena = BindArena()
    private var handle: OpaquePointer { statement.sqliteStatement }
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
    private static let isStatic = unsafeBitCast(0, to: sqlite3_destructor_type.self)

    init(_ db: Database, sql: String) throws {
        self.db = db
        statement = try db.cachedStatement(sql: sql)
    }

    /// Text is copied into the statement's arena and bound without a copy of
    /// SQLite's own (a malloc and a free per value were a tenth of an import's
    /// writing); text that does not fit is bound the ordinary way.
    func bind(_ index: Int32, _ value: String?) {
        guard let value else { sqlite3_bind_null(handle, index); return }
        var text = value
        text.withUTF8 { bytes in
            if let copy = arena.copy(bytes) {
                _ = sqlite3_bind_text(handle, index, copy, Int32(bytes.count), FastStatement.isStatic)
            } else {
                _ = sqlite3_bind_text(handle, index,
                                      UnsafeRawPointer(bytes.baseAddress)?.assumingMemoryBound(to: CChar.self),
                                      Int32(bytes.count), FastStatement.transient)
            }
        }
    }

    func bind(_ index: Int32, _ value: Int64?) {
        guard let value else { sqlite3_bind_null(handle, index); return }
        sqlite3_bind_int64(handle, index, value)
    }

    func bind(_ index: Int32, _ value: Int?) { bind(index, value.map(Int64.init)) }

    func bind(_ index: Int32, _ value: Bool) { sqlite3_bind_int64(handle, index, value ? 1 : 0) }

    func bind(_ index: Int32, _ value: LocalDate?) {
        guard let value else { sqlite3_bind_null(handle, index); return }
        if let text = arena.write(count: 10, value.writeISO) {
            sqlite3_bind_text(handle, index, text, 10, FastStatement.isStatic)
        } else {
            bind(index, value.iso)
        }
    }

    func bind<T: RawRepresentable>(_ index: Int32, _ value: T?) where T.RawValue == String {
        bind(index, value?.rawValue)
    }

    func bind<T: RawRepresentable>(_ index: Int32, _ value: T?) where T.RawValue == Int {
        bind(index, value.map { Int64($0.rawValue) })
    }

    /// Runs the statement to completion; throws GRDB's error on failure.
    func execute() throws {
        defer {
            sqlite3_reset(handle)
            sqlite3_clear_bindings(handle)
            arena.reset()
        }
        let code = sqlite3_step(handle)
        guard code == SQLITE_DONE || code == SQLITE_ROW else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code),
                                message: String(cString: sqlite3_errmsg(db.sqliteConnection)), sql: statement.sql)
        }
    }

    /// Runs a one-column query and returns its first integer, if any.
    func fetchInt64() throws -> Int64? {
        defer {
            sqlite3_reset(handle)
            sqlite3_clear_bindings(handle)
            arena.reset()
        }
        let code = sqlite3_step(handle)
        if code == SQLITE_ROW { return sqlite3_column_int64(handle, 0) }
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code),
                                message: String(cString: sqlite3_errmsg(db.sqliteConnection)), sql: statement.sql)
        }
        return nil
    }
}

/// Memory for the text bound to one statement, reused from one execution to
/// the next: valid until the statement is reset and its bindings cleared,
/// which is when `reset()` is called.
private final class BindArena {
    private static let capacity = 16_384
    /// Allocated at the first text bound: many statements are prepared for a single execution.
    private var memory: UnsafeMutablePointer<UInt8>?
    private var used = 0

    deinit { memory?.deallocate() }

    /// A copy of `bytes` that lives until `reset()`, or nil when the arena is full.
    func copy(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafePointer<CChar>? {
        write(count: bytes.count) { target in
            if let source = bytes.baseAddress { target.baseAddress?.update(from: source, count: bytes.count) }
        }
    }

    /// `count` bytes filled by `fill`, living until `reset()`; nil when the arena is full.
    func write(count: Int, _ fill: (UnsafeMutableBufferPointer<UInt8>) -> Void) -> UnsafePointer<CChar>? {
        guard count <= BindArena.capacity - used else { return nil }
        let base = memory ?? UnsafeMutablePointer<UInt8>.allocate(capacity: BindArena.capacity)
        memory = base
        let start = base + used
        fill(UnsafeMutableBufferPointer(start: start, count: count))
        used += count
        return UnsafeRawPointer(start).assumingMemoryBound(to: CChar.self)
    }

    func reset() { used = 0 }
}
