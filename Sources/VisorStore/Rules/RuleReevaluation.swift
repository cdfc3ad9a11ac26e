import GRDB
import VisorDomain
import VisorRegister

extension RuleEvaluator {
    /// Re-evaluates after a change to `nominals` (created, edited, partnered,
    /// validated, viewed…), on the last evaluation's date, policy and horizon:
    /// their actions are replaced, R1, R2 and the agency and user rules are
    /// run again (small tables), and R9's discrepancies are recomputed for the
    /// cases those nominals match or matched. Agencies, users' names and
    /// supervisor roles, and the stored extracts are those the last full
    /// evaluation read; run a full evaluation after changing those, or when
    /// the date changes. Without a previous evaluation this is a full one as
    /// of `fallbackDate`.
    public func reevaluate(nominals: Set<NominalID>, fallbackDate: LocalDate, policy fallbackPolicy: Policy = .standard,
                           horizonDays fallbackHorizon: Int = 14) throws(StoreError) -> RuleEvaluation {
        guard var evaluation = lastEvaluation else {
            return try evaluation(asOf: fallbackDate, policy: fallbackPolicy, horizonDays: fallbackHorizon)
        }
        let window = RuleWindow(asOf: evaluation.asOf, policy: evaluation.policy, horizonDays: evaluation.horizonDays)
        do {
            try connections().read { db in
                if !nominals.isEmpty {
                    try PhaseTrace.rules.measure("re-evaluation: nominals") {
                        try RuleEvaluator.replaceNominals(nominals, in: &evaluation, db, window)
                    }
                }
                evaluation.caseActions = try PhaseTrace.rules.measure("re-evaluation: cases") {
                    try RuleEvaluator.caseActions(db, window)
                }
                evaluation.agencyActions = try PhaseTrace.rules.measure("re-evaluation: users and areas") {
                    try RuleEvaluator.userActions(db, window, evaluation.directory)
                        + RuleEvaluator.areaActions(evaluation, window: window)
                }
            }
        } catch {
            throw AppDatabase.storeError(error, path: database.path, creating: false)
        }
        keep(evaluation)
        return evaluation
    }

    /// Replaces the actions of `nominals` and of the cases they touch.
    static func replaceNominals(_ nominals: Set<NominalID>, in evaluation: inout RuleEvaluation, _ db: Database,
                                _ window: RuleWindow) throws {
        let scope = NominalScope.ids(nominals.sorted())
        let scanned = try PhaseTrace.rules.measure("re-evaluation: scan") {
            try NominalScan.run(db, scope: scope, window: window, directory: evaluation.directory,
                                endedPartnerships: try EndedPartnerships(db, scope: scope))
        }
        var touched = Set<Int>()
        for id in nominals { if let index = evaluation.sliceIndex(of: id) { touched.insert(index) } }
        for index in touched {
            evaluation.slices[index].actions.removeAll { $0.nominalID.map(nominals.contains) ?? false }
            evaluation.slices[index].deferred.removeAll { $0.header.nominalID.map(nominals.contains) ?? false }
            evaluation.slices[index].views.removeAll { nominals.contains($0.nominalID) }
        }
        for action in scanned.actions {
            if let id = action.nominalID, let index = evaluation.sliceIndex(of: id) {
                evaluation.slices[index].actions.append(action)
            }
        }
        for review in scanned.deferred {
            if let id = review.header.nominalID, let index = evaluation.sliceIndex(of: id) {
                evaluation.slices[index].deferred.append(review)
            }
        }
        for view in scanned.views {
            if let index = evaluation.sliceIndex(of: view.nominalID) { evaluation.slices[index].views.append(view) }
        }
        evaluation.firstCreatedByOwner.merge(scanned.firstCreatedByOwner) { min($0, $1) }
        try PhaseTrace.rules.measure("re-evaluation: discrepancies") {
            try replaceDiscrepancies(nominals, scope: scope, in: &evaluation, db, window)
        }
    }

    /// Recomputes R9's discrepancies for the cases matching `nominals` now or
    /// before, and the `missing_case` of those nominals and of any nominal
    /// such a case matched before.
    static func replaceDiscrepancies(_ nominals: Set<NominalID>, scope: NominalScope,
                                     in evaluation: inout RuleEvaluation, _ db: Database, _ window: RuleWindow) throws {
        guard !evaluation.directory.snapshots.isEmpty else { return }
        var crns = Set<String>()
        var pncs = Set<String>()
        let identifiers = try SQLiteCursor(db, sql: "SELECT crn, pnc_id FROM nominal WHERE \(scope.condition("id"))",
                                           cached: false)
        while try identifiers.next() {
            if let crn = identifiers.crn(0) { crns.insert(crn.canonical) }
            if let pnc = identifiers.pncID(1) { pncs.insert(pnc.canonical) }
        }
        let previous = Set(evaluation.caseNominals.filter { nominals.contains($0.value) }.keys)
        crns.formUnion(previous.map(\.crn.canonical))
        // Canonical identifiers hold only letters, digits and '/': safe to write inline.
        func list(_ values: Set<String>) -> String { values.sorted().map { "'\($0)'" }.joined(separator: ",") }
        let filter = "c.crn IN (\(list(crns))) OR c.pnc_id IN (\(list(pncs)))"
        var revisited = nominals
        for key in previous { if let other = evaluation.caseNominals[key] { revisited.insert(other) } }
        let found = try CaseDiscrepancies(db, window: window, directory: evaluation.directory, caseFilter: filter,
                                          scope: .ids(revisited.sorted()))
        for key in previous.union(found.cases) {
            evaluation.caseDiscrepancies[key] = found.byCase[key]
            evaluation.caseNominals[key] = found.caseNominals[key]
        }
        for id in revisited { evaluation.missingCases[id] = found.missingCases[id] }
    }
}
