/// CSV cells as Visor's output writes them (RFC 4180).
public enum CSVText {
    /// The characters that make a spreadsheet read a cell as a formula (or,
    /// for tab and CR, that some spreadsheets strip before doing so).
    static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    /// A text cell: neutralised, escaped and quoted, in that order.
    ///
    /// - A text starting with `=`, `+`, `-`, `@`, tab or CR gets a leading
    ///   `'`, so that a spreadsheet shows it rather than runs it (OWASP's
    ///   "CSV injection"). Only text cells: numbers are written by `number`.
    /// - Unsafe characters are escaped as on a terminal (`TerminalText`):
    ///   a CSV shown with `cat` must not clear the screen either. That also
    ///   leaves no line break inside a cell.
    /// - A cell holding `,` or `"` is quoted, with `"` doubled.
    public static func text(_ value: String) -> String {
        var cell = TerminalText.escaped(value)
        if let first = value.unicodeScalars.first, formulaStarts.contains(first) { cell = "'" + cell }
        return quoted(cell)
    }

    /// A number or a flag: written as it is (a negative number stays a number).
    public static func plain(_ value: String) -> String {
        quoted(TerminalText.escaped(value))
    }

    private static func quoted(_ cell: String) -> String {
        guard cell.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") }) else { return cell }
        var out = "\""
        for character in cell { out += character == "\"" ? "\"\"" : String(character) }
        return out + "\""
    }
}
