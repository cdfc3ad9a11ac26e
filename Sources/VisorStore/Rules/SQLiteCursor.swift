import GRDB
import GRDBSQLite
import VisorDomain
import VisorRegister

/// Steps a prepared statement through SQLite's C API and decodes its columns
/// straight from SQLite's buffers. A full rule evaluation reads about a
/// million rows; GRDB's `Row` (a dictionary-like copy per row) cost more than
/// SQLite itself there. Dates and identifiers are decoded from their stored
/// canonical bytes, which the schema's CHECK constraints guarantee.
struct SQLiteCursor {
    private let statement: Statement
    private let db: Database
    private var handle: OpaquePointer { statement.sqliteStatement }

    /// `cached: false` for statements whose text varies (literal dates, id lists).
    init(_ db: Database, sql: String, arguments: StatementArguments = StatementArguments(), cached: Bool = true) throws {
        self.db = db
        statement = cached ? try db.cachedStatement(sql: sql) : try db.makeStatement(sql: sql)
        try statement.setArguments(arguments)
    }

    /// Moves to the next row; false at the end (the statement is then reset).
    func next() throws -> Bool {
        let code = sqlite3_step(handle)
        if code == SQLITE_ROW { return true }
        sqlite3_reset(handle)
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code),
                                message: String(cString: sqlite3_errmsg(db.sqliteConnection)), sql: statement.sql)
        }
        return false
    }

    /// Resets the statement after an early stop, so the cached statement can run again.
    func close() { sqlite3_reset(handle) }

    /// The current row's columns (valid until the next step).
    var row: SQLiteRow { SQLiteRow(handle: handle) }

    func isNull(_ column: Int32) -> Bool { row.isNull(column) }
    func int64(_ column: Int32) -> Int64 { row.int64(column) }
    func int(_ column: Int32) -> Int { row.int(column) }
    func optionalInt64(_ column: Int32) -> Int64? { row.optionalInt64(column) }
    func bool(_ column: Int32) -> Bool { row.bool(column) }
    func bytes(_ column: Int32) -> UnsafeBufferPointer<UInt8>? { row.bytes(column) }
    func string(_ column: Int32) -> String? { row.string(column) }
    func date(_ column: Int32) -> LocalDate? { row.date(column) }
    func crn(_ column: Int32) -> CRN? { row.crn(column) }
    func pncID(_ column: Int32) -> PNCID? { row.pncID(column) }
    func category(_ column: Int32) -> MAPPACategory? { row.category(column) }
    func level(_ column: Int32) -> MAPPALevel? { row.level(column) }
    func code<T: RawRepresentable>(_ column: Int32, as type: T.Type = T.self) -> T? where T.RawValue == String {
        row.code(column, as: type)
    }
}

