/// A group of people a risk of serious harm is assessed towards (OASys).
public enum VictimGroup: String, CaseIterable, Sendable, Hashable, Codable {
    case `public`
    case knownAdult = "known_adult"
    case children, staff, prisoners

    public static let allowedValues = "public, known_adult, children, staff or prisoners"
}

/// The RoSH levels a risk assessment gives, one per victim group assessed
/// (at least one). Its overall level is the highest of them, as OASys rates
/// a case by its highest risk: that is what the record's RoSH level shows.
public struct RoSHAssessment: Hashable, Sendable {
    public let levels: [VictimGroup: RoSHLevel]

    /// The field errors name (`--rosh GROUP=LEVEL`, repeated).
    public static let field = "rosh"

    /// Parses the command line's `GROUP=LEVEL` pieces; each group at most once.
    public init(parsing pieces: [String]) throws(FieldError) {
        var levels: [VictimGroup: RoSHLevel] = [:]
        for piece in pieces {
            let text = TextFieldRules.trimmed(piece, multiline: false)
            let parts = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2 else {
                throw FieldError(field: Self.field, value: piece, message: "not GROUP=LEVEL (e.g. public=high)",
                                 malformed: true)
            }
            guard let group = VictimGroup(rawValue: String(parts[0])) else {
                throw FieldError(field: Self.field, value: piece,
                                 message: "unknown victim group (\(VictimGroup.allowedValues))", malformed: true)
            }
            guard let level = RoSHLevel(rawValue: String(parts[1])) else {
                throw FieldError(field: Self.field, value: piece, message: "must be \(RoSHLevel.allowedValues)",
                                 malformed: true)
            }
            guard levels[group] == nil else {
                throw FieldError(field: Self.field, value: piece, message: "\(group.rawValue) is given twice")
            }
            levels[group] = level
        }
        guard !levels.isEmpty else {
            throw FieldError(field: Self.field, value: "",
                             message: "required for a risk assessment (GROUP=LEVEL, e.g. public=high)")
        }
        self.levels = levels
    }

    /// The highest level of any group.
    public var overall: RoSHLevel { levels.values.max() ?? .low }

    /// The pieces in group order, `public=high`: how the assessment is shown and stored.
    public var pieces: [String] {
        VictimGroup.allCases.compactMap { group in levels[group].map { group.rawValue + "=" + $0.rawValue } }
    }
}
