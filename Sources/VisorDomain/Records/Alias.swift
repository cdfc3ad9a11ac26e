/// Another name a nominal is known by: `SURNAME, FORENAMES` on the command
/// line (`--alias`), a surname alone when no forenames are known. Each part
/// is a name as the import validates names (1 to 100 characters, a letter).
public struct Alias: Hashable, Sendable {
    public var surname: String
    /// Empty when only a surname is known (the store keeps `''`).
    public var forenames: String

    public init(surname: String, forenames: String = "") {
        self.surname = surname
        self.forenames = forenames
    }

    /// Parses `SURNAME, FORENAMES` or `SURNAME`; the error names the field `alias`.
    public init(parsing value: String) throws(FieldError) {
        // Each part is held to the name limit below; the whole has no limit of its own.
        let text = try TextFieldRules.required(value, field: CoreField.alias.rawValue, limit: .max)
        let parts = text.split(separator: ",", maxSplits: 1, omittingEmptySubsequences: false)
        let surname = TextFieldRules.trimmed(String(parts[0]), multiline: false)
        let forenames = parts.count > 1 ? TextFieldRules.trimmed(String(parts[1]), multiline: false) : ""
        guard !surname.isEmpty, parts.count == 1 || !forenames.isEmpty else {
            throw FieldError(.alias, value: value, message: "not SURNAME, FORENAMES (or a surname alone)")
        }
        do throws(IdentifierError) {
            self.surname = try NominalFieldRules.name(surname)
            self.forenames = forenames.isEmpty ? "" : try NominalFieldRules.name(forenames)
        } catch {
            throw FieldError(.alias, value: value, message: error.message)
        }
    }

    /// `SURNAME, Forenames`: how the record shows an alias (and `Nominal.aliases` holds it).
    public var displayText: String { surname.uppercased() + (forenames.isEmpty ? "" : ", " + forenames) }

    /// `Surname, Forenames` as typed: what a form shows to edit.
    public var inputText: String { forenames.isEmpty ? surname : surname + ", " + forenames }
}
