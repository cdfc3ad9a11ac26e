import Foundation
import VisorDomain
import VisorRegister

/// The SQLite register is the `Register` the application and the command line use.
extension AppDatabase: Register {
    public var location: String { path }

    public func makeActionSource() -> any ActionSource { RuleEvaluator(database: self) }

    public func makeChangeWatcher() throws(StoreError) -> any ChangeWatcher { try DataVersionWatcher(database: self) }
}

extension RuleEvaluator: ActionSource {
    /// A full evaluation the first time (or when `changed` is nil), else again for the changed nominals only.
    public func actions(for user: User, asOf date: LocalDate, policy: Policy, horizonDays: Int,
                        changed: Set<NominalID>?) throws -> [Action] {
        let evaluation = if let changed, lastEvaluation != nil {
            try reevaluate(nominals: changed, fallbackDate: date, policy: policy, horizonDays: horizonDays)
        } else {
            try self.evaluation(asOf: date, policy: policy, horizonDays: horizonDays)
        }
        return evaluation.actions(visibleTo: user)
    }
}

extension DataVersionWatcher: ChangeWatcher {}
