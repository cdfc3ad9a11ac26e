/// The 3x5x2 grading of intelligence (records.md "Entries"; the College of
/// Policing's intelligence management model): how reliable the source is,
/// how the source knows what it says, and whether it may be passed on. A
/// value can hold only one of the 30 gradings (3 × 5 × 2), and handling
/// code C always carries the text of its conditions.
public struct IntelligenceGrading: Hashable, Sendable, CustomStringConvertible {
    /// Source evaluation.
    public enum Source: String, CaseIterable, Sendable {
        case reliable = "1", untested = "2", notReliable = "3"
    }

    /// Intelligence assessment.
    public enum Assessment: String, CaseIterable, Sendable {
        /// Known directly to the source.
        case a = "A"
        /// Known indirectly to the source, but corroborated.
        case b = "B"
        /// Known indirectly to the source.
        case c = "C"
        /// Not known.
        case d = "D"
        /// Suspected to be false or malicious.
        case e = "E"
    }

    /// Handling code.
    public enum Handling: String, CaseIterable, Sendable {
        /// Lawful sharing permitted: may be disseminated.
        case p = "P"
        /// Lawful sharing permitted subject to conditions, given in `conditions`.
        case c = "C"
    }

    public let source: Source
    public let assessment: Assessment
    public let handling: Handling
    /// The conditions of handling code C (never empty); nil for P.
    public let conditions: String?

    /// The field names the command line's options give these parts.
    public enum Field {
        public static let source = "source", assessment = "assessment", handling = "handling"
        public static let conditions = "conditions"
    }

    /// A grading from its parts; conditions are required with C and refused
    /// with P, and are one line of free text of at most 2,000 characters.
    public init(source: Source, assessment: Assessment, handling: Handling, conditions: String? = nil)
        throws(FieldError) {
        let text = try TextFieldRules.optional(conditions ?? "", field: Field.conditions)
        switch (handling, text) {
        case (.c, nil):
            throw FieldError(field: Field.conditions, value: conditions ?? "", message: "required when handling is C")
        case (.p, .some):
            throw FieldError(field: Field.conditions, value: conditions ?? "",
                             message: "only with handling C (P may be disseminated without conditions)")
        default:
            break
        }
        self.init(checked: source, assessment, handling, text)
    }

    /// Trusted parts: the parsers below have checked them.
    init(checked source: Source, _ assessment: Assessment, _ handling: Handling, _ conditions: String?) {
        self.source = source
        self.assessment = assessment
        self.handling = handling
        self.conditions = conditions
    }

    /// A grading from the command line's options (`--source 1-3 --assessment
    /// A-E --handling P|C [--conditions TEXT]`), written exactly (no case
    /// folding, as codes are); every wrong part is reported.
    public init(source: String, assessment: String, handling: String, conditions: String?) throws(FieldErrors) {
        var errors = FieldErrorCollector()
        let source = errors.attempt { () throws(FieldError) in
            try Self.part(source, Source.self, field: Field.source, allowed: "1, 2 or 3")
        }
        let assessment = errors.attempt { () throws(FieldError) in
            try Self.part(assessment, Assessment.self, field: Field.assessment, allowed: "A, B, C, D or E")
        }
        let handling = errors.attempt { () throws(FieldError) in
            try Self.part(handling, Handling.self, field: Field.handling, allowed: "P or C")
        }
        var grading: IntelligenceGrading?
        if let source, let assessment, let handling {
            grading = errors.attempt { () throws(FieldError) in
                try IntelligenceGrading(source: source, assessment: assessment, handling: handling,
                                        conditions: conditions)
            }
        }
        try errors.check(order: [Field.source, Field.assessment, Field.handling, Field.conditions])
        guard let grading else { throw FieldErrors([]) }  // unreachable: no grading left an error
        self = grading
    }

    private static func part<Part: RawRepresentable<String>>(_ value: String, _ type: Part.Type, field: String,
                                                             allowed: String) throws(FieldError) -> Part {
        let text = TextFieldRules.trimmed(value, multiline: false)
        guard !text.isEmpty else {
            throw FieldError(field: field, value: value, message: "required for intelligence (\(allowed))")
        }
        guard let part = Part(rawValue: text) else {
            throw FieldError(field: field, value: value, message: "must be \(allowed)", malformed: true)
        }
        return part
    }

    /// `2B-P`, `2B-C: CONDITIONS`: source, assessment, handling.
    public var description: String { stored }
}
