/// Lengths the write side allows, in characters (grapheme clusters, as the
/// import counts them).
public enum TextLimits {
    /// Surname, forenames and each part of an alias (nominals-csv.md).
    public static let name = 100
    /// An entry's text, a meeting's minutes and its plan (records.md).
    public static let longText = 20_000
    /// A reason (archive, unarchive, a declined transfer), a validation or
    /// review note, and the conditions of handling code C.
    public static let shortText = 2_000
}

/// The checks every free-text field goes through on the write side: trimmed,
/// required or not, no refused character (`FreeText`), not too long.
enum TextFieldRules {
    /// The trimmed text of a required field.
    static func required(_ value: String, field: String, multiline: Bool = false,
                         limit: Int = TextLimits.shortText) throws(FieldError) -> String {
        guard let text = try optional(value, field: field, multiline: multiline, limit: limit) else {
            throw FieldError(field: field, value: value, message: "required")
        }
        return text
    }

    /// The trimmed text of an optional field, nil when it is blank.
    static func optional(_ value: String, field: String, multiline: Bool = false,
                         limit: Int = TextLimits.shortText) throws(FieldError) -> String? {
        let text = trimmed(value, multiline: multiline)
        guard !text.isEmpty else { return nil }
        if let problem = FreeText.problem(in: text, multiline: multiline) {
            throw FieldError(field: field, value: value, message: problem)
        }
        // Fewer bytes than the limit cannot make more characters than it: most texts skip the count.
        if text.utf8.count > limit {
            let length = text.count
            guard length <= limit else {
                throw FieldError(field: field, value: value,
                                 message: "too long (\(length) characters, at most \(limit))")
            }
        }
        return text
    }

    /// `value` without surrounding spaces (as the import trims), and for a
    /// multi-line text without blank lines before or after it either.
    static func trimmed(_ value: String, multiline: Bool) -> String {
        let isBlank: (Character) -> Bool = multiline ? { $0 == " " || $0 == "\n" } : { $0 == " " }
        guard let first = value.firstIndex(where: { !isBlank($0) }),
              let last = value.lastIndex(where: { !isBlank($0) }) else { return "" }
        return String(value[first...last])
    }
}
