import VisorDomain
import VisorRegister

/// R10's candidates: every active nominal, with its validations and reviews
/// from the side table, each marked as made by a supervisor of the owner
/// agency (on the day) or not. Every nominal always has an R10 duty, so the
/// action is deferred (`DeferredAction`): its due date is the rule's own
/// (`R10ValidateAndReview.CountingChecks`, fed the side table's rows), and
/// the rule builds the action when it is listed.
enum R10Query {
    /// The row's R10 action, when the window shows it.
    static func deferred(_ row: NominalRow, _ sides: NominalSides, _ context: ScanContext) -> DeferredAction? {
        // The context's parts are read in place, never copied: a copy retains
        // their buffers, which both workers share, once per row.
        let owner = row.owner
        let creator = row.reference(.createdBy)
        var counting = R10ValidateAndReview.CountingChecks()
        for check in sides.checks {
            counting.add(check.kind, on: check.on, by: check.by, creator: creator,
                         bySupervisor: context.directory.isSupervisor(check.by, of: owner, on: check.on))
        }
        let duty = counting.duty(createdOn: row.createdOn, level: row.level, calendar: context.calendar,
                                 policy: context.window.policy)
        guard context.window.shows(duty.due) else { return nil }
        let checks = sides.checks.map { check in
            R10ValidateAndReview.Check(kind: check.kind, checkedOn: check.on, byUserID: check.by,
                                       bySupervisor: context.directory.isSupervisor(check.by, of: owner, on: check.on))
        }
        let candidate = R10ValidateAndReview.Candidate(
            nominal: row.ruleNominal, level: row.level, createdOn: row.createdOn, createdByUserID: creator, checks: checks)
        return DeferredAction(header: ActionHeader(rule: .r10, agencyID: owner, userID: row.manager, nominalID: row.id,
                                                   due: duty.due), candidate: .r10(candidate))
    }
}
