import VisorDomain
import VisorRegister

/// R16's candidates: active category 1 nominals in the community whose last
/// notification is old enough for the next to fall due by the window's end
/// (`ScanContext.r16Latest`). The action is deferred (`DeferredAction`):
/// due the last notification + 1 year (the rule's own date).
enum R16Query {
    static func deferred(_ row: NominalRow, _ sides: NominalSides, _ context: ScanContext) -> DeferredAction? {
        guard row.category == .one, !row.inCustody,
              let last = row.columns.date(NominalRow.Column.lastNotification), last <= context.r16Latest
        else { return nil }
        let due = last.adding(years: context.window.policy.r16NotificationYears)
        guard context.window.shows(due) else { return nil }
        let candidate = R16AnnualNotification.Candidate(
            nominalID: row.id, crn: row.crn, pncID: row.pncID, ownerAgencyID: row.owner, managerUserID: row.manager,
            category: .one, custody: .community, lastNotification: last)
        return DeferredAction(header: ActionHeader(rule: .r16, agencyID: row.owner, userID: row.manager,
                                                   nominalID: row.id, due: due), candidate: .r16(candidate))
    }
}
