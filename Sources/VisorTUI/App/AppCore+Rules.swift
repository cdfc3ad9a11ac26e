import Foundation
import VisorDomain
import VisorRegister

extension AppCore {
    /// Starts the background rules timer for the signed-in user: actions and
    /// the partner queue re-read every policy interval, at once after a change
    /// here, and when another process commits.
    func startBackgroundWork() {
        guard rulesTimer == nil, let user else { return }
        let database = self.database, policy = self.policy, clock = self.clock
        let source = database.makeActionSource()
        let watcher = try? database.makeChangeWatcher()
        let work = RulesTimer.Work(
            evaluate: { changed in
                try ActionItems.evaluate(source, database: database, user: user, policy: policy,
                                         today: clock.today(), changed: changed)
            },
            loadQueue: { try QueueItems.load(database, user: user, policy: policy) },
            dataVersion: { try watcher?.version() ?? 0 },
            now: { clock.now() })
        let timer = RulesTimer(work: work, inbox: inbox, interval: TimeInterval(policy.timerIntervalSeconds),
                               poll: options.pollSeconds)
        rulesTimer = timer
        onDataChanged = { [weak timer] nominals in timer?.requestEvaluation(nominals: nominals) }
        timer.start()
    }

    /// Stops background work (on quit).
    public func stopBackgroundWork() {
        rulesTimer?.stop()
        rulesTimer = nil
    }
}

/// The actions pane's rows for one user: their agency's actions, overdue, due
/// within the warning window, and upcoming within the policy's horizon (as
/// `visor actions` lists them), in domain.md's order, with names.
public enum ActionItems {
    public static func evaluate(_ source: any ActionSource, database: any Register, user: User, policy: Policy,
                                today: LocalDate, changed: Set<NominalID>? = nil) throws -> [ActionItem] {
        let actions = try source.actions(for: user, asOf: today, policy: policy, horizonDays: policy.actionsHorizonDays,
                                         changed: changed)
        let names = try database.usernames(for: Set(actions.compactMap(\.userID)))
        let agencies = Dictionary(uniqueKeysWithValues: try database.agencies().map { ($0.id, $0.name) })
        let nominals = try database.nominalNames(for: Set(actions.compactMap(\.nominalID)))
        return ActionOrdering.sorted(actions, asOf: today, policy: policy, username: { names[$0] }).map {
            ActionItem(action: $0, state: $0.state(asOf: today, policy: policy),
                       agencyName: agencies[$0.agencyID] ?? "", username: $0.userID.flatMap { names[$0] },
                       nominalName: $0.nominalID.flatMap { nominals[$0] })
        }
    }
}
