/// R6 — Probation makes the police a partner to every Category 2 level 2/3
/// nominal (seed: mandatory action 4).
///
/// Candidates the store supplies: each active probation-owned nominal of
/// category 2, level 2 or 3, with no active police partnership (full or
/// restricted; a pending request does not count). `dutySince` is the date the
/// duty arose: the latest of the nominal's creation, the change that brought
/// it under the rule (category, level, ownership) and the end of its last
/// police partnership. The rule re-checks every condition and ignores archived
/// nominals; it returns nothing when `hasActivePolicePartner` is true.
///
/// Action: "make police a partner", for the owner, on the nominal, no user;
/// the summary names the home force if recorded. Due "at once": `dutySince`.
public enum R6PolicePartnerOnCategory2 {
    public struct Candidate: Sendable, Hashable {
        public var nominal: RuleNominal
        public var ownerKind: AgencyKind
        public var category: MAPPACategory
        public var level: MAPPALevel
        /// Any police force is an active partner, full or restricted (duty met).
        public var hasActivePolicePartner: Bool
        /// The home police force's name, if recorded.
        public var homeForceName: String?
        /// The date the duty arose.
        public var dutySince: LocalDate

        public init(nominal: RuleNominal, ownerKind: AgencyKind = .probation, category: MAPPACategory = .two,
                    level: MAPPALevel, hasActivePolicePartner: Bool = false, homeForceName: String? = nil,
                    dutySince: LocalDate) {
            self.nominal = nominal
            self.ownerKind = ownerKind
            self.category = category
            self.level = level
            self.hasActivePolicePartner = hasActivePolicePartner
            self.homeForceName = homeForceName
            self.dutySince = dutySince
        }
    }

    /// The date the duty arose, and its due date ("at once"), reckoned as
    /// R5's (domain.md: "as R5"): the latest of the nominal's creation, the
    /// change that brought it under the rule and the end of its last police
    /// partnership. The store's scan fills `Candidate.dutySince` from here.
    public static func dutySince(createdOn: LocalDate, dutyChangedOn: LocalDate,
                                 lastPartnershipEndedOn: LocalDate?) -> LocalDate {
        R5ProbationPartnerOnCategory1.dutySince(createdOn: createdOn, dutyChangedOn: dutyChangedOn,
                                                lastPartnershipEndedOn: lastPartnershipEndedOn)
    }

    public static func actions(for candidates: [Candidate], policy: Policy, asOf date: LocalDate) -> [Action] {
        candidates.compactMap { candidate in
            guard candidate.nominal.isActive, candidate.ownerKind == .probation, candidate.category == .two,
                  candidate.level.isMultiAgency, !candidate.hasActivePolicePartner else { return nil }
            let head = "Make police a partner on " + candidate.nominal.text
            let details = candidate.homeForceName.map { ["\($0), the home force"] }
                ?? [RuleText.mappa(candidate.category, candidate.level)]
            return candidate.nominal.action(.r6, due: candidate.dutySince, summary: RuleText.line(head, details))
        }
    }
}
