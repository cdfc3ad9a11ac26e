import GRDB
import VisorDomain
import VisorRegister

/// Actions worked out when they are read rather than kept: the agency part
/// for another date than the kept one, and every action of a register whose
/// kept actions this process may not rebuild (read-only, and an older
/// Visor's or an interrupted rebuild's). On the reading connection itself.
enum KeptActionsFallback {
    /// Every action `query` finds, evaluated from scratch, in domain.md's order.
    static func evaluate(_ db: Database, _ query: ActionQuery, policy: Policy) throws -> [ListedAction] {
        let window = RuleWindow(asOf: query.asOf, policy: policy, horizonDays: query.horizonDays)
        let evaluation = try RuleEvaluator.evaluate(window, on: OneConnectionReads(db: db))
        let actions = evaluation.actions { header in
            matches(query, rule: header.rule, agency: header.agencyID, user: header.userID, nominal: header.nominalID)
        }
        return try listed(db, actions, query, policy: policy, directory: evaluation.directory)
    }

    /// The agency part (R9's "reconcile", R12, R13, R14's sign-ins, R15) as of `query.asOf`, narrowed
    /// by the query, in domain.md's order.
    static func agencyPart(_ db: Database, _ query: ActionQuery, policy: Policy) throws -> [ListedAction] {
        let directory = try RuleDirectory(db)
        let window = RuleWindow(asOf: query.asOf, policy: policy, horizonDays: query.horizonDays)
        let actions = try KeptAgencyActions.rows(db, window, directory).map(\.action).filter { action in
            matches(query, rule: action.rule, agency: action.agencyID, user: action.userID, nominal: action.nominalID)
        }
        return try listed(db, actions, query, policy: policy, directory: directory)
    }

    /// Whether an action of these particulars is one `query` narrows to (all but its state).
    static func matches(_ query: ActionQuery, rule: RuleID, agency: AgencyID, user: UserID?, nominal: NominalID?)
        -> Bool {
        if let wanted = query.agencyID, wanted != agency { return false }
        if let rules = query.rules, !rules.contains(rule) { return false }
        if let wanted = query.userID, wanted != user { return false }
        if let wanted = query.nominalID, wanted != nominal { return false }
        return true
    }

    /// The actions in the query's state, sorted, with names.
    private static func listed(_ db: Database, _ actions: [Action], _ query: ActionQuery, policy: Policy,
                               directory: RuleDirectory) throws -> [ListedAction] {
        let kept = actions.filter { query.state == nil || $0.state(asOf: query.asOf, policy: policy) == query.state }
        let sorted = ActionList.sorted(kept, asOf: query.asOf, policy: policy, username: directory.username(of:))
        let names = try nominalNames(db, Set(sorted.compactMap(\.nominalID)))
        let listed = sorted.map { action in
            ListedAction(action: action, state: action.state(asOf: query.asOf, policy: policy),
                         agencyName: directory.name(of: action.agencyID) ?? "agency \(action.agencyID)",
                         username: action.userID.flatMap(directory.username(of:)),
                         nominalName: action.nominalID.flatMap { names[$0] })
        }
        guard let text = query.text else { return listed }
        return listed.filter { $0.holds(text) }
    }

    static func nominalNames(_ db: Database, _ ids: Set<NominalID>) throws -> [NominalID: String] {
        var names: [NominalID: String] = [:]
        for chunk in Array(ids).chunked(into: 500) {
            let list = chunk.map(String.init).joined(separator: ",")
            for row in try Row.fetchAll(db, sql: "SELECT id, surname, forenames FROM nominal WHERE id IN (\(list))") {
                names[row["id"]] = Nominal.displayName(surname: row["surname"], forenames: row["forenames"])
            }
        }
        return names
    }
}

extension Array {
    func chunked(into size: Int) -> [[Element]] {
        stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min($0 + size, count)]) }
    }
}
