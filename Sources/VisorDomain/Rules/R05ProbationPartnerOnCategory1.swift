/// R5 — Category 1 at level 2 or 3 on licence or a community order is
/// managed by police, who make the probation area a partner (seed: mandatory
/// action 3).
///
/// Candidates the store supplies: each active police-owned nominal of
/// category 1, level 2 or 3, order type licence or community order, with no
/// active probation partnership (full or restricted; a pending request does
/// not count). `dutySince` is the date the duty arose: the latest of the
/// nominal's creation, the change that brought it under the rule (category,
/// level, order type, ownership) and the end of its last probation
/// partnership. The rule re-checks every condition and ignores archived
/// nominals; it returns nothing when `hasActiveProbationPartner` is true.
///
/// Action: "make probation a partner", for the owner, on the nominal, no user;
/// the summary names the supervising area if recorded. Due "at once":
/// `dutySince`.
public enum R5ProbationPartnerOnCategory1 {
    public struct Candidate: Sendable, Hashable {
        public var nominal: RuleNominal
        public var ownerKind: AgencyKind
        public var category: MAPPACategory
        public var level: MAPPALevel
        public var orderType: OrderType
        /// Any probation agency is an active partner, full or restricted (duty met).
        public var hasActiveProbationPartner: Bool
        /// The supervising probation area's name, if recorded.
        public var supervisingAreaName: String?
        /// The date the duty arose.
        public var dutySince: LocalDate

        public init(nominal: RuleNominal, ownerKind: AgencyKind = .police, category: MAPPACategory = .one,
                    level: MAPPALevel, orderType: OrderType, hasActiveProbationPartner: Bool = false,
                    supervisingAreaName: String? = nil, dutySince: LocalDate) {
            self.nominal = nominal
            self.ownerKind = ownerKind
            self.category = category
            self.level = level
            self.orderType = orderType
            self.hasActiveProbationPartner = hasActiveProbationPartner
            self.supervisingAreaName = supervisingAreaName
            self.dutySince = dutySince
        }
    }

    /// The date the duty arose, and its due date ("at once"): the latest of
    /// the nominal's creation, the change that brought it under the rule
    /// (`duty_changed_on`) and the end of its last probation partnership.
    /// The store's scan fills `Candidate.dutySince` from here.
    public static func dutySince(createdOn: LocalDate, dutyChangedOn: LocalDate,
                                 lastPartnershipEndedOn: LocalDate?) -> LocalDate {
        max(createdOn, dutyChangedOn, lastPartnershipEndedOn ?? createdOn)
    }

    public static func actions(for candidates: [Candidate], policy: Policy, asOf date: LocalDate) -> [Action] {
        candidates.compactMap { candidate in
            guard candidate.nominal.isActive, candidate.ownerKind == .police, candidate.category == .one,
                  candidate.level.isMultiAgency,
                  candidate.orderType == .licence || candidate.orderType == .communityOrder,
                  !candidate.hasActiveProbationPartner else { return nil }
            let head = "Make probation a partner on " + candidate.nominal.text
            let details = candidate.supervisingAreaName.map { ["\($0), the supervising area"] }
                ?? [RuleText.mappa(candidate.category, candidate.level)]
            return candidate.nominal.action(.r5, due: candidate.dutySince, summary: RuleText.line(head, details))
        }
    }
}
