/// R7 — Probation is not made a partner on Category 1 level 1 (seed:
/// mandatory action 5).
///
/// Two uses:
/// - `refusal(partnerKind:category:level:)` is the check made when a user
///   tries to add such a partner or request such a partnership: a non-nil
///   result is the reason the step is refused (exit 77).
/// - `actions(for:)`: candidates the store supplies are the active
///   partnerships of a probation agency on an active category 1 level 1
///   nominal, left over after a category or level change. `dutySince` is the
///   date of that change (or the partnership's start, if later). The rule
///   re-checks every condition and ignores archived nominals and ended
///   partnerships.
///
/// Action: "end partnership", for the owner, on the nominal, no user. Due "at
/// once": `dutySince`.
public enum R7ProbationOnCategory1Level1 {
    public struct Candidate: Sendable, Hashable {
        public var nominal: RuleNominal
        public var category: MAPPACategory
        public var level: MAPPALevel
        /// The partner agency.
        public var partnerAgencyID: AgencyID
        public var partnerKind: AgencyKind
        public var partnerName: String?
        /// False once the partnership has ended (duty met).
        public var partnershipActive: Bool
        /// The date the duty arose.
        public var dutySince: LocalDate

        public init(nominal: RuleNominal, category: MAPPACategory = .one, level: MAPPALevel = .one,
                    partnerAgencyID: AgencyID, partnerKind: AgencyKind = .probation, partnerName: String? = nil,
                    partnershipActive: Bool = true, dutySince: LocalDate) {
            self.nominal = nominal
            self.category = category
            self.level = level
            self.partnerAgencyID = partnerAgencyID
            self.partnerKind = partnerKind
            self.partnerName = partnerName
            self.partnershipActive = partnershipActive
            self.dutySince = dutySince
        }
    }

    /// The rule's reason, as a refusal gives it.
    public static let reason = "probation is not made a partner on a category 1 level 1 nominal (R7)"

    /// Why an agency of `partnerKind` may not be made partner (or request to
    /// be) on a nominal of this category and level; nil when R7 allows it.
    public static func refusal(partnerKind: AgencyKind, category: MAPPACategory, level: MAPPALevel) -> String? {
        partnerKind == .probation && category == .one && level == .one ? reason : nil
    }

    /// The date the duty arose, and its due date ("at once"): the change to
    /// category 1 level 1 (`duty_changed_on`), or the partnership's start
    /// (its London date) when that is later. The store fills
    /// `Candidate.dutySince` from here.
    public static func dutySince(changedOn: LocalDate, partnershipStartedOn: LocalDate?) -> LocalDate {
        max(changedOn, partnershipStartedOn ?? changedOn)
    }

    public static func actions(for candidates: [Candidate], policy: Policy, asOf date: LocalDate) -> [Action] {
        candidates.compactMap { candidate in
            guard candidate.nominal.isActive, candidate.partnershipActive,
                  refusal(partnerKind: candidate.partnerKind, category: candidate.category,
                          level: candidate.level) != nil else { return nil }
            var head = "End partnership"
            if let name = candidate.partnerName { head += " of \(name)" }
            head += " on " + candidate.nominal.text
            return candidate.nominal.action(.r7, due: candidate.dutySince, summary: RuleText.line(head, [reason]))
        }
    }
}
