/// One change of MAPPA category or level, or of custody, kept with its date
/// and author (records.md: "kept as history with dates (the record shows it)").
public struct NominalHistoryItem: Hashable, Sendable {
    public var field: CoreField
    /// As the CSV writes the value (an agency by name), nil when there was none.
    public var old: String?
    public var new: String?
    public var on: LocalDate
    /// The user who made the change; nil for the import's migrations.
    public var by: UserID?
}

/// The history items a change to a nominal adds, for the store to write.
public enum NominalHistory {
    /// What changed between `old` and `new` among the history fields
    /// (`CoreField.historyFields`: category, level, custody status,
    /// establishment, custody start, release date and its type), in field
    /// order; nothing when none of them changed.
    public static func items(old: Nominal, new: Nominal, on date: LocalDate, by userID: UserID?,
                             agencies: AgencyIndex) -> [NominalHistoryItem] {
        CoreField.historyFields.compactMap { field in
            let before = field.text(of: old, agencies: agencies)
            let after = field.text(of: new, agencies: agencies)
            return before == after ? nil : NominalHistoryItem(field: field, old: before, new: after, on: date, by: userID)
        }
    }
}
