import GRDB
import VisorDomain
import VisorRegister

/// Reading the kept actions: streamed in domain.md's order (`visor actions`),
/// paged and counted (the application's actions pane and status line), each
/// narrowed by the query through the indexes. States and the horizon are
/// worked out here, from the due date and the date asked for.
extension AppDatabase {
    /// Calls `body` with each action `query` finds, in domain.md's order, as it reads them; returns
    /// how many. Memory stays flat whatever the count.
    public func streamActions(_ query: ActionQuery, _ body: (ActionFields) throws -> Void) throws(StoreError) -> Int {
        try read { db in
            let state = try KeptActionsState.read(db)
            let policy = try KeptActionsState.policy(db)
            guard state.isCurrent(for: policy) else {
                // Only a register this process may only read gets here (opening one it may write rebuilds):
                // an older Visor's, or one whose rebuild was interrupted. Evaluated afresh.
                let listed = try KeptActionsFallback.evaluate(db, query, policy: policy)
                for action in listed { try action.withFields(body) }
                return listed.count
            }
            var sql = KeptActionSQL(query: query, warningWindowDays: policy.warningWindowDays)
            // R12 and R13 depend on the date: kept as of one day, worked out afresh for another.
            sql.withoutAgencyPart = state.datedAsOf != query.asOf
            let extra = sql.withoutAgencyPart
                ? try KeptActionsFallback.agencyPart(db, query, policy: policy).map(StoredActionFields.init) : []
            let names = try ActionNameBytes(db)
            return try names.withLookup { agency, user in
                var next = extra.startIndex
                var count = 0
                func emit(_ fields: ActionFields) throws {
                    while next < extra.endIndex, extra[next].withFields({ $0.precedes(fields) }) {
                        try extra[next].withFields(body)
                        next += 1
                        count += 1
                    }
                    try body(fields)
                    count += 1
                }
                // The index gives the order up to the nominal; the rows that tie there (a few users'
                // actions of one day and rule) are sorted by user name and summary here, so that SQLite
                // needs neither a sorter nor the user and agency tables.
                var group = [CopiedAction()]
                var size = 0
                func flush() throws {
                    if size == 1 {
                        try group[0].withFields(sql, agency: agency, user: user, emit)
                    } else if size > 1 {
                        let order = (0..<size).sorted { a, b in
                            group[a].withFields(sql, agency: agency, user: user) { first in
                                group[b].withFields(sql, agency: agency, user: user) { first.precedes($0) }
                            }
                        }
                        for index in order { try group[index].withFields(sql, agency: agency, user: user, emit) }
                    }
                    size = 0
                }
                let rows = try SQLiteCursor(db, sql: sql.selectInIndexOrder, cached: false)
                while try rows.next() {
                    let row = rows.row
                    if size > 0, !group[size - 1].ties(row) { try flush() }
                    if size == group.count { group.append(CopiedAction()) }
                    if group[size].copy(row) { size += 1 }
                }
                try flush()
                while next < extra.endIndex {
                    try extra[next].withFields(body)
                    next += 1
                    count += 1
                }
                return count
            }
        }
    }

    /// Up to `limit` of the actions `query` finds, from the `offset`th in domain.md's order, with the
    /// nominals' names.
    public func actionPage(_ query: ActionQuery, offset: Int, limit: Int) throws(StoreError) -> [ListedAction] {
        try read { db in
            let policy = try KeptActionsState.policy(db)
            guard try KeptActionsState.read(db).isCurrent(for: policy) else {
                let listed = try KeptActionsFallback.evaluate(db, query, policy: policy)
                return Array(listed.dropFirst(offset).prefix(limit))
            }
            let sql = KeptActionSQL(query: query, warningWindowDays: policy.warningWindowDays)
            let rows = try SQLiteCursor(db, sql: sql.select + " LIMIT \(max(0, limit)) OFFSET \(max(0, offset))",
                                        cached: false)
            var page: [ListedAction] = []
            while try rows.next() {
                let row = rows.row
                guard let rule = RuleID(rawValue: row.int(0)), let due = row.date(1) else { continue }
                let action = Action(rule: rule, agencyID: row.int64(9), userID: row.optionalInt64(8),
                                    nominalID: row.optionalInt64(4), crn: row.crn(5), pncID: row.pncID(6), due: due,
                                    summary: row.string(7) ?? "")
                let name = row.string(10).map { Nominal.displayName(surname: $0, forenames: row.string(11) ?? "") }
                page.append(ListedAction(action: action, state: action.state(asOf: query.asOf, policy: policy),
                                         agencyName: row.string(2) ?? "", username: row.string(3), nominalName: name))
            }
            return page
        }
    }

