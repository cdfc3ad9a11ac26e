/// One core field whose value an edit changes: what the audit trail
/// records for core data (records.md: "old and new values").
public struct CoreChange: Hashable, Sendable {
    public var field: CoreField
    /// The values as the CSV writes them (`CoreField.text(of:agencies:)`), nil when none.
    public var old: String?
    public var new: String?

    /// Every core field that differs between `old` and `new`, in field order.
    public static func between(_ old: Nominal, _ new: Nominal, agencies: AgencyIndex) -> [CoreChange] {
        CoreField.allCases.compactMap { field in
            let before = field.text(of: old, agencies: agencies)
            let after = field.text(of: new, agencies: agencies)
            return before == after ? nil : CoreChange(field: field, old: before, new: after)
        }
    }
}
