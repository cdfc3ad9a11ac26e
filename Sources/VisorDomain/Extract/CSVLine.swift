/// Splits one physical line of an RFC 4180 CSV file into fields.
///
/// Why our own parser rather than a kept CSV reader: the extract format makes
/// every record exactly one physical line and judges each line on its own — a
/// quote left open at the end of a line is an error *on that line*, and the
/// next line is read afresh. General CSV readers (SwiftCSV, CSV.swift) follow
/// RFC 4180 across line breaks, so one stray quote swallows every later row,
/// and they hold or re-scan the whole input, which the 1M-row import cannot
/// afford. This parser is the RFC's grammar restricted to one line: fields
/// separated by commas, optionally quoted, `""` inside quotes for a quote.
/// It is tested against the RFC's cases in `CSVLineTests`.
public enum CSVLine {
    public enum Fault: Error, Hashable, Sendable {
        /// A quoted field not closed before the end of the line.
        case unclosedQuote
        /// Text between a closing quote and the next comma.
        case textAfterClosingQuote
        /// A `"` inside a field that did not start with one.
        case quoteInUnquotedField

        public var reason: String {
            switch self {
            case .unclosedQuote: "unclosed quote (a record must be on one line)"
            case .textAfterClosingQuote: "text after a closing quote"
            case .quoteInUnquotedField: "a quote inside an unquoted field"
            }
        }
    }

    /// The fields of `line` (without its line ending), each trimmed of
    /// surrounding spaces (nominals-csv.md: "values are trimmed"): the spaces
    /// around a quoted field and those just inside its quotes alike, so
    /// `  " a,b "  ` gives `a,b`. Only spaces are trimmed, never tabs.
    public static func fields(_ line: UnsafeBufferPointer<UInt8>) throws(Fault) -> [String] {
        var fields: [String] = []
        fields.reserveCapacity(32)
        let count = line.count
        var index = 0
        var unescaped: [UInt8] = []
        while true {
            // Skip leading spaces of a field.
            var start = index
            while start < count, line[start] == 0x20 { start += 1 }
            if start < count, line[start] == 0x22 {
                // Quoted field.
                unescaped.removeAll(keepingCapacity: true)
                var cursor = start + 1
                var closed = false
                while cursor < count {
                    let byte = line[cursor]
                    if byte == 0x22 {
                        if cursor + 1 < count, line[cursor + 1] == 0x22 {
                            unescaped.append(0x22)
                            cursor += 2
                            continue
                        }
                        closed = true
                        cursor += 1
                        break
                    }
                    unescaped.append(byte)
                    cursor += 1
                }
                guard closed else { throw .unclosedQuote }
                while cursor < count, line[cursor] == 0x20 { cursor += 1 }
                if cursor < count, line[cursor] != 0x2C { throw .textAfterClosingQuote }
                fields.append(trimmedString(unescaped))
                if cursor >= count { return fields }
                index = cursor + 1
            } else {
                var cursor = start
                while cursor < count, line[cursor] != 0x2C {
                    if line[cursor] == 0x22 { throw .quoteInUnquotedField }
                    cursor += 1
                }
                var end = cursor
                while end > start, line[end - 1] == 0x20 { end -= 1 }
                fields.append(String(decoding: UnsafeBufferPointer(rebasing: line[start..<end]), as: UTF8.self))
                if cursor >= count { return fields }
                index = cursor + 1
            }
        }
    }

    /// Convenience for tests and small inputs.
    public static func fields(_ line: String) throws(Fault) -> [String] {
        var bytes = Array(line.utf8)
        let result: Result<[String], Fault> = bytes.withUnsafeMutableBufferPointer { buffer in
            do throws(Fault) { return .success(try fields(UnsafeBufferPointer(buffer))) } catch { return .failure(error) }
        }
        return try result.get()
    }

    private static func trimmedString(_ bytes: [UInt8]) -> String {
        var start = 0, end = bytes.count
        while start < end, bytes[start] == 0x20 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 { end -= 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}
