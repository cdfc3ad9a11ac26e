import ArgumentParser
import Foundation
import VisorDomain
import VisorTUI

/// `--format table|csv|json`: the default is `table` on a terminal, `json` otherwise.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json
}

struct FormatOptions: ParsableArguments {
    @Option(help: "Output format: table, csv or json (default: table on a terminal, json otherwise).")
    var format: OutputFormat?

    var resolved: OutputFormat { format ?? (isatty(STDOUT_FILENO) == 1 ? .table : .json) }
}

/// One value of an output field; `null` prints as JSON null and as an empty cell.
indirect enum OutputValue {
    case string(String)
    case int(Int64)
    case bool(Bool)
    case null
    /// A list inside an object (`visor nominal show`'s partners, entries, meetings).
    case array([OutputValue])
    case object(OutputObject)

    init(_ text: String?) { self = text.map { .string($0) } ?? .null }

    var isNull: Bool {
        if case .null = self { return true }
        return false
    }
    init(_ number: Int64?) { self = number.map { .int($0) } ?? .null }
    init(_ number: Int?) { self = number.map { .int(Int64($0)) } ?? .null }

    var json: String {
        switch self {
        case .string(let text): JSONText.quote(text)
        case .int(let number): String(number)
        case .bool(let flag): flag ? "true" : "false"
        case .null: "null"
        case .array(let values): "[" + values.map(\.json).joined(separator: ", ") + "]"
        case .object(let object): object.record.json
        }
    }

    /// The value as a table shows it: escaped (`TerminalText`), absent as empty.
    var shown: String {
        switch self {
        case .string(let text): TerminalText.escaped(text)
        case .int(let number): String(number)
        case .bool(let flag): flag ? "true" : "false"
        case .null: ""
        case .array(let values): values.isEmpty ? "(none)" : values.map(\.shown).joined(separator: " | ")
        case .object(let object):
            object.record.fields.filter { !$0.value.isNull }.map { "\($0.key): \($0.value.shown)" }.joined(separator: ", ")
        }
    }

    /// The value as a CSV cell: only text is guarded against spreadsheet formulas
    /// (a number is never text a spreadsheet would run, and stays a number).
    var csv: String {
        switch self {
        case .string(let text): CSVText.text(text)
        case .int, .bool, .null: CSVText.plain(shown)
        case .array, .object: CSVText.text(json)
        }
    }
}

/// An object inside an object: a class, so that the value's layout does not contain itself.
final class OutputObject {
    let record: OutputRecord
    init(_ record: OutputRecord) { self.record = record }
}

/// An object of output: snake_case keys in a fixed order.
struct OutputRecord {
    var fields: [(key: String, value: OutputValue)]

    init(_ fields: [(String, OutputValue)]) { self.fields = fields.map { (key: $0.0, value: $0.1) } }

    var json: String { "{" + fields.map { JSONText.quote($0.key) + ": " + $0.value.json }.joined(separator: ", ") + "}" }

    subscript(key: String) -> OutputValue { fields.first { $0.key == key }?.value ?? .null }
}

/// Prints records as the chosen format: lists as one JSON array, single things as one object.
enum Output {
    /// Streams the records: `visor actions` may list a million of them, so JSON and CSV are written
    /// through a buffer as they come; a table needs every row first to size its columns.
    static func list<Records: Sequence>(_ records: Records, keys: [String], format: OutputFormat)
        where Records.Element == OutputRecord {
        switch format {
        case .json:
            var out = ByteOutput()
            var first = true
            out.append("[")
            for record in records {
                out.append(first ? "\n  " : ",\n  ")
                out.append(record.json)
                first = false
            }
            out.append(first ? "]\n" : "\n]\n")
            out.flush()
        case .csv:
            var out = ByteOutput()
            out.append(keys.map(CSVText.text).joined(separator: ",") + "\n")
            for record in records {
                out.append(keys.map { record[$0].csv }.joined(separator: ",") + "\n")
            }
            out.flush()
        case .table:
            table(Array(records), keys: keys)
        }
    }

    static func object(_ record: OutputRecord, format: OutputFormat) {
        switch format {
        case .json: print(record.json)
        case .csv: list([record], keys: record.fields.map(\.key), format: .csv)
        case .table:
            let width = record.fields.map { DisplayWidth.of($0.key) }.max() ?? 0
            for field in record.fields { print(DisplayWidth.pad(field.key, to: width) + "  " + field.value.shown) }
        }
    }

    private static func table(_ records: [OutputRecord], keys: [String]) {
        let cells = records.map { record in keys.map { record[$0].shown } }
        var widths = keys.map { DisplayWidth.of($0) }
        for row in cells { for (index, cell) in row.enumerated() { widths[index] = max(widths[index], DisplayWidth.of(cell)) } }
        func line(_ values: [String]) -> String {
            zip(values, widths).map { DisplayWidth.pad($0, to: $1) }.joined(separator: "  ")
                .replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
        print(line(keys))
        for row in cells { print(line(row)) }
        if records.isEmpty { print("(none)") }
    }
}
