/// The validation of each field of a nominal, shared by the import
/// (`ExtractRowValidator`, nominals-csv.md) and the register's own forms and
/// commands (`NominalDraft`, records.md): one function per rule, one message
/// per fault, so both say the same thing about the same value.
///
/// Each function takes a non-empty value (emptiness is the caller's: the
/// import says "required", a form may supply a default) and throws the
/// reason alone; the caller names the field and shows the value.
public enum NominalFieldRules {
    /// The reason an empty required field gives.
    public static let required = "required"

    /// The reason an empty required coded field gives: `required (M, F, X or U)`.
    public static func required<Code: FieldCode>(_ code: Code.Type) -> String {
        "required (\(Code.allowedValues))"
    }

    /// An ISO date `YYYY-MM-DD` naming a real calendar day.
    public static func date(_ text: some StringProtocol) throws(IdentifierError) -> LocalDate {
        guard let date = LocalDate(iso: text) else {
            // Well-formed YYYY-MM-DD that names no day (2023-02-30) versus any other text.
            let bytes = Array(text.utf8)
            let isISOShape = bytes.count == 10 && bytes.enumerated().allSatisfy { index, byte in
                index == 4 || index == 7 ? byte == UInt8(ascii: "-") : (byte >= 48 && byte <= 57)
            }
            throw IdentifierError(isISOShape ? "not a real calendar date" : "not an ISO date (YYYY-MM-DD)",
                                  malformed: true)
        }
        return date
    }

    /// A date on or before `today` (date of birth, RoSH date).
    public static func pastDate(_ text: some StringProtocol, today: LocalDate) throws(IdentifierError) -> LocalDate {
        let value = try date(text)
        guard value <= today else { throw IdentifierError("is in the future") }
        return value
    }

    /// The earliest date of birth the register accepts: an 1890 birth is a typing slip, not an offender.
    public static let earliestDateOfBirth = LocalDate(year: 1900, month: 1, day: 1)!

    /// A date of birth: a past date, from 1900-01-01.
    public static func birthDate(_ text: some StringProtocol, today: LocalDate) throws(IdentifierError) -> LocalDate {
        let value = try pastDate(text, today: today)
        guard value >= earliestDateOfBirth else { throw IdentifierError("is before \(earliestDateOfBirth.iso)") }
        return value
    }

    /// A date that cannot come before the person's birth (custody start, release, last notification).
    public static func notBefore(birth: LocalDate?, _ value: LocalDate) throws(IdentifierError) -> LocalDate {
        if let birth, value < birth { throw IdentifierError("is before the date of birth (\(birth.iso))") }
        return value
    }

    /// A surname or forenames (or a part of an alias): at most 100
    /// characters, with at least one letter (of any script).
    public static func name(_ value: String) throws(IdentifierError) -> String {
        // More than 100 bytes is needed for more than 100 characters, so most names skip the count.
        if value.utf8.count > TextLimits.name {
            let length = value.count
            guard length <= TextLimits.name else {
                throw IdentifierError("too long (\(length) characters, at most \(TextLimits.name))")
            }
        }
        let hasASCIILetter = value.utf8.contains { ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) }
        guard hasASCIILetter || value.contains(where: { $0.isLetter }) else {
            throw IdentifierError("must contain a letter")
        }
        return value
    }

    /// A code written exactly as one of `Code`'s values.
    public static func code<Code: FieldCode>(_ value: String, _ type: Code.Type) throws(IdentifierError) -> Code {
        guard let code = Code(rawValue: value) else {
            throw IdentifierError("must be \(Code.allowedValues)", malformed: true)
        }
        return code
    }

    // MARK: Rules across fields

    /// Category 3 is by definition managed at level 2 or 3 (domain.md). Category
    /// 4 is not held to it: the import accepts it at level 1, and so do forms.
    /// The fault belongs to `mappa_level`.
    public static func level(_ level: MAPPALevel, allowedFor category: MAPPACategory) throws(IdentifierError) {
        if category == .three, level == .one { throw IdentifierError("category 3 requires level 2 or 3") }
    }

    /// The reason of `release_date_type` when a release date has none.
    public static let releaseDateTypeRequired = "required when release_date is set (actual or potential)"

    /// The reason of `rosh_date` when a RoSH level has none.
    public static let roshDateRequired = "required when rosh_level is set"
}
