/// R14 — SPOs log on regularly and check that staff routinely access their
/// nominals (seed: mandatory action 10). Two kinds of action:
///
/// "SPO has not logged on" — candidates: each active user holding the `spo`
/// role, with the London date of their last sign-in to the application and
/// their account's creation date. For their agency, user = the SPO, no
/// nominal. Due last sign-in + *7 days* (`Policy.r14SPOSignInDays`); never
/// signed in: account creation + 7 days.
///
/// "record not viewed by its manager" — candidates: each active nominal with
/// a manager, with the manager's last view of it, the date the manager was
/// assigned and the nominal's creation. For the owner, user = the manager, on
/// the nominal. Due + *30 days* (`Policy.r14ManagerViewDays`) after the later
/// of the last view and the assignment (a view before the assignment is not a
/// view by the record's manager), else after the creation. Archived nominals
/// and nominals without a manager are ignored.
public enum R14SPOOversight {
    public struct LogonCandidate: Sendable, Hashable {
        public var user: RuleUser
        public var lastSignInOn: LocalDate?
        public var createdOn: LocalDate

        public init(user: RuleUser, lastSignInOn: LocalDate?, createdOn: LocalDate) {
            self.user = user
            self.lastSignInOn = lastSignInOn
            self.createdOn = createdOn
        }
    }

    public struct ViewCandidate: Sendable, Hashable {
        public var nominal: RuleNominal
        public var managerLastViewedOn: LocalDate?
        public var managerAssignedOn: LocalDate?
        public var createdOn: LocalDate

        public init(nominal: RuleNominal, managerLastViewedOn: LocalDate? = nil, managerAssignedOn: LocalDate? = nil,
                    createdOn: LocalDate) {
            self.nominal = nominal
            self.managerLastViewedOn = managerLastViewedOn
            self.managerAssignedOn = managerAssignedOn
            self.createdOn = createdOn
        }
    }

    /// When an SPO must sign in again: the last sign-in + *7 days*; never
    /// signed in, the account's creation + 7 days.
    public static func signInDue(lastSignInOn: LocalDate?, createdOn: LocalDate, policy: Policy) -> LocalDate {
        (lastSignInOn ?? createdOn).adding(days: policy.r14SPOSignInDays)
    }

    /// When the manager must view the record again: *30 days* after the
    /// later of their last view and their assignment, else after the
    /// record's creation. The rule asks here; the store's scan, which keeps
    /// a million of these as day numbers (`DeferredView`), asks `viewDueDay`,
    /// of which this is the calendar form.
    public static func viewDue(lastViewed: LocalDate?, assigned: LocalDate?, created: LocalDate,
                               policy: Policy) -> LocalDate {
        LocalDate(dayNumber: viewDueDay(lastViewedDay: lastViewed?.dayNumber, assignedDay: assigned?.dayNumber,
                                        createdDay: created.dayNumber, policy: policy))
    }

    /// `viewDue` in day numbers (`LocalDate.dayNumber`): a whole number of
    /// days is added, so no calendar is needed, and the scan skips turning
    /// each row's dates into `LocalDate`s and back. Inlinable: the scan calls
    /// it for nearly every row.
    @inlinable
    public static func viewDueDay(lastViewedDay: Int?, assignedDay: Int?, createdDay: Int, policy: Policy) -> Int {
        let since = switch (lastViewedDay, assignedDay) {
        case let (viewed?, assigned?): max(viewed, assigned)
        case let (viewed?, nil): viewed
        case let (nil, assigned?): assigned
        case (nil, nil): createdDay
        }
        return since + policy.r14ManagerViewDays
    }

    public static func logonActions(for candidates: [LogonCandidate], policy: Policy,
                                    asOf date: LocalDate) -> [Action] {
        candidates.compactMap { candidate in
            guard candidate.user.isActive else { return nil }
            let detail = candidate.lastSignInOn.map { "last signed in \($0.iso)" } ?? "never signed in"
            let head = "SPO " + candidate.user.text + " has not logged on"
            return candidate.user.action(
                .r14, due: signInDue(lastSignInOn: candidate.lastSignInOn, createdOn: candidate.createdOn, policy: policy),
                summary: RuleText.line(head, [detail]))
        }
    }

    public static func viewActions(for candidates: [ViewCandidate], policy: Policy,
                                   asOf date: LocalDate) -> [Action] {
        candidates.compactMap { candidate in
            guard candidate.nominal.isActive, let manager = candidate.nominal.managerUserID else { return nil }
            let head = "Record not viewed by its manager: " + candidate.nominal.text
            return candidate.nominal.action(
                .r14, for: manager,
                due: viewDue(lastViewed: candidate.managerLastViewedOn, assigned: candidate.managerAssignedOn,
                             created: candidate.createdOn, policy: policy),
                summary: RuleText.line(head, [viewDetail(candidate)]))
        }
    }

    /// What the summary says the 30 days run from (a view on the day of the
    /// assignment reads as a view).
    static func viewDetail(_ candidate: ViewCandidate) -> String {
        switch (candidate.managerLastViewedOn, candidate.managerAssignedOn) {
        case let (viewed?, assigned?): viewed >= assigned ? "last viewed \(viewed.iso)" : "assigned \(assigned.iso)"
        case let (viewed?, nil): "last viewed \(viewed.iso)"
        case let (nil, assigned?): "assigned \(assigned.iso)"
        case (nil, nil): "not viewed since creation \(candidate.createdOn.iso)"
        }
    }
}
