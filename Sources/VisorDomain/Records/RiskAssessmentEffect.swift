/// What a risk assessment entry does to its record (records.md: "when it
/// is the latest, sets the record's RoSH level and date").
extension NewEntry {
    /// The RoSH level and date this entry gives the record, or nil when it is
    /// not a risk assessment or an assessment of a later date is already
    /// recorded. "Latest" is by the assessment's date; on the same date the
    /// one recorded last wins (it is the one that corrects or completes the
    /// day's). The level is the assessment's highest (`RoSHAssessment.overall`).
    public func roshChange(on nominal: Nominal) -> (level: RoSHLevel, date: LocalDate)? {
        guard kind == .riskAssessment, let rosh else { return nil }
        if let current = nominal.roshDate, current > date { return nil }
        return (rosh.overall, date)
    }

    /// `nominal` as this entry leaves it.
    public func applied(to nominal: Nominal) -> Nominal {
        guard let change = roshChange(on: nominal) else { return nominal }
        var updated = nominal
        updated.rosh = change.level
        updated.roshDate = change.date
        return updated
    }
}
