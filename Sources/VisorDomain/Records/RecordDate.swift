/// The dates the write side's steps take (an entry's, a meeting's, a
/// notification's), checked as the import checks dates, with the same words.
enum RecordDate {
    /// An ISO date on or before `today`; blank is `today` when `defaultToday`,
    /// else required. `notBefore` (with what it is) refuses an earlier date.
    static func pastOrToday(_ value: String, field: String, today: LocalDate, defaultToday: Bool = false,
                            notBefore floor: (date: LocalDate, what: String)? = nil) throws(FieldError) -> LocalDate {
        let date = try parse(value, field: field, defaultValue: defaultToday ? today : nil)
        guard date <= today else { throw FieldError(field: field, value: value, message: "is in the future") }
        if let floor, date < floor.date {
            throw FieldError(field: field, value: value, message: "is before \(floor.what) (\(floor.date.iso))")
        }
        return date
    }

    /// An ISO date; blank is `defaultValue`, or required without one.
    static func parse(_ value: String, field: String, defaultValue: LocalDate? = nil) throws(FieldError) -> LocalDate {
        let text = try TextFieldRules.optional(value, field: field)
        guard let text else {
            guard let defaultValue else { throw FieldError(field: field, value: value, message: "required") }
            return defaultValue
        }
        do throws(IdentifierError) {
            return try NominalFieldRules.date(text)
        } catch {
            throw FieldError(field: field, value: value, error)
        }
    }
}
