/// R9 — Areas reconcile their local case systems with the register regularly
/// (seed: mandatory action 6). Two kinds of action:
///
/// "reconcile" — candidates: every probation area (the store supplies only
/// probation areas), with the date of its last reconciliation (the stored
/// extract's date) and the creation date of its first (earliest) nominal
/// owned. Due last reconciliation + *30 days* (`Policy.r9ReconcileDays`);
/// never reconciled: due the first nominal's creation ("at once from the
/// area's first nominal"); never reconciled and no nominal: no action.
/// For the area, no nominal, no user.
///
/// "resolve discrepancy" — candidates: the pairs of the area's stored extract
/// (see `Reconciliation.pairs`): each case with its matched nominal (by crn,
/// else pnc_id) and each nominal owned by the area with no case, with the
/// date of the reconciliation. The store may pre-filter to pairs that differ.
/// One action per discrepancy (`Reconciliation.discrepancies`), except a
/// `missing_nominal` already covered by R1 or R2, and none where the nominal
/// is archived. For the area, on the nominal (if any), with the case's crn
/// (else the nominal's); due reconciliation date + *5 working days*
/// (`Policy.r9DiscrepancyWorkingDays`). Met when the discrepancy no longer
/// holds (the current facts no longer differ).
public enum R9Reconcile {
    public struct AreaCandidate: Sendable, Hashable {
        public var areaID: AgencyID
        public var lastReconciledOn: LocalDate?
        /// Creation date of the area's earliest nominal; nil when it owns none.
        public var firstNominalCreatedOn: LocalDate?

        public init(areaID: AgencyID, lastReconciledOn: LocalDate?, firstNominalCreatedOn: LocalDate?) {
            self.areaID = areaID
            self.lastReconciledOn = lastReconciledOn
            self.firstNominalCreatedOn = firstNominalCreatedOn
        }
    }

    public struct PairCandidate: Sendable, Hashable {
        public var areaID: AgencyID
        /// The date the stored extract was reconciled.
        public var reconciledOn: LocalDate
        public var extractCase: ReconciliationCase?
        public var nominal: ReconciliationNominal?

        public init(areaID: AgencyID, reconciledOn: LocalDate, extractCase: ReconciliationCase?,
                    nominal: ReconciliationNominal?) {
            self.areaID = areaID
            self.reconciledOn = reconciledOn
            self.extractCase = extractCase
            self.nominal = nominal
        }
    }

    /// The next reconciliation's due date: the last + *30 days*.
    public static func reconcileDue(lastReconciledOn: LocalDate, policy: Policy) -> LocalDate {
        lastReconciledOn.adding(days: policy.r9ReconcileDays)
    }

    /// A discrepancy's due date: the reconciliation + *5 working days*
    /// (`calendar` is `policy.workingCalendar`, taken once by the caller).
    public static func discrepancyDue(reconciledOn: LocalDate, calendar: WorkingCalendar, policy: Policy) -> LocalDate {
        calendar.adding(workingDays: policy.r9DiscrepancyWorkingDays, to: reconciledOn)
    }

    public static func reconcileActions(for areas: [AreaCandidate], policy: Policy,
                                        asOf date: LocalDate) -> [Action] {
        areas.compactMap { area in
            let head = "Reconcile the local case system with the register"
            if let last = area.lastReconciledOn {
                return Action(rule: .r9, agencyID: area.areaID,
                              due: reconcileDue(lastReconciledOn: last, policy: policy),
                              summary: RuleText.line(head, ["last reconciled \(last.iso)"]))
            }
            guard let first = area.firstNominalCreatedOn else { return nil }
            return Action(rule: .r9, agencyID: area.areaID, due: first,
                          summary: RuleText.line(head, ["never reconciled"]))
        }
    }

    public static func discrepancyActions(for pairs: [PairCandidate], policy: Policy,
                                          asOf date: LocalDate) -> [Action] {
        let calendar = policy.workingCalendar
        return pairs.flatMap { pair -> [Action] in
            if pair.nominal?.lifecycle == .archived { return [] }
            if let extractCase = pair.extractCase, pair.nominal == nil,
               Reconciliation.isCoveredByCreationRule(extractCase) { return [] }
            let due = discrepancyDue(reconciledOn: pair.reconciledOn, calendar: calendar, policy: policy)
            return Reconciliation.discrepancies(case: pair.extractCase, nominal: pair.nominal).map { found in
                Action(rule: .r9, agencyID: pair.areaID, nominalID: found.nominalID, crn: found.crn,
                       pncID: pair.extractCase?.pncID ?? pair.nominal?.pncID, due: due,
                       summary: summary(of: found))
            }
        }
    }

    static func summary(of found: Discrepancy) -> String {
        switch found.kind {
        case .missingNominal:
            let subject = found.crn.map { "case \($0.canonical)" } ?? "a case"
            return "Resolve discrepancy on \(subject): no nominal on the register"
        case .missingCase:
            let subject = found.nominalID.map { RuleText.nominal($0, crn: found.crn) } ?? "a nominal"
            return "Resolve discrepancy on \(subject): no case in the extract"
        default:
            var subject = found.crn.map { "case \($0.canonical)" } ?? "a case"
            if let id = found.nominalID { subject += " (nominal \(id))" }
            return "Resolve discrepancy on \(subject): \(found.kind.words) (register "
                + (found.registerValue ?? "none") + ", extract " + (found.extractValue ?? "none") + ")"
        }
    }
}
