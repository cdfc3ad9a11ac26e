/// R10 — Record creation and validation standards (seed: mandatory action 7).
///
/// Candidates the store supplies: each active nominal with its creator and
/// every validation and review of it (`RecordCheck`s): who, when, and whether
/// that user held the supervisor role (of the owner agency) when checking.
/// A check counts only when made by a supervisor who is not the record's
/// creator. The rule ignores archived nominals.
///
/// Action (one per nominal), for the owner, user = the manager (if any):
/// - no counting validation yet: "validate record", due creation + *10
///   working days* (`Policy.r10ValidateWorkingDays`);
/// - else "review record", due the last counting validation or review
///   + *3 months* at level 2/3 (`r10ReviewMonthsMultiAgency`), + *6 months*
///   at level 1 (`r10ReviewMonthsLevel1`), clipped to the month's end.
public enum R10ValidateAndReview {
    /// A validation or review of the record.
    public struct Check: Sendable, Hashable {
        public var kind: RecordCheck.Kind
        public var checkedOn: LocalDate
        public var byUserID: UserID
        /// The checker held the supervisor role (of the owner agency).
        public var bySupervisor: Bool

        public init(kind: RecordCheck.Kind, checkedOn: LocalDate, byUserID: UserID, bySupervisor: Bool) {
            self.kind = kind
            self.checkedOn = checkedOn
            self.byUserID = byUserID
            self.bySupervisor = bySupervisor
        }
    }

    public struct Candidate: Sendable, Hashable {
        public var nominal: RuleNominal
        public var level: MAPPALevel
        public var createdOn: LocalDate
        public var createdByUserID: UserID?
        public var checks: [Check]

        public init(nominal: RuleNominal, level: MAPPALevel, createdOn: LocalDate, createdByUserID: UserID?,
                    checks: [Check] = []) {
            self.nominal = nominal
            self.level = level
            self.createdOn = createdOn
            self.createdByUserID = createdByUserID
            self.checks = checks
        }
    }

    /// The first validation's due date: creation + *10 working days*. The
    /// rule and the write side (`RecordCheckStep`) both ask here.
    public static func validationDue(createdOn: LocalDate, policy: Policy) -> LocalDate {
        validationDue(createdOn: createdOn, calendar: policy.workingCalendar, policy: policy)
    }

    /// The same with `policy.workingCalendar` passed in: callers with many
    /// records (the rule, the store's scan) take it once, not once per record.
    public static func validationDue(createdOn: LocalDate, calendar: WorkingCalendar, policy: Policy) -> LocalDate {
        calendar.adding(workingDays: policy.r10ValidateWorkingDays, to: createdOn)
    }

    /// The next review's due date after a validation or review on `lastCheck`:
    /// + *3 months* at level 2/3, + *6 months* at level 1, clipped to the month's end.
    public static func reviewDue(lastCheck: LocalDate, level: MAPPALevel, policy: Policy) -> LocalDate {
        lastCheck.adding(months: level.isMultiAgency ? policy.r10ReviewMonthsMultiAgency : policy.r10ReviewMonthsLevel1)
    }

    /// What R10 asks of `candidate` now: a validation until one counts (by a
    /// supervisor who is not the creator), then a review; its due date; and
    /// the last counting check, if any. The rule's actions and the write
    /// side's validate and review (`RecordCheckDraft`) both ask here.
    public static func duty(for candidate: Candidate, policy: Policy) -> Duty {
        duty(for: candidate, calendar: policy.workingCalendar, policy: policy)
    }

    /// R10's duty on one nominal.
    public struct Duty: Hashable, Sendable {
        public var kind: RecordCheck.Kind
        public var due: LocalDate
        public var lastCheck: LocalDate?
    }

    /// A record's checks folded one at a time into what R10's duty depends
    /// on: whether a counting one is a validation, and the last counting
    /// one's date. The rule folds its candidate's checks; the store's scan
    /// folds the side table's rows as they pass, without building `Check`s
    /// for a record whose action the window does not show.
    public struct CountingChecks: Hashable, Sendable {
        // Stored under other names so that `add` can be inlined into the
        // store's scan (a million rows; as a call, with its closure, it cost
        // a fifth of R10's share) while callers only read them.
        @usableFromInline var isValidated = false
        @usableFromInline var lastCountingCheck: LocalDate?

        /// Whether a counting check is a validation.
        public var validated: Bool { isValidated }
        /// The last counting check's date.
        public var lastCheck: LocalDate? { lastCountingCheck }

        public init() {}

        /// Counts a check of `kind` on `date` by `user` if it counts: made by
        /// a supervisor (of the owner agency) who is not the record's
        /// `creator`. `bySupervisor` is asked only of another user's check
        /// (the store looks it up in the supervisors' periods).
        @inlinable
        public mutating func add(_ kind: RecordCheck.Kind, on date: LocalDate, by user: UserID, creator: UserID?,
                                 bySupervisor: @autoclosure () -> Bool) {
            guard user != creator, bySupervisor() else { return }
            if kind == .validation { isValidated = true }
            if let last = lastCountingCheck, last >= date { return }
            lastCountingCheck = date
        }

        /// The duty these checks leave on a record created on `createdOn` at `level`.
        public func duty(createdOn: LocalDate, level: MAPPALevel, calendar: WorkingCalendar, policy: Policy) -> Duty {
            if validated, let lastCheck {
                return Duty(kind: .review, due: reviewDue(lastCheck: lastCheck, level: level, policy: policy),
                            lastCheck: lastCheck)
            }
            return Duty(kind: .validation, due: validationDue(createdOn: createdOn, calendar: calendar, policy: policy),
                        lastCheck: lastCheck)
        }
    }

    private static func duty(for candidate: Candidate, calendar: WorkingCalendar, policy: Policy) -> Duty {
        var counting = CountingChecks()
        for check in candidate.checks {
            counting.add(check.kind, on: check.checkedOn, by: check.byUserID, creator: candidate.createdByUserID,
                         bySupervisor: check.bySupervisor)
        }
        return counting.duty(createdOn: candidate.createdOn, level: candidate.level, calendar: calendar, policy: policy)
    }

    public static func actions(for candidates: [Candidate], policy: Policy, asOf date: LocalDate) -> [Action] {
        let calendar = policy.workingCalendar
        return candidates.compactMap { candidate in
            guard candidate.nominal.isActive else { return nil }
            let nominal = candidate.nominal.text
            let duty = duty(for: candidate, calendar: calendar, policy: policy)
            let summary = if duty.kind == .review, let lastCheck = duty.lastCheck {
                "Review record of \(nominal): last validated or reviewed \(lastCheck.iso)"
            } else {
                "Validate record of \(nominal): created \(candidate.createdOn.iso)"
            }
            return candidate.nominal.action(.r10, for: candidate.nominal.managerUserID, due: duty.due,
                                            summary: summary)
        }
    }
}
