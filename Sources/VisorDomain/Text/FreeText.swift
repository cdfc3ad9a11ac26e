/// A free-text input that holds a character records.md refuses: which field,
/// and why, with the character shown escaped and where it is.
public struct FreeTextError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The field as the user knows it (`reason`, `--reason`, `surname`).
    public var field: String
    /// What is wrong, without the field (an extract's error line names its column itself).
    public var reason: String

    public init(field: String, reason: String) {
        self.field = field
        self.reason = reason
    }

    /// `reason: control characters are not allowed (\x07 at character 3)`.
    public var description: String { "\(field): \(reason)" }
}

/// The check every free-text input goes through (reasons, names, agency
/// names, and the fields later issues add): no control, bidirectional or
/// zero-width character (`TextHazard`), and no line break in a one-line text.
/// A multi-line text (an entry) may hold line feeds, and only those.
public enum FreeText {
    /// Throws when `text` holds a refused character; the error names `field`.
    public static func validate(_ text: String, field: String, multiline: Bool = false) throws(FreeTextError) {
        if let reason = problem(in: text, multiline: multiline) {
            throw FreeTextError(field: field, reason: reason)
        }
    }

    /// Why `text` is refused, or nil: the first refused character, escaped,
    /// with its position counted in characters (as lengths are), since many
    /// of them are invisible.
    public static func problem(in text: String, multiline: Bool = false) -> String? {
        guard TextHazard.mayOccur(in: text) else { return nil }
        for (index, character) in text.enumerated() {
            for scalar in character.unicodeScalars {
                guard let hazard = TextHazard.of(scalar), !(multiline && scalar == "\n") else { continue }
                let what: String
                switch hazard {
                case .control: what = "control characters are not allowed"
                case .lineBreak: what = multiline ? "line breaks other than \\n are not allowed" : "line breaks are not allowed"
                case .bidirectional: what = "bidirectional controls are not allowed"
                case .zeroWidth: what = "zero-width characters are not allowed"
                }
                return what + " (" + TerminalText.escape(scalar) + " at character \(index + 1))"
            }
        }
        return nil
    }
}
