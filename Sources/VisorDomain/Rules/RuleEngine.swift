/// Runs the rules over their facts. Pure: the same facts, policy and date
/// always give the same actions.
public enum RuleEngine {
    /// The actions of the rules in `rules` (all by default), in rule order,
    /// unsorted within a rule; sort with `ActionOrdering` and trim with
    /// `ActionHorizon` for display.
    public static func evaluate(_ facts: RuleFacts, policy: Policy, asOf date: LocalDate,
                                rules: Set<RuleID> = Set(RuleID.allCases)) -> [Action] {
        RuleID.allCases.filter(rules.contains).flatMap { rule in
            actions(of: rule, facts: facts, policy: policy, asOf: date)
        }
    }

    /// The actions of one rule.
    public static func actions(of rule: RuleID, facts: RuleFacts, policy: Policy, asOf date: LocalDate) -> [Action] {
        switch rule {
        case .r1: R1CreateCategory2Nominal.actions(for: facts.r1, policy: policy, asOf: date)
        case .r2: R2CreateCategory3Nominal.actions(for: facts.r2, policy: policy, asOf: date)
        case .r3: R3PrisonRequestsPartnership.actions(for: facts.r3, policy: policy, asOf: date)
        case .r4: R4AnswerPartnerRequest.actions(for: facts.r4, policy: policy, asOf: date)
        case .r5: R5ProbationPartnerOnCategory1.actions(for: facts.r5, policy: policy, asOf: date)
        case .r6: R6PolicePartnerOnCategory2.actions(for: facts.r6, policy: policy, asOf: date)
        case .r7: R7ProbationOnCategory1Level1.actions(for: facts.r7, policy: policy, asOf: date)
        case .r8: R8CompleteRecord.actions(for: facts.r8, policy: policy, asOf: date)
        case .r9:
            R9Reconcile.reconcileActions(for: facts.r9Areas, policy: policy, asOf: date)
                + R9Reconcile.discrepancyActions(for: facts.r9Pairs, policy: policy, asOf: date)
        case .r10: R10ValidateAndReview.actions(for: facts.r10, policy: policy, asOf: date)
        case .r11: R11MAPPReview.actions(for: facts.r11, policy: policy, asOf: date)
        case .r12: R12RoleCoverage.actions(for: facts.r12, policy: policy, asOf: date)
        case .r13: R13RenewClearance.actions(for: facts.r13, policy: policy, asOf: date)
        case .r14:
            R14SPOOversight.logonActions(for: facts.r14Logons, policy: policy, asOf: date)
                + R14SPOOversight.viewActions(for: facts.r14Views, policy: policy, asOf: date)
        case .r15: R15AcknowledgeInstruction.actions(for: facts.r15, policy: policy, asOf: date)
        case .r16: R16AnnualNotification.actions(for: facts.r16, policy: policy, asOf: date)
        }
    }

    /// Evaluates, keeps what a list shows up to `horizonDays` ahead, and sorts.
    public static func list(_ facts: RuleFacts, policy: Policy, asOf date: LocalDate, horizonDays: Int,
                            rules: Set<RuleID> = Set(RuleID.allCases),
                            username: (UserID) -> String? = { _ in nil }) -> [Action] {
        let visible = ActionHorizon.visible(evaluate(facts, policy: policy, asOf: date, rules: rules),
                                            asOf: date, horizonDays: horizonDays, policy: policy)
        return ActionOrdering.sorted(visible, asOf: date, policy: policy, username: username)
    }
}
