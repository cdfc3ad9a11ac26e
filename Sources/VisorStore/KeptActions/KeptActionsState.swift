import GRDB
import VisorDomain
import VisorRegister

/// What the kept actions were computed with (`kept_actions_state`): when the
/// rules' version or the policy differs from this binary's, or a rebuild
/// never finished, they are rebuilt before anyone relies on them.
package struct KeptActionsState: Equatable, Sendable {
    /// Move it whenever a rule's output changes for the same data and policy: registers whose kept
    /// actions carry another number are rebuilt when opened.
    static let rulesVersion = 1

    var rulesVersion: Int
    /// `KeptActionsState.describe(policy)` of the policy they were computed with.
    var policy: String
    /// The date the agency part (R12 and R13 depend on the day) was worked out for.
    var datedAsOf: LocalDate?
    var complete: Bool

    static func read(_ db: Database) throws -> KeptActionsState {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT rules_version, policy, dated_as_of, complete FROM kept_actions_state WHERE id = 1
            """) else { return KeptActionsState(rulesVersion: 0, policy: "", datedAsOf: nil, complete: false) }
        let dated: String? = row["dated_as_of"]
        return KeptActionsState(rulesVersion: row["rules_version"], policy: row["policy"],
                                datedAsOf: dated.flatMap { LocalDate(iso: $0) }, complete: row["complete"])
    }

    func write(_ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO kept_actions_state (id, rules_version, policy, dated_as_of, complete) VALUES (1, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET rules_version = excluded.rules_version, policy = excluded.policy,
                dated_as_of = excluded.dated_as_of, complete = excluded.complete
            """, arguments: [rulesVersion, policy, datedAsOf?.iso, complete])
    }

    /// Says a rebuild is due (a bulk change wrote more than it is worth re-evaluating nominal by nominal).
    package static func markIncomplete(_ db: Database) throws {
        try db.execute(sql: "UPDATE kept_actions_state SET complete = 0 WHERE id = 1")
    }

    /// True when the kept actions are those of this binary's rules under `policy`.
    func isCurrent(for policy: Policy) -> Bool {
        complete && rulesVersion == KeptActionsState.rulesVersion && self.policy == KeptActionsState.describe(policy)
    }

    /// Every setting of `policy`, one per line: a change of any (an administrator's, or a new default
    /// in a new version) is seen as a different text.
    static func describe(_ policy: Policy) -> String {
        PolicyKey.all.map { "\($0.path) = \($0.value(in: policy))" }.joined(separator: "\n")
    }

    /// The policy in force, read in the transaction `db` is in.
    static func policy(_ db: Database) throws -> Policy {
        do {
            return try PolicyOverrides.apply(try RegisterPolicyRows.document(db), source: "the register's policy")
        } catch let error as PolicyFileError {
            throw StoreError.io("the register's policy cannot be read: \(error.message)")
        }
    }
}
