/// Why one field of a form or command is refused: the field as the command
/// line and the CSV name it, the value as given, and the reason — the
/// import's `line N: COLUMN: VALUE: REASON` without the line. The command
/// line answers it with 65 (bad input data).
public struct FieldError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The field's name: a CSV column (`date_of_birth`), or the option without
    /// its dashes (`text`, `source`, `next_review`).
    public var field: String
    /// The value as given (not trimmed, not escaped).
    public var value: String
    /// What is wrong, in words the user can act on.
    public var message: String
    /// The value is not of the field's form at all (`IdentifierError.isMalformed`): the command
    /// line answers 64, not 65.
    public var isMalformed: Bool

    public init(field: String, value: String, message: String, malformed: Bool = false) {
        self.field = field
        self.value = value
        self.message = message
        isMalformed = malformed
    }

    public init(_ field: CoreField, value: String, message: String) {
        self.init(field: field.rawValue, value: value, message: message)
    }

    /// `error` found in `value` of `field`, as the field's error.
    public init(field: String, value: String, _ error: IdentifierError) {
        self.init(field: field, value: value, message: error.message, malformed: error.isMalformed)
    }

    /// The value as it may be shown: cut at 60 characters, as the import cuts
    /// it, then every character free text refuses escaped (`\t`, `\x1b`,
    /// `\u202e`, `\u200b`), so an error line never hides, moves or reorders
    /// what was typed.
    public var shownValue: String {
        let cut = value.count > 60 ? String(value.prefix(60)) : value
        guard cut.unicodeScalars.contains(where: { TextHazard.of($0) != nil }) else { return cut }
        var shown = ""
        for scalar in cut.unicodeScalars {
            if TextHazard.of(scalar) != nil {
                shown += TerminalText.escape(scalar)
            } else {
                shown.unicodeScalars.append(scalar)
            }
        }
        return shown
    }

    /// `FIELD: VALUE: MESSAGE`.
    public var description: String { "\(field): \(shownValue): \(message)" }
}

/// Every refused field of one form, in the form's field order: a form shows
/// each beside its field, the command line prints one line per error.
public struct FieldErrors: Error, Hashable, Sendable, CustomStringConvertible {
    public var errors: [FieldError]

    public init(_ errors: [FieldError]) { self.errors = errors }

    /// The error of `field`, if it has one (a field has at most one: its first fault).
    public subscript(field: String) -> FieldError? { errors.first { $0.field == field } }

    /// One `FIELD: VALUE: MESSAGE` line per error.
    public var description: String { errors.map(\.description).joined(separator: "\n") }

    /// True when any of the errors is of a malformed value (cli.md: 64).
    public var hasMalformedValue: Bool { errors.contains(where: \.isMalformed) }
}

/// Collects field errors while a form is validated, keeping the first per field.
struct FieldErrorCollector {
    private(set) var errors: [FieldError] = []

    /// Records `error` unless its field already has one.
    mutating func add(_ error: FieldError) {
        guard !errors.contains(where: { $0.field == error.field }) else { return }
        errors.append(error)
    }

    /// The value `parse` gives, or nil after recording its error.
    mutating func attempt<T>(_ parse: () throws(FieldError) -> T) -> T? {
        do throws(FieldError) {
            return try parse()
        } catch {
            add(error)
            return nil
        }
    }

    func hasError(_ field: String) -> Bool { errors.contains { $0.field == field } }

    /// Throws the collected errors, ordered by `order` (a form's field order), if any.
    func check(order: [String]) throws(FieldErrors) {
        guard !errors.isEmpty else { return }
        let rank = Dictionary(order.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let sorted = errors.enumerated().sorted { lhs, rhs in
            (rank[lhs.element.field] ?? Int.max, lhs.offset) < (rank[rhs.element.field] ?? Int.max, rhs.offset)
        }
        throw FieldErrors(sorted.map(\.element))
    }
}
