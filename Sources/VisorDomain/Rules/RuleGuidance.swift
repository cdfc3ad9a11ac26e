/// What a user does to meet each rule's action, and where: the actions pane's
/// detail view shows it, so that an action without a record to open (R9,
/// R12–R15) still says what to do.
public enum RuleGuidance {
    public static func text(for rule: RuleID, policy: Policy) -> String {
        switch rule {
        case .r1:
            "Create the nominal for this case of the area's extract, at least \(policy.r1MonthsBeforeRelease) months "
                + "before the release date: an administrator imports it with the area's extract (visor import)."
        case .r2:
            "Create the nominal for this category 3 or 4 case now that it has entered the MAPP meeting structure: "
                + "an administrator imports it with the area's extract (visor import)."
        case .r3:
            "Enter opens the record's stub: ask the owner to make your establishment a partner (r, with a reason). "
                + "The owner must answer within \(policy.r4AnswerWorkingDays) working days."
        case .r4:
            "Answer in the partner queue (3): Enter shows the request whole; a accepts, R accepts as a restricted "
                + "partner, d declines with a reason. The owner's CPC, deputy CPC or the nominal manager answers."
        case .r5:
            "Open the record (Enter) and press p to make the supervising probation area a partner."
        case .r6:
            "Open the record (Enter) and press p to make the home police force a partner."
        case .r7:
            "Open the record (Enter) and press e to end the probation partnership: probation is not made a partner "
                + "on category 1, level 1."
        case .r8:
            "Complete the record: the summary names the missing fields of the minimum data set. Correct them in the "
                + "case system and re-import the extract."
        case .r9:
            "Reconcile the area's case system with the register: a CPC or an administrator runs visor reconcile with "
                + "the latest extract. A discrepancy is resolved when the register and the case system agree; it is "
                + "due \(policy.r9DiscrepancyWorkingDays) working days after the reconciliation."
        case .r10:
            "A supervisor of the owner agency who did not create the record validates it, then reviews it every "
                + "\(policy.r10ReviewMonthsMultiAgency) months at level 2 or 3, \(policy.r10ReviewMonthsLevel1) at level 1."
        case .r11:
            "Hold the MAPP meeting for this level 2 or 3 case and record it with its next review date."
        case .r12:
            "Give the role to a cleared user of the agency: the local account creator does it (Help, ?: "
                + "\"User accounts including permission tokens\"). A deputy CPC does not cover the CPC."
        case .r13:
            "Renew the clearance before it expires: the agency's account creators record the renewed clearance "
                + "(Help, ?: accounts and passwords)."
        case .r14:
            "An SPO signs in at least every \(policy.r14SPOSignInDays) days; a nominal manager opens each record "
                + "they manage at least every \(policy.r14ManagerViewDays) days (Enter opens it)."
        case .r15:
            "The user signs in to Visor and acknowledges the instruction's duties on the first screen."
        case .r16:
            "Record the date the person last notified the police (Sexual Offences Act 2003 s.85), at least once a "
                + "year while in the community."
        }
    }
}
