/// The order of lists of actions (domain.md, "Actions"): by state as of D
/// (overdue, due, upcoming), then due date, then rule number (R2 before R10),
/// then CRN (none last), then nominal id (none last), then username (none
/// last), then — so that the order is total — user id (none last) and summary.
public enum ActionOrdering {
    /// `actions` in list order as of `date`. `username` gives a user's name
    /// (nil when unknown, sorted last).
    public static func sorted(_ actions: [Action], asOf date: LocalDate, policy: Policy,
                              username: (UserID) -> String? = { _ in nil }) -> [Action] {
        let keyed = actions.map { action in
            (action: action, state: action.state(asOf: date, policy: policy), user: action.userID.flatMap(username))
        }
        return keyed.sorted { lhs, rhs in
            precedes(lhs.action, lhs.state, lhs.user, rhs.action, rhs.state, rhs.user)
        }.map(\.action)
    }

    /// Whether `lhs` comes before `rhs` in list order as of `date`.
    public static func precedes(_ lhs: Action, _ rhs: Action, asOf date: LocalDate, policy: Policy,
                                username: (UserID) -> String? = { _ in nil }) -> Bool {
        precedes(lhs, lhs.state(asOf: date, policy: policy), lhs.userID.flatMap(username),
                 rhs, rhs.state(asOf: date, policy: policy), rhs.userID.flatMap(username))
    }

    static func precedes(_ lhs: Action, _ lhsState: ActionState, _ lhsUser: String?,
                         _ rhs: Action, _ rhsState: ActionState, _ rhsUser: String?) -> Bool {
        if lhsState != rhsState { return lhsState < rhsState }
        if lhs.due != rhs.due { return lhs.due < rhs.due }
        if lhs.rule != rhs.rule { return lhs.rule < rhs.rule }
        if let order = nilsLast(lhs.crn, rhs.crn) { return order }
        if let order = nilsLast(lhs.nominalID, rhs.nominalID) { return order }
        if let order = nilsLast(lhsUser, rhsUser) { return order }
        if let order = nilsLast(lhs.userID, rhs.userID) { return order }
        return lhs.summary < rhs.summary
    }

    /// nil when equal; otherwise whether `lhs` sorts first, values before none.
    static func nilsLast<T: Comparable>(_ lhs: T?, _ rhs: T?) -> Bool? {
        switch (lhs, rhs) {
        case (nil, nil): return nil
        case (.some, nil): return true
        case (nil, .some): return false
        case let (.some(l), .some(r)): return l == r ? nil : l < r
        }
    }
}
