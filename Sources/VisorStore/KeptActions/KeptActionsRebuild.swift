import Foundation
import GRDB
import VisorDomain
import VisorRegister

/// Rebuilding the kept actions from a full evaluation: after a policy change,
/// a new version of the rules, a bulk import, the demo, or `visor actions
/// --rebuild`. It holds the register's write lock throughout, so that no
/// commit falls between the evaluation and the rows it writes.
extension AppDatabase {
    /// Rebuilds the kept actions when they are not those of this binary's rules under the register's
    /// policy (or a rebuild never finished). A register this process may only read is left as it is:
    /// its readers evaluate for themselves (`KeptActionsReader`).
    public func keepActionsCurrent() throws(StoreError) {
        guard !isReadOnly else { return }
        let current = try read { db in
            try KeptActionsState.read(db).isCurrent(for: try KeptActionsState.policy(db))
        }
        if !current { try rebuildKeptActions() }
    }

    /// `visor actions --rebuild`: the register's operator (`user` nil) or an administrator rebuilds the
    /// kept actions; anyone else is refused (77, audited). Returns the seconds it took.
    public func rebuildKeptActions(by user: User?) throws(StoreError) -> Double {
        try requireWritable("rebuilding the kept actions")
        if let user {
            try auditingRefusal(by: user, step: "rebuild actions") { () throws(StoreError) in
                let roles = try read { db in try PartnerRecords.actingUser(db, user).roles }
                guard roles.contains(.administrator) else {
                    throw StoreError.refused("only an administrator rebuilds the kept actions")
                }
            }
        }
        let started = ContinuousClock.now
        try rebuildKeptActions()
        let elapsed = ContinuousClock.now - started
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    /// Evaluates every rule on the whole register and makes the kept actions exactly its result.
    public func rebuildKeptActions() throws(StoreError) {
        let today = clock.today()
        try write { db in try KeptActionsRebuild.run(db, database: self, today: today) }
    }
}

enum KeptActionsRebuild {
    /// In the write transaction `db`: the evaluation reads on connections of its own (the lock held
    /// here means they see exactly the committed state), or, in memory, on `db` itself.
    static func run(_ db: Database, database: AppDatabase, today: LocalDate) throws {
        // Taking the write lock before reading: nothing can commit until the rows are written.
        try KeptActionsState.markIncomplete(db)
        let policy = try KeptActionsState.policy(db)
        let window = RuleWindow.unbounded(asOf: today, policy: policy)
        let evaluation = try PhaseTrace.rules.measure("rebuild: evaluation") {
            if database.isInMemory { return try RuleEvaluator.evaluate(window, on: OneConnectionReads(db: db)) }
            let readers = try ParallelReads(path: database.connectionPath,
                                            workers: min(4, ProcessInfo.processInfo.activeProcessorCount), pinned: false)
            return try RuleEvaluator.evaluate(window, on: readers)
        }
        try KeptActionTally.withoutTriggers(db) {
            try PhaseTrace.rules.measure("rebuild: rows") {
                for name in KeptActionsSchema.indexNames { try db.execute(sql: "DROP INDEX IF EXISTS \(name)") }
                try db.execute(sql: "DELETE FROM kept_action")
                let insert = try FastStatement(db, sql: KeptActionRow.insertSQL)
                try write(evaluation, with: insert)
            }
            try PhaseTrace.rules.measure("rebuild: indexes") {
                for index in KeptActionsSchema.indexes { try db.execute(sql: index) }
            }
        }
        try KeptActionsState(rulesVersion: KeptActionsState.rulesVersion, policy: KeptActionsState.describe(policy),
                             datedAsOf: today, complete: true).write(db)
        try AgencyCounter.actions.announceAll(db)
        try AgencyCounter.lists.announceAll(db)
    }

    /// Every action of the evaluation, each with its part, written in domain.md's order: the rows lie
    /// in the file as the order index reads them, so that reading the nation in order reads the
    /// table from front to back instead of one random page per action (3.3 s against 0.3 s at a
    /// million nominals).
    static func write(_ evaluation: RuleEvaluation, with insert: FastStatement) throws {
        let rows = rows(of: evaluation)
        let order = PhaseTrace.rules.measure("rebuild: order") { inOrder(rows) }
        for index in order { try rows[Int(index.row)].insert(with: insert) }
    }

    /// A row's place in `kept_action_in_order`, packed so that sorting compares two integers.
    struct OrderKey: Comparable {
        /// Due day, rule, CRN (none last): 20, 5 and 33 bits.
        var first: UInt64
        /// The nominal (none last).
        var nominal: UInt64
        var row: Int32

        static func < (lhs: OrderKey, rhs: OrderKey) -> Bool {
            lhs.first != rhs.first ? lhs.first < rhs.first : lhs.nominal != rhs.nominal ? lhs.nominal < rhs.nominal
                : lhs.row < rhs.row
        }
    }

    /// The positions of `rows` in order of due date, rule, CRN (none last) and nominal (none last), as
    /// `kept_action_in_order`.
    static func inOrder(_ rows: [KeptActionRow]) -> [OrderKey] {
        var keys = [OrderKey]()
        keys.reserveCapacity(rows.count)
        for (index, row) in rows.enumerated() {
            let action = row.action
            // Days from 1900 fit 20 bits until 4770; a CRN's key is below 26 million, "none" above.
            let day = UInt64(clamping: action.due.dayNumber + 25_567) & 0xF_FFFF
            let crn = action.crn.map { UInt64(UInt32(bitPattern: NominalRow.crnKey(canonical: $0))) } ?? (1 << 33) - 1
            keys.append(OrderKey(first: day << 38 | UInt64(action.rule.rawValue) << 33 | crn,
                                 nominal: action.nominalID.map { UInt64(bitPattern: $0) } ?? UInt64.max,
                                 row: Int32(index)))
        }
        keys.sort()
        return keys
    }

    /// The rows of every action of the evaluation, each with its part.
    static func rows(of evaluation: RuleEvaluation) -> [KeptActionRow] {
        let policy = evaluation.policy, asOf = evaluation.asOf
        var rows: [KeptActionRow] = []
        for slice in evaluation.slices {
            KeptActionRow.appendNominalRows(to: &rows, actions: slice.actions, deferred: slice.deferred,
                                            views: slice.views, policy: policy, asOf: asOf)
        }
        for nominal in evaluation.missingCases.keys.sorted() {
            for action in evaluation.missingCases[nominal] ?? [] { rows.append(KeptActionRow(part: .nominal, action: action)) }
        }
        for action in evaluation.caseActions {
            guard let crn = action.crn else { continue }
            rows.append(KeptActionRow(part: .case, action: action,
                                      caseKey: RuleEvaluation.CaseKey(areaID: action.agencyID, crn: crn)))
        }
        for key in evaluation.caseDiscrepancies.keys.sorted(by: { ($0.areaID, $0.crn) < ($1.areaID, $1.crn) }) {
            for action in evaluation.caseDiscrepancies[key] ?? [] {
                rows.append(KeptActionRow(part: .case, action: action, caseKey: key))
            }
        }
        for action in evaluation.agencyActions { rows.append(KeptActionRow(part: .agency, action: action)) }
        return rows
    }
}
