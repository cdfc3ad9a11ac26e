/// How a grading is kept in an entry's `grading` text, and how the texts
/// stored before the 3x5x2 value existed read.
///
/// Canonical form: source digit, assessment letter, `-`, handling code, and
/// for C `: ` and the conditions — `2B-P`, `1A-C: not to be shared with the
/// subject's family`. Older texts (the demonstration's `B2 P`, `C3 P`,
/// `A1 C`; the test fixture's `B2`) were written letter first: every one of
/// them has a letter A–E and a digit 1–3, so they are read as assessment
/// then source. Their handling is kept when it is P; a C or a missing code
/// reads as C with `legacyConditions`, so nothing old is taken to be freely
/// shareable.
extension IntelligenceGrading {
    /// The conditions of an old grading whose handling was C or not recorded.
    public static let legacyConditions = "not recorded (graded before conditions were kept)"

    /// The 3x5x2 code alone: `2B-P`, `2B-C`.
    public var code: String { source.rawValue + assessment.rawValue + "-" + handling.rawValue }

    /// The canonical stored text.
    public var stored: String { conditions.map { code + ": " + $0 } ?? code }

    /// Reads a stored grading, canonical or old; anything else is refused,
    /// naming the field `grading`.
    public init(stored text: String) throws(FieldError) {
        let characters = Array(text)
        let refused = FieldError(field: "grading", value: text,
                                 message: "not a 3x5x2 grading (e.g. 2B-P, or 2B-C: CONDITIONS)")
        guard characters.count >= 2 else { throw refused }
        if let source = Source(rawValue: String(characters[0])),
           let assessment = Assessment(rawValue: String(characters[1])) {
            let rest = String(characters.dropFirst(2))
            if rest == "-P" {
                self.init(checked: source, assessment, .p, nil)
                return
            }
            guard rest.hasPrefix("-C: ") else { throw refused }
            let conditions = String(rest.dropFirst(4))
            do throws(FieldError) {
                try self.init(source: source, assessment: assessment, handling: .c, conditions: conditions)
            } catch {
                throw FieldError(field: "grading", value: text, message: "conditions: " + error.message)
            }
            return
        }
        guard let assessment = Assessment(rawValue: String(characters[0])),
              let source = Source(rawValue: String(characters[1])) else { throw refused }
        switch String(characters.dropFirst(2)) {
        case " P": self.init(checked: source, assessment, .p, nil)
        case "", " C": self.init(checked: source, assessment, .c, Self.legacyConditions)
        default: throw refused
        }
    }
}

extension Entry {
    /// The entry's grading read from its stored text, nil when it has none or
    /// the text is no grading (an entry is never edited, so an old unreadable
    /// text is shown as it is rather than refused).
    public var intelligenceGrading: IntelligenceGrading? {
        grading.flatMap { try? IntelligenceGrading(stored: $0) }
    }
}
