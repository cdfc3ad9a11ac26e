import VisorDomain

/// R16's candidates: active category 1 nominals in the community whose last
/// notification is old enough for the next to fall due by the window's end
/// (`ScanContext.r16Latest`).
enum R16Query {
    static func candidate(_ row: NominalRow, _ sides: NominalSides, _ context: ScanContext)
        -> R16AnnualNotification.Candidate? {
        guard row.category == .one, !row.inCustody,
              let last = row.columns.date(NominalRow.Column.lastNotification), last <= context.r16Latest
        else { return nil }
        return R16AnnualNotification.Candidate(
            nominalID: row.id, crn: row.crn, pncID: row.pncID, ownerAgencyID: row.owner, managerUserID: row.manager,
            category: .one, custody: .community, lastNotification: last)
    }
}
