import GRDBSQLite
import VisorDomain

/// A value the rules' queries cannot decode where the schema allows no such
/// value: a NULL in a NOT NULL column, a code outside its CHECK, a date that
/// is no calendar date. Visor never writes one, so it means a damaged file or
/// a schema bug. An evaluation that meets one stops and names it: skipping
/// the row would take the record off every list of actions, a duty nobody
/// would see. The evaluator reports it as `StoreError.io`, prefixed with the
/// register's path.
struct RegisterDamage: Error, Equatable, Sendable, CustomStringConvertible {
    /// Whose row holds the value.
    enum Subject: Equatable, Sendable, CustomStringConvertible {
        /// A nominal: its own row, or a row of a table beside it.
        case nominal(NominalID)
        /// A user account.
        case user(UserID)
        /// A case of a probation area's stored extract, by the line of the file it came from.
        case extractCase(area: AgencyID, line: Int)
        /// A row of the kept actions (`kept_action`).
        case keptAction(Int64)

        var description: String {
            switch self {
            case .nominal(let id): "nominal \(id)"
            case .user(let id): "user \(id)"
            case let .extractCase(area, line): "the stored extract of agency \(area), line \(line)"
            case .keptAction(let id): "kept action \(id)"
            }
        }
    }

    let subject: Subject
    /// The column: its name in the subject's own table, else `table.column`.
    let column: String
    /// The value as stored, made safe to print; nil for NULL.
    let value: String?
    /// What the column holds: "a date", "a level".
    let expected: String

    var description: String {
        "the register is damaged: \(subject): \(column): \(value ?? "NULL") is not \(expected)"
    }

    /// The damage of the current row's column `index` (`column` in the message).
    @inline(never)
    init(_ subject: Subject, column: String, in row: SQLiteRow, at index: Int32, expected: String) {
        self.subject = subject
        self.column = column
        value = row.shown(index)
        self.expected = expected
    }
}

extension SQLiteRow {
    /// A column's value as a message may show it: nil for NULL, numbers as
    /// SQLite prints them, text cut to 40 characters with the controls that
    /// could reach a terminal escaped.
    func shown(_ column: Int32) -> String? {
        switch sqlite3_column_type(handle, column) {
        case SQLITE_NULL: return nil
        case SQLITE_INTEGER: return String(sqlite3_column_int64(handle, column))
        case SQLITE_FLOAT: return String(sqlite3_column_double(handle, column))
        case SQLITE_BLOB: return "a blob of \(sqlite3_column_bytes(handle, column)) bytes"
        default:
            let text = string(column) ?? ""
            let cut = text.count > 40 ? String(text.prefix(40)) + "…" : text
            return "'" + TerminalText.escaped(cut) + "'"
        }
    }
}
