import GRDB
import VisorDomain

/// R9's "resolve discrepancy" actions of the stored extracts, kept by case
/// and by unmatched nominal, with which cases each nominal was matched with.
struct CaseDiscrepancies: Sendable {
    var byCase: [RuleEvaluation.CaseKey: [Action]] = [:]
    var missingCases: [NominalID: [Action]] = [:]
    var caseNominals: [RuleEvaluation.CaseKey: NominalID] = [:]
    /// The cases read, with or without a discrepancy (for a re-evaluation only).
    var cases: Set<RuleEvaluation.CaseKey> = []

    /// Every case (or those `caseFilter`, an SQL condition on `c`, allows)
    /// and the unmatched nominals of `scope` (none without one: a full
    /// evaluation finds them in its scan of `nominal`, `addUnmatched`).
    init(_ db: Database, window: RuleWindow, directory: RuleDirectory, caseFilter: String? = nil,
         scope: NominalScope? = nil) throws {
        var matched: [RuleEvaluation.CaseKey: NominalID] = [:]
        let pairs = try R09Query.casePairs(db, directory: directory, caseFilter: caseFilter) { key, nominal in
            matched[key] = nominal
        }
        caseNominals = matched
        for pair in pairs {
            guard let extractCase = pair.extractCase else { continue }
            let key = RuleEvaluation.CaseKey(areaID: pair.areaID, crn: extractCase.crn)
            if caseFilter != nil { cases.insert(key) }
            guard CaseDiscrepancies.mayDiffer(pair) else { continue }
            let actions = R9Reconcile.discrepancyActions(for: [pair], policy: window.policy, asOf: window.asOf)
                .filter(window.shows)
            if !actions.isEmpty { byCase[key, default: []] += actions }
        }
        if caseFilter != nil { cases.formUnion(matched.keys) }
        if let scope {
            addUnmatched(try R09Query.unmatchedNominals(db, directory: directory, scope: scope).compactMap(\.nominal),
                         directory: directory, window: window)
        }
    }

    /// Adds the `missing_case` discrepancies of `nominals` (owned by areas
    /// with a stored extract) that no case matched.
    mutating func addUnmatched(_ nominals: [ReconciliationNominal], directory: RuleDirectory, window: RuleWindow) {
        let matched = Set(caseNominals.values)
        for nominal in nominals where !matched.contains(nominal.nominalID) {
            guard let snapshot = directory.snapshotOfArea[nominal.ownerAgencyID] else { continue }
            let pair = R9Reconcile.PairCandidate(areaID: snapshot.areaID, reconciledOn: snapshot.reconciledOn,
                                                 extractCase: nil, nominal: nominal)
            let actions = R9Reconcile.discrepancyActions(for: [pair], policy: window.policy, asOf: window.asOf)
                .filter(window.shows)
            if !actions.isEmpty { missingCases[nominal.nominalID, default: []] += actions }
        }
    }

    /// False when a matched pair agrees on every compared field, so that the
    /// rule need not build its (empty) list: most pairs agree.
    static func mayDiffer(_ pair: R9Reconcile.PairCandidate) -> Bool {
        guard let found = pair.extractCase, let nominal = pair.nominal else { return true }
        return found.category != nominal.category || found.level != nominal.level || found.custody != nominal.custody
            || found.releaseDate != nominal.releaseDate || found.offenderManager != nominal.managerStaffID
    }
}
