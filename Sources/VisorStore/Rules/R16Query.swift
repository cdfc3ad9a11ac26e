import VisorDomain
import VisorRegister

/// R16's candidates: active category 1 nominals in the community with a last
/// notification whose next falls due by the window's end: those notified
/// after the rule's own bound (`latestNotification(dueBy:)`, in the scan's
/// context) are passed over without working out a date. The action is
/// deferred (`DeferredAction`), due the rule's own date
/// (`R16AnnualNotification.nextDue`).
enum R16Query {
    static func deferred(_ row: NominalRow, _ sides: NominalSides, _ context: ScanContext)
        throws(RegisterDamage) -> DeferredAction? {
        guard row.category == .one, !row.inCustody, let last = try row.date(.lastNotification),
              last <= context.r16Latest else { return nil }
        let due = R16AnnualNotification.nextDue(after: last, policy: context.window.policy)
        guard context.window.shows(due) else { return nil }
        let candidate = R16AnnualNotification.Candidate(
            nominal: row.ruleNominal, category: .one, custody: .community, lastNotification: last)
        return DeferredAction(header: ActionHeader(rule: .r16, agencyID: row.owner, userID: row.manager,
                                                   nominalID: row.id, due: due), candidate: .r16(candidate))
    }
}
