import VisorDomain
import VisorRegister

/// R10's candidates: every active nominal, with its validations and reviews
/// from the side table, each marked as made by a supervisor of the owner
/// agency (on the day) or not. Every nominal always has an R10 duty, so the
/// action is deferred (`DeferredAction`): its due date is worked out here and
/// the rule builds it when it is listed.
enum R10Query {
    /// The row's R10 action, when the window shows it: due creation + 10
    /// working days without a counting validation, else the last counting
    /// check + 3 or 6 months (the rule's own dates).
    static func deferred(_ row: NominalRow, _ sides: NominalSides, _ context: ScanContext) -> DeferredAction? {
        // The context's parts are read in place, never copied: a copy retains
        // their buffers, which both workers share, once per row.
        guard context.window.shows(row.createdOn) else { return nil }
        let owner = row.owner
        let creator = row.columns.optionalInt64(NominalRow.Column.createdBy)
        var validated = false
        var lastCounting: LocalDate?
        for check in sides.checks
        where check.by != creator && context.directory.isSupervisor(check.by, of: owner, on: check.on) {
            if check.kind == .validation { validated = true }
            if let last = lastCounting, last >= check.on {} else { lastCounting = check.on }
        }
        let due: LocalDate
        if validated, let last = lastCounting {
            let months = row.level.isMultiAgency ? context.window.policy.r10ReviewMonthsMultiAgency
                : context.window.policy.r10ReviewMonthsLevel1
            due = last.adding(months: months)
        } else {
            due = context.calendar.adding(workingDays: context.window.policy.r10ValidateWorkingDays,
                                           to: row.createdOn)
        }
        guard context.window.shows(due) else { return nil }
        let checks = sides.checks.map { check in
            R10ValidateAndReview.Check(kind: check.kind, checkedOn: check.on, byUserID: check.by,
                                       bySupervisor: context.directory.isSupervisor(check.by, of: owner, on: check.on))
        }
        let candidate = R10ValidateAndReview.Candidate(
            nominalID: row.id, crn: row.crn, pncID: row.pncID, ownerAgencyID: owner, managerUserID: row.manager,
            level: row.level, createdOn: row.createdOn, createdByUserID: creator, checks: checks)
        return DeferredAction(header: ActionHeader(rule: .r10, agencyID: owner, userID: row.manager, nominalID: row.id,
                                                   due: due), candidate: .r10(candidate))
    }
}
