/// Text from the data made safe to write to a terminal or a text file: the
/// controls, line breaks and bidirectional controls of `TextHazard` (which
/// move the cursor, forge lines or reorder what a reader sees) are shown
/// escaped — `\n`, `\t`, `\r`, `\x1b`, `\u202e` — and everything else,
/// zero-width characters and backslashes included, is kept as it is.
///
/// The escapes are for a reader, not a round trip: a backslash in the data
/// is not doubled, so `\x1b` may also be those four characters. JSON is the
/// lossless output.
public enum TerminalText {
    /// True for a scalar that must never reach a terminal raw.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        guard let hazard = TextHazard.of(scalar) else { return false }
        return hazard != .zeroWidth
    }

    /// `text` with each unsafe scalar replaced by its escape; the same string
    /// when there is none. Escaping twice changes nothing more: an escape is
    /// made of safe characters.
    public static func escaped(_ text: String) -> String {
        guard TextHazard.mayNeedEscaping(text), text.unicodeScalars.contains(where: isUnsafe) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            guard isUnsafe(scalar) else { result.append(scalar); continue }
            result.append(contentsOf: escape(scalar).unicodeScalars)
        }
        return String(result)
    }

    /// A text of several lines (a help screen) escaped line by line: its line
    /// feeds are kept, every other unsafe scalar is escaped.
    public static func escapedLines(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { escaped(String($0)) }
            .joined(separator: "\n")
    }

    /// `\n`, `\t`, `\r` (as the extract's error lines show them); else `\xhh`
    /// below U+0100, `\uhhhh` below U+10000 and `\Uhhhhhhhh` above.
    public static func escape(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\n": return "\\n"
        case "\t": return "\\t"
        case "\r": return "\\r"
        default:
            let hex = String(scalar.value, radix: 16)
            let (prefix, digits) = scalar.value < 0x100 ? ("\\x", 2) : scalar.value < 0x10000 ? ("\\u", 4) : ("\\U", 8)
            return prefix + String(repeating: "0", count: digits - hex.count) + hex
        }
    }
}
