/// JSON string literals as Visor's output writes them.
public enum JSONText {
    /// `text` as a JSON string: `"` and `\` escaped as JSON requires, `\n`,
    /// `\r` and `\t` by name, and every other scalar `TerminalText` would
    /// escape (C0 and C1 controls, DEL, line separators, bidirectional
    /// controls) as `\uXXXX`, so that JSON printed on a terminal is as safe
    /// as a table. A parser reads back exactly `text`.
    public static func quote(_ text: String) -> String {
        // Most values need no escaping: check the bytes once and skip the scalar walk.
        if !text.utf8.contains(where: { $0 == 0x22 || $0 == 0x5C }), !TextHazard.mayNeedEscaping(text) {
            return "\"" + text + "\""
        }
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                // Every unsafe scalar is below U+10000, so one \u escape holds it.
                if TerminalText.isUnsafe(scalar) {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