/// The columns of a statement's current row, decoded from SQLite's buffers.
/// A bare pointer: copying it costs nothing (no reference counting), which
/// matters when a million rows pass through several functions each.
struct SQLiteRow {
    let handle: OpaquePointer

    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }

    func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }

    func int(_ column: Int32) -> Int { Int(sqlite3_column_int64(handle, column)) }

    func optionalInt64(_ column: Int32) -> Int64? {
        guard let value = sqlite3_column_value(handle, column), sqlite3_value_type(value) != SQLITE_NULL else {
            return nil
        }
        return sqlite3_value_int64(value)
    }

    func bool(_ column: Int32) -> Bool { sqlite3_column_int64(handle, column) != 0 }

    /// The column's UTF-8 bytes, nil when NULL; valid until the next step.
    /// Read through the column's value: each `sqlite3_column_*` call locks
    /// and checks the connection, and text needs two of them (pointer and
    /// length) where the value's own functions need none. SQLite calls such
    /// a value unprotected — not to be read while another thread uses the
    /// connection — and none does: GRDB confines each connection to its queue.
    func bytes(_ column: Int32) -> UnsafeBufferPointer<UInt8>? {
        guard let value = sqlite3_column_value(handle, column), let pointer = sqlite3_value_text(value) else {
            return nil
        }
        return UnsafeBufferPointer(start: pointer, count: Int(sqlite3_value_bytes(value)))
    }

    func string(_ column: Int32) -> String? {
        bytes(column).map { String(decoding: $0, as: UTF8.self) }
    }

    /// An ISO date column (`YYYY-MM-DD`); nil for NULL or anything else.
    func date(_ column: Int32) -> LocalDate? {
        guard let bytes = bytes(column) else { return nil }
        return SQLiteRow.isoDate(bytes)
    }

    /// The date `bytes` spell as `YYYY-MM-DD`, nil for any other text (the
    /// schema checks only the shape `????-??-??`, so the digits are checked
    /// here: a stray letter would otherwise decode as some other date).
    ///
    /// Eight bytes at a time: a rule evaluation reads several dates for each
    /// of a million rows, and testing each byte cost a tenth of the scan's
    /// own work (measured with callgrind).
    @inline(__always)
    static func isoDate(_ bytes: UnsafeBufferPointer<UInt8>) -> LocalDate? {
        guard bytes.count == 10, let base = bytes.baseAddress else { return nil }
        let raw = UnsafeRawPointer(base)
        // `YYYY-MM-` little-endian: byte i is bits 8i to 8i + 7; the dashes are bytes 4 and 7.
        let head = UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self))
        let tail = UInt64(UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt16.self)))
        let dashes: UInt64 = 0x2D00_002D_0000_0000
        guard head & 0xFF00_00FF_0000_0000 == dashes else { return nil }
        // The dashes made zeros ("0"), every byte of both words must be a digit:
        // its high half 3, and its low half at most 9 (adding 6 carries no further than its own byte).
        let digitsHead = (head ^ dashes) | 0x3000_0030_0000_0000
        func allDigits(_ word: UInt64, _ mask: UInt64) -> Bool {
            let lowHalves = (word & mask & 0x0F0F_0F0F_0F0F_0F0F) &+ (mask & 0x0606_0606_0606_0606)
            return word & (mask & 0xF0F0_F0F0_F0F0_F0F0) == mask & 0x3030_3030_3030_3030
                && lowHalves & 0xF0F0_F0F0_F0F0_F0F0 == 0
        }
        guard allDigits(digitsHead, UInt64.max), allDigits(tail, 0xFFFF) else { return nil }
        func digit(_ word: UInt64, _ index: Int) -> Int { Int((word >> (8 * UInt64(index))) & 0x0F) }
        return LocalDate(year: digit(head, 0) * 1000 + digit(head, 1) * 100 + digit(head, 2) * 10 + digit(head, 3),
                         month: digit(head, 5) * 10 + digit(head, 6), day: digit(tail, 0) * 10 + digit(tail, 1))
    }

    /// A canonical CRN column.
    func crn(_ column: Int32) -> CRN? {
        bytes(column).flatMap(NominalRow.crnKey).flatMap(NominalRow.crn)
    }

    /// A PNC ID column of the stored form (`YYYY/NNNNNNNC`; see `NominalRow.pncParts`).
    func pncID(_ column: Int32) -> PNCID? {
        guard let (year, serial) = bytes(column).flatMap(NominalRow.pncParts) else { return nil }
        return NominalRow.pncID(year: year, serial: serial)
    }

    func category(_ column: Int32) -> MAPPACategory? { optionalInt64(column).flatMap { MAPPACategory(rawValue: Int($0)) } }

    func level(_ column: Int32) -> MAPPALevel? { optionalInt64(column).flatMap { MAPPALevel(rawValue: Int($0)) } }

    /// A text code column decoded into its enum.
    func code<T: RawRepresentable>(_ column: Int32, as type: T.Type = T.self) -> T? where T.RawValue == String {
        string(column).flatMap(T.init(rawValue:))
    }
}
