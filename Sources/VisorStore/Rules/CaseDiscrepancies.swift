import GRDB
import VisorDomain
import VisorRegister

/// R9's "resolve discrepancy" actions of the cases and nominals a change
/// touched (a re-evaluation; a full evaluation compares them in its scan,
/// `R9ScanPass`), kept by case and by unmatched nominal, with the nominal
/// each case matched.
struct CaseDiscrepancies: Sendable {
    var byCase: [RuleEvaluation.CaseKey: [Action]] = [:]
    var missingCases: [NominalID: [Action]] = [:]
    var caseNominals: [RuleEvaluation.CaseKey: NominalID] = [:]
    /// The cases read, with or without a discrepancy.
    var cases: Set<RuleEvaluation.CaseKey> = []

    /// The cases `caseFilter` (an SQL condition on `c`) allows, and the
    /// nominals of `scope` that no case matches.
    init(_ db: Database, window: RuleWindow, directory: RuleDirectory, caseFilter: String,
         scope: NominalScope) throws {
        var matched: [RuleEvaluation.CaseKey: NominalID] = [:]
        // Only the pairs SQL found may differ come back, and cases no nominal matches.
        let pairs = try R09Query.casePairs(db, directory: directory, caseFilter: caseFilter) { key, nominal in
            matched[key] = nominal
        }
        caseNominals = matched
        cases = Set(matched.keys)
        for pair in pairs {
            guard let extractCase = pair.extractCase else { continue }
            let key = RuleEvaluation.CaseKey(areaID: pair.areaID, crn: extractCase.crn)
            cases.insert(key)
            let actions = CaseDiscrepancies.actions(pair, window)
            if !actions.isEmpty { byCase[key, default: []] += actions }
        }
        let matchedNominals = Set(matched.values)
        for candidate in try R09Query.unmatchedNominals(db, directory: directory, scope: scope) {
            guard let nominal = candidate.nominal, !matchedNominals.contains(nominal.nominalID),
                  let snapshot = directory.snapshotOfArea[nominal.ownerAgencyID] else { continue }
            let pair = R9Reconcile.PairCandidate(areaID: snapshot.areaID, reconciledOn: snapshot.reconciledOn,
                                                 extractCase: nil, nominal: nominal)
            let actions = CaseDiscrepancies.actions(pair, window)
            if !actions.isEmpty { missingCases[nominal.nominalID, default: []] += actions }
        }
    }

    /// The pair's actions the window shows.
    static func actions(_ pair: R9Reconcile.PairCandidate, _ window: RuleWindow) -> [Action] {
        R9Reconcile.discrepancyActions(for: [pair], policy: window.policy, asOf: window.asOf).filter(window.shows)
    }
}
