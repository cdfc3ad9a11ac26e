/// R11 — Level 2/3 cases are managed through MAPP meetings.
///
/// Candidates the store supplies: each active nominal at level 2 or 3, with
/// its last MAPP meeting (held date and next review date, if any) and the
/// dates that say when it became level 2/3: `levelSince`, else the MAPP entry
/// date, else its creation. The rule ignores level 1 and archived nominals.
///
/// Action: "MAPP review", for the owner, user = the manager (if any), on the
/// nominal. Due:
/// - the last meeting's next review date;
/// - a last meeting without one: held date + *16 weeks* at level 2
///   (`Policy.r11ReviewWeeksLevel2`), + *8 weeks* at level 3
///   (`r11ReviewWeeksLevel3`), by the nominal's current level;
/// - no meeting yet: the date it became level 2/3 (`levelSince` ??
///   `mappEntryDate` ?? `createdOn`).
public enum R11MAPPReview {
    public struct Candidate: Sendable, Hashable {
        public var nominal: RuleNominal
        public var level: MAPPALevel
        public var lastMeetingHeldOn: LocalDate?
        public var lastMeetingNextReviewOn: LocalDate?
        public var levelSince: LocalDate?
        public var mappEntryDate: LocalDate?
        public var createdOn: LocalDate

        public init(nominal: RuleNominal, level: MAPPALevel, lastMeetingHeldOn: LocalDate? = nil, lastMeetingNextReviewOn: LocalDate? = nil,
                    levelSince: LocalDate? = nil, mappEntryDate: LocalDate? = nil, createdOn: LocalDate) {
            self.nominal = nominal
            self.level = level
            self.lastMeetingHeldOn = lastMeetingHeldOn
            self.lastMeetingNextReviewOn = lastMeetingNextReviewOn
            self.levelSince = levelSince
            self.mappEntryDate = mappEntryDate
            self.createdOn = createdOn
        }
    }

    /// The next review after a meeting held on `heldOn` when it sets none:
    /// + *16 weeks* at level 2, + *8 weeks* at level 3. The rule passes the
    /// nominal's level; a meeting's form (`MeetingDraft`) its own.
    public static func defaultNextReview(heldOn: LocalDate, level: MAPPALevel, policy: Policy) -> LocalDate {
        heldOn.adding(days: 7 * (level == .three ? policy.r11ReviewWeeksLevel3 : policy.r11ReviewWeeksLevel2))
    }

    /// The MAPP review's due date for `candidate` (whatever its level or lifecycle).
    public static func due(for candidate: Candidate, policy: Policy) -> LocalDate {
        dueAndDetail(for: candidate, policy: policy).due
    }

    private static func dueAndDetail(for candidate: Candidate, policy: Policy) -> (due: LocalDate, detail: String) {
        if let held = candidate.lastMeetingHeldOn {
            let due = candidate.lastMeetingNextReviewOn
                ?? defaultNextReview(heldOn: held, level: candidate.level, policy: policy)
            return (due, "last meeting \(held.iso)")
        }
        if let review = candidate.lastMeetingNextReviewOn { return (review, "review set for \(review.iso)") }
        return (candidate.levelSince ?? candidate.mappEntryDate ?? candidate.createdOn, "no meeting yet")
    }

    public static func actions(for candidates: [Candidate], policy: Policy, asOf date: LocalDate) -> [Action] {
        candidates.compactMap { candidate in
            guard candidate.nominal.isActive, candidate.level.isMultiAgency else { return nil }
            let head = "MAPP review of " + candidate.nominal.text
                + " (level \(candidate.level.rawValue))"
            let (due, detail) = dueAndDetail(for: candidate, policy: policy)
            return candidate.nominal.action(.r11, for: candidate.nominal.managerUserID, due: due,
                                            summary: RuleText.line(head, [detail]))
        }
    }
}
