/// Why a user may not take a step — a role, a relationship, a rule, or a
/// step no longer possible — and the rule that says so, when one does. The
/// command line answers it with 77 and changes nothing.
public struct Refusal: Error, Hashable, Sendable, CustomStringConvertible {
    public var reason: String
    public var rule: RuleID?

    public init(_ reason: String, rule: RuleID? = nil) {
        self.reason = reason
        self.rule = rule
    }

    /// The reason, naming the rule: `the record's creator cannot validate it (R10)`.
    public var description: String { rule.map { "\(reason) (\($0))" } ?? reason }
}

/// Why a step of records.md did not happen: bad input (65), or a refusal (77).
public enum StepFailure: Error, Hashable, Sendable, CustomStringConvertible {
    case fields(FieldErrors)
    case refused(Refusal)

    public init(_ error: FieldError) { self = .fields(FieldErrors([error])) }

    /// sysexits: 65 for bad input data, 77 for a refusal (cli.md).
    public var exitStatus: Int32 {
        switch self {
        case .fields: 65
        case .refused: 77
        }
    }

    /// The error lines, or the refusal naming its rule: what standard error shows.
    public var description: String {
        switch self {
        case .fields(let errors): errors.description
        case .refused(let refusal): refusal.description
        }
    }
}
