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
        try db.execute(sql: "UPDATE kept_actions_state SET complete = 0 WHERE id = 1")
        let policy = try KeptActionsState.policy(db)
        let window = RuleWindow.unbounded(asOf: today, policy: policy)
        let evaluation = try PhaseTrace.rules.measure("rebuild: evaluation") {
            if database.isInMemory { return try RuleEvaluator.evaluate(window, on: OneConnectionReads(db: db)) }
            let readers = try ParallelReads(path: database.connectionPath,
                                            workers: min(4, ProcessInfo.processInfo.activeProcessorCount), pinned: false)
            return try RuleEvaluator.evaluate(window, on: readers)
        }
        try PhaseTrace.rules.measure("rebuild: rows") {
            for name in KeptActionsSchema.indexNames { try db.execute(sql: "DROP INDEX IF EXISTS \(name)") }
            try db.execute(sql: "DELETE FROM kept_action")
            let insert = try FastStatement(db, sql: KeptActionRow.insertSQL)
            try write(evaluation, with: insert)
        }
        try PhaseTrace.rules.measure("rebuild: indexes") {
            for index in KeptActionsSchema.indexes { try db.execute(sql: index) }
        }
        try KeptActionsState(rulesVersion: KeptActionsState.rulesVersion, policy: KeptActionsState.describe(policy),
                             datedAsOf: today, complete: true).write(db)
        try KeptActionChange.announce(db, Set(try AgencyID.fetchAll(db, sql: "SELECT id FROM agency")))
    }

    /// Every action of the evaluation, each with its part.
    static func write(_ evaluation: RuleEvaluation, with insert: FastStatement) throws {
        let policy = evaluation.policy, asOf = evaluation.asOf
        for slice in evaluation.slices {
            for action in slice.actions { try KeptActionRow(part: .nominal, action: action).insert(with: insert) }
            for deferred in slice.deferred {
                if let action = deferred.action(policy: policy, asOf: asOf) {
                    try KeptActionRow(part: .nominal, action: action).insert(with: insert)
                }
            }
            for view in slice.views {
                if let action = view.action(policy: policy, asOf: asOf) {
                    try KeptActionRow(part: .nominal, action: action).insert(with: insert)
                }
            }
        }
        // In a fixed order, so that the same register always gives the same rows (the demo's digest).
        for nominal in evaluation.missingCases.keys.sorted() {
            for action in evaluation.missingCases[nominal] ?? [] {
                try KeptActionRow(part: .nominal, action: action).insert(with: insert)
            }
        }
        for action in evaluation.caseActions {
            guard let crn = action.crn else { continue }
            try KeptActionRow(part: .case, action: action,
                              caseKey: RuleEvaluation.CaseKey(areaID: action.agencyID, crn: crn)).insert(with: insert)
        }
        for key in evaluation.caseDiscrepancies.keys.sorted(by: { ($0.areaID, $0.crn) < ($1.areaID, $1.crn) }) {
            for action in evaluation.caseDiscrepancies[key] ?? [] {
                try KeptActionRow(part: .case, action: action, caseKey: key).insert(with: insert)
            }
        }
        for action in evaluation.agencyActions {
            try KeptActionRow(part: .agency, action: action).insert(with: insert)
        }
    }
}