    /// How many actions `query` finds in each state (its own `state` is ignored), and of which rules.
    public func actionCounts(_ query: ActionQuery) throws(StoreError) -> ActionCounts {
        try read { db in
            let policy = try KeptActionsState.policy(db)
            var all = query
            all.state = nil
            guard try KeptActionsState.read(db).isCurrent(for: policy) else {
                var counts = ActionCounts()
                var rules = Set<RuleID>()
                for action in try KeptActionsFallback.evaluate(db, all, policy: policy) {
                    rules.insert(action.action.rule)
                    switch action.state {
                    case .overdue: counts.overdue += 1
                    case .due: counts.due += 1
                    case .upcoming: counts.upcoming += 1
                    }
                }
                counts.rules = rules.sorted()
                return counts
            }
            let sql = KeptActionSQL(query: all, warningWindowDays: policy.warningWindowDays)
            var counts = ActionCounts()
            // An agency's (or the nation's) counts come from the tally; a user's, a nominal's or a
            // text's from the actions themselves.
            let tallied = all.userID == nil && all.nominalID == nil && all.text == nil
            let rows = try Row.fetchAll(db, sql: tallied ? """
                SELECT k.rule, coalesce(sum(k.n) FILTER (WHERE k.due < ?), 0),
                       coalesce(sum(k.n) FILTER (WHERE k.due >= ? AND k.due <= ?), 0), sum(k.n)
                FROM kept_action_tally k WHERE \(sql.conditions) GROUP BY k.rule ORDER BY k.rule
                """ : """
                SELECT k.rule, count(*) FILTER (WHERE k.due < ?), count(*) FILTER (WHERE k.due >= ? AND k.due <= ?),
                       count(*)
                FROM kept_action k WHERE \(sql.conditions) GROUP BY k.rule ORDER BY k.rule
                """, arguments: [query.asOf, query.asOf, sql.warningEnd])
            for row in rows {
                let overdue: Int = row[1], due: Int = row[2], total: Int = row[3]
                counts.overdue += overdue
                counts.due += due
                counts.upcoming += total - overdue - due
                if let rule = RuleID(rawValue: row[0]) { counts.rules.append(rule) }
            }
            return counts
        }
    }

    /// Which of `nominals` have an overdue or due action that `query` finds (its `state` ignored),
    /// each with the more pressing of the two: one read through the nominal index, by each nominal's
    /// earliest due date.
    public func nominalsWithActions(_ query: ActionQuery, among nominals: [NominalID]) throws(StoreError)
        -> [NominalID: ActionState] {
        guard !nominals.isEmpty else { return [:] }
        return try read { db in
            let policy = try KeptActionsState.policy(db)
            var all = query
            all.state = nil
            var marks: [NominalID: ActionState] = [:]
            guard try KeptActionsState.read(db).isCurrent(for: policy) else {
                let wanted = Set(nominals)
                for listed in try KeptActionsFallback.evaluate(db, all, policy: policy) where listed.state != .upcoming {
                    guard let id = listed.action.nominalID, wanted.contains(id) else { continue }
                    if marks[id] != .overdue { marks[id] = listed.state }
                }
                return marks
            }
            let sql = KeptActionSQL(query: all, warningWindowDays: policy.warningWindowDays)
            let ids = nominals.map(String.init).joined(separator: ",")
            // The nominal index, not the agency's: a few hundred nominals, not the agency's every action.
            let rows = try SQLiteCursor(db, sql: """
                SELECT k.nominal_id, min(k.due) < '\(query.asOf.iso)' FROM kept_action k INDEXED BY kept_action_by_nominal
                WHERE k.nominal_id IN (\(ids)) AND k.nominal_id IS NOT NULL AND \(sql.conditions)
                  AND k.due <= '\(sql.warningEnd.iso)'
                GROUP BY k.nominal_id
                """, cached: false)
            while try rows.next() { marks[rows.int64(0)] = rows.int(1) != 0 ? .overdue : .due }
            return marks
        }
    }

    /// The largest nominal id on the register (the width of `visor actions`' nominal column).
    public func largestNominalID() throws(StoreError) -> NominalID? {
        try read { db in try NominalID.fetchOne(db, sql: "SELECT max(id) FROM nominal") }
    }

    /// A counter that moves whenever what `agency`'s nominal list shows may have changed.
    public func listChangeVersion(of agency: AgencyID) throws(StoreError) -> Int {
        try read { db in try AgencyCounter.lists.version(db, of: agency) }
    }

    /// The change counter of `agency`: it moves whenever its actions or its partner queue change, in
    /// this process or another. One indexed read.
    public func actionChangeVersion(of agency: AgencyID) throws(StoreError) -> Int {
        try read { db in try AgencyCounter.actions.version(db, of: agency) }
    }

    /// Makes the kept actions current for today: rebuilt if they are not this binary's under the
    /// register's policy, their date-dependent part worked out again if it is of another day. Nothing
    /// is written when both hold (the usual case: one terminal does it after midnight for all).
    public func refreshActions() throws(StoreError) {
        guard !isReadOnly else { return }
        let (current, dated) = try read { db in
            let state = try KeptActionsState.read(db)
            return (state.isCurrent(for: try KeptActionsState.policy(db)), state.datedAsOf)
        }
        // A rebuild dates the kept actions today; otherwise only the date-dependent part is worked out.
        if !current { return try rebuildKeptActions() }
        if dated != clock.today() { try change(agencies: true) { _, _ in } }
    }
}
