import GRDB
import GRDBSQLite
import VisorDomain

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
    func date(_ column: Int32) -> LocalDate? { bytes(column).flatMap(SQLiteRow.isoDate) }

    /// The date `bytes` spell as `YYYY-MM-DD`, nil for any other text (the
    /// schema checks only the shape `????-??-??`, so the digits are checked
    /// here: a stray letter would otherwise decode as some other date).
    static func isoDate(_ bytes: UnsafeBufferPointer<UInt8>) -> LocalDate? {
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        var nonDigit = false
        func digit(_ index: Int) -> Int {
            let value = bytes[index] &- 48
            nonDigit = nonDigit || value > 9
            return Int(value)
        }
        let year = digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3)
        let month = digit(5) * 10 + digit(6)
        let day = digit(8) * 10 + digit(9)
        return nonDigit ? nil : LocalDate(year: year, month: month, day: day)
    }

    /// A canonical CRN column.
    func crn(_ column: Int32) -> CRN? {
        guard let bytes = bytes(column), bytes.count == 7, (65...90).contains(bytes[0]) else { return nil }
        var number = 0
        for index in 1..<7 {
            let digit = Int(bytes[index]) &- 48
            guard (0...9).contains(digit) else { return nil }
            number = number * 10 + digit
        }
        return CRN(letter: Character(Unicode.Scalar(bytes[0])), number: number)
    }

    /// A canonical PNC ID column (`YYYY/NNNNNNNC`): the check character is
    /// recomputed from year and serial, which the schema stored valid.
    func pncID(_ column: Int32) -> PNCID? {
        guard let bytes = bytes(column), bytes.count == 13 else { return nil }
        var year = 0
        var serial = 0
        for index in 0..<4 { year = year * 10 + Int(bytes[index]) &- 48 }
        for index in 5..<12 { serial = serial * 10 + Int(bytes[index]) &- 48 }
        guard (0...9999).contains(year), (0...9_999_999).contains(serial) else { return nil }
        return PNCID(year: year, serial: serial)
    }

    func category(_ column: Int32) -> MAPPACategory? { optionalInt64(column).flatMap { MAPPACategory(rawValue: Int($0)) } }

    func level(_ column: Int32) -> MAPPALevel? { optionalInt64(column).flatMap { MAPPALevel(rawValue: Int($0)) } }

    /// A text code column decoded into its enum.
    func code<T: RawRepresentable>(_ column: Int32, as type: T.Type = T.self) -> T? where T.RawValue == String {
        string(column).flatMap(T.init(rawValue:))
    }
}
