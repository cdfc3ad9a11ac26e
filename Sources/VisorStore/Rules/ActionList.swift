import GRDB
import VisorDomain
import VisorRegister

/// Lists of actions for display: who sees which, in what order, under which names.
public enum ActionList {
    /// `actions` in domain.md's order as of `date` — state, due date, rule
    /// number, CRN (none last), nominal id, username — exactly as
    /// `ActionOrdering`, but on integer keys first: a million actions sort in
    /// a fraction of the time, and only ties fall back to the full comparison.
    public static func sorted(_ actions: [Action], asOf date: LocalDate, policy: Policy,
                              username: (UserID) -> String? = { _ in nil }) -> [Action] {
        let warning = date.adding(days: policy.warningWindowDays)
        let keys = actions.map { action -> (UInt64, Int64, Int64) in
            let state: UInt64 = action.due < date ? 0 : action.due <= warning ? 1 : 2
            let day = UInt64(clamping: action.due.dayNumber + 1_000_000)
            let first = state << 60 | day << 8 | UInt64(action.rule.rawValue)
            let crn = action.crn.map { Int64(NominalRow.crnKey(canonical: $0)) } ?? Int64.max
            return (first, crn, action.nominalID ?? Int64.max)
        }
        let order = actions.indices.sorted { left, right in
            let (l, r) = (keys[left], keys[right])
            if l.0 != r.0 { return l.0 < r.0 }
            if l.1 != r.1 { return l.1 < r.1 }
            if l.2 != r.2 { return l.2 < r.2 }
            return ActionOrdering.precedes(actions[left], actions[right], asOf: date, policy: policy, username: username)
        }
        return order.map { actions[$0] }
    }
}

extension RuleEvaluation {
    /// The name of an agency, as the evaluation read it.
    public func agencyName(_ id: AgencyID) -> String? { directory.name(of: id) }

    /// The user name of a user, as the evaluation read it.
    public func username(_ id: UserID) -> String? { directory.username(of: id) }
}

extension NominalRow {
    /// `crnKey` of a CRN value.
    static func crnKey(canonical crn: CRN) -> Int32 {
        var bytes = crn.canonical.utf8.makeIterator()
        guard let letter = bytes.next(), (65...90).contains(letter) else { return -1 }
        var number: Int32 = 0
        var digits = 0
        while let byte = bytes.next() {
            guard (48...57).contains(byte) else { return -1 }
            number = number * 10 + Int32(byte - 48)
            digits += 1
        }
        return digits == 6 ? Int32(letter - 65) * 1_000_000 + number : -1
    }
}

/// Names of agencies and users for showing actions.
public struct ActionNames: Sendable {
    private let agencies: [AgencyID: String]
    private let users: [UserID: String]

    init(agencies: [AgencyID: String], users: [UserID: String]) {
        self.agencies = agencies
        self.users = users
    }

    /// The agency's name ("agency 12" if it is unknown).
    public func agency(_ id: AgencyID) -> String { agencies[id] ?? "agency \(id)" }

    /// The user's user name, if known.
    public func user(_ id: UserID) -> String? { users[id] }

    /// Every agency's name.
    public var agencyNames: Dictionary<AgencyID, String>.Values { agencies.values }

    /// Every user's user name.
    public var usernames: Dictionary<UserID, String>.Values { users.values }
}

extension AppDatabase {
    /// The names of every agency and user, for showing actions.
    public func actionNames() throws(StoreError) -> ActionNames {
        try read { db in
            var agencies: [AgencyID: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, name FROM agency") { agencies[row["id"]] = row["name"] }
            var users: [UserID: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, username FROM user_account") {
                users[row["id"]] = row["username"]
            }
            return ActionNames(agencies: agencies, users: users)
        }
    }

    /// Records that actions were listed (`visor actions`, the actions pane): one audit event.
    /// On a register this process may only read, an operator's listing is not
    /// recorded (it cannot be): whoever can read the file is an operator,
    /// outside the audited model (domain.md), and the command says so.
    public func recordActionsListed(by actor: Actor, detail: String) throws(StoreError) {
        if isReadOnly, case .operator = actor { return }
        let now = clock.now()
        try write { db in try AuditLog.append(db, at: now, actor: actor, action: .listActions, detail: detail) }
    }
}
