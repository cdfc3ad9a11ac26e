/// R16 — Category 1 registered sexual offenders in the community re-notify
/// the police at least once a year (Sexual Offences Act 2003 s.85).
///
/// Candidates the store supplies: each active category 1 nominal in the
/// community with a last notification date. Without one there is no R16
/// action (R8 asks for it). The rule re-checks category, custody and
/// lifecycle.
///
/// Action: "annual notification", for the owner, user = the manager (if any),
/// on the nominal. Due last notification + *1 year*
/// (`Policy.r16NotificationYears`; 29 February + 1 year = 28 February).
public enum R16AnnualNotification {
    public struct Candidate: Sendable, Hashable {
        public var nominal: RuleNominal
        public var category: MAPPACategory
        public var custody: CustodyStatus
        public var lastNotification: LocalDate?

        public init(nominal: RuleNominal, category: MAPPACategory = .one, custody: CustodyStatus = .community,
                    lastNotification: LocalDate?) {
            self.nominal = nominal
            self.category = category
            self.custody = custody
            self.lastNotification = lastNotification
        }
    }

    /// The next notification's due date after one on `lastNotification`:
    /// + *1 year* (29 February + 1 year = 28 February). The rule and the
    /// write side (`NotificationDraft`) both ask here.
    public static func nextDue(after lastNotification: LocalDate, policy: Policy) -> LocalDate {
        lastNotification.adding(years: policy.r16NotificationYears)
    }

    /// A date no earlier than every last notification whose next is due by
    /// `date` (`nextDue(after:) <= date` implies `lastNotification <=` this):
    /// the store's scan skips the others without working out their due
    /// dates. Clipping 29 February moves a due date back a day; three days
    /// are allowed, as for any month's end.
    public static func latestNotification(dueBy date: LocalDate, policy: Policy) -> LocalDate {
        date.adding(years: -policy.r16NotificationYears).adding(days: 3)
    }

    public static func actions(for candidates: [Candidate], policy: Policy, asOf date: LocalDate) -> [Action] {
        candidates.compactMap { candidate in
            guard candidate.nominal.isActive, candidate.category == .one, candidate.custody == .community,
                  let last = candidate.lastNotification else { return nil }
            let head = "Annual notification of " + candidate.nominal.text
            return candidate.nominal.action(.r16, for: candidate.nominal.managerUserID,
                                            due: nextDue(after: last, policy: policy),
                                            summary: RuleText.line(head, ["last notified \(last.iso)"]))
        }
    }
}
