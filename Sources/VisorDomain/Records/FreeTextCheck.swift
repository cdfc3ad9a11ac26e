/// The free-text check of records.md ("free text refuses control,
/// bidirectional and zero-width characters"), for the fields of the write
/// side until the shared `FreeText` (branch safe-output) is merged: it says
/// the same things in the same words, so merging replaces this one function
/// with a call to `FreeText.problem(in:multiline:)` and nothing else changes.
///
/// A one-line text refuses every line break; a multi-line text (an entry,
/// minutes, a plan, a note) allows the line feed and nothing else — a tab is
/// refused too, because its width is the terminal's choice and it makes
/// columns of text lie about what lines up.
public enum FreeTextCheck {
    /// Why `text` is refused, or nil: the first refused character, escaped,
    /// with its position counted in characters, since most are invisible.
    public static func problem(in text: String, multiline: Bool = false) -> String? {
        // Most text is printable ASCII: one pass over the bytes answers it.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return nil }
        for (index, character) in text.enumerated() {
            for scalar in character.unicodeScalars {
                guard let what = refusal(scalar, multiline: multiline) else { continue }
                return what + " (" + escape(scalar) + " at character \(index + 1))"
            }
        }
        return nil
    }

    /// `\n`, `\t`, `\r`; else `\xhh` below U+0100, `\uhhhh` below U+10000 and
    /// `\Uhhhhhhhh` above: the escapes of the shared `TerminalText.escape` (safe-output).
    static func escape(_ scalar: Unicode.Scalar) -> String {
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

    /// Whether `scalar` is refused in some free text (a line feed only in one-line text).
    static func isRefused(_ scalar: Unicode.Scalar) -> Bool { refusal(scalar, multiline: false) != nil }

    /// What is wrong with `scalar` in free text, or nil when it is allowed.
    private static func refusal(_ scalar: Unicode.Scalar, multiline: Bool) -> String? {
        switch scalar.value {
        case 0x0A where multiline: nil
        case 0x0A...0x0D, 0x85, 0x2028, 0x2029:
            multiline ? "line breaks other than \\n are not allowed" : "line breaks are not allowed"
        case 0x00...0x1F, 0x7F...0x9F: "control characters are not allowed"
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: "bidirectional controls are not allowed"
        case 0xAD, 0x34F, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180B...0x180F, 0x200B...0x200D, 0x2060...0x2065,
             0x206A...0x206F, 0x3164, 0xFEFF, 0xFFA0, 0xFFF9...0xFFFB, 0x1BCA0...0x1BCA3, 0x1D173...0x1D17A,
             0xE0000...0xE007F:
            "zero-width characters are not allowed"
        default: nil
        }
    }
}
