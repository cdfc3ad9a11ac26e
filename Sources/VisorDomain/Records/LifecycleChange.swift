/// Archiving a record or unarchiving it (records.md: owner CPC or deputy
/// CPC, with a reason; `AccessPolicy`'s `.archive` and `checkUnarchive`).
/// An archived record is read-only and no rule applies to it.
public struct LifecycleChange: Hashable, Sendable {
    /// The lifecycle the record moves to.
    public var to: Lifecycle
    /// The reason, trimmed: one line of free text, at most 2,000 characters.
    public var reason: String

    /// Validates `reason` (required; the field `reason`).
    public init(to: Lifecycle, reason: String) throws(FieldError) {
        self.to = to
        self.reason = try TextFieldRules.required(reason, field: "reason")
    }

    /// `nominal` in its new lifecycle.
    public func applied(to nominal: Nominal) -> Nominal {
        var changed = nominal
        changed.lifecycle = to
        return changed
    }
}
