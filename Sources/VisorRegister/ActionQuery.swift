import VisorDomain

/// Which of the register's actions to read: as of a date, up to a horizon,
/// narrowed by agency, rules, user, nominal and state. The narrowing is done
/// by the query (indexes), not by the caller.
public struct ActionQuery: Sendable, Hashable {
    /// The date states are worked out for (overdue before it).
    public var asOf: LocalDate
    /// Upcoming actions are read up to `asOf` + this many days (and the warning window, if longer).
    public var horizonDays: Int
    /// Only the actions this agency must take.
    public var agencyID: AgencyID?
    /// Only these rules.
    public var rules: Set<RuleID>?
    /// Only the actions that name this user (the manager, the SPO, the user to renew or acknowledge).
    public var userID: UserID?
    /// Only the actions on this nominal.
    public var nominalID: NominalID?
    /// Only actions in this state.
    public var state: ActionState?
    /// Only actions whose rule, due date, summary or nominal's name holds this text (ASCII letters
    /// compared without case): the actions pane's `/`.
    public var text: String?

    public init(asOf: LocalDate, horizonDays: Int, agencyID: AgencyID? = nil, rules: Set<RuleID>? = nil,
                userID: UserID? = nil, nominalID: NominalID? = nil, state: ActionState? = nil, text: String? = nil) {
        self.asOf = asOf
        self.horizonDays = horizonDays
        self.agencyID = agencyID
        self.rules = rules
        self.userID = userID
        self.nominalID = nominalID
        self.state = state
        self.text = text.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The last due date read.
    public func bound(warningWindowDays: Int) -> LocalDate { asOf.adding(days: max(warningWindowDays, horizonDays)) }
}

/// An action as lists show it: its state as of the date asked, and the names it is shown with.
public struct ListedAction: Sendable, Hashable {
    public var action: Action
    public var state: ActionState
    public var agencyName: String
    public var username: String?
    /// "SURNAME, Forenames" of the nominal concerned, if any.
    public var nominalName: String?

    public init(action: Action, state: ActionState, agencyName: String, username: String?, nominalName: String? = nil) {
        self.action = action
        self.state = state
        self.agencyName = agencyName
        self.username = username
        self.nominalName = nominalName
    }

    /// The words `ActionQuery.text` looks in: rule, due date, summary and the nominal's name.
    public var searchedText: String {
        "\(action.rule) \(action.due.iso) \(action.summary) \(nominalName ?? "")"
    }

    /// Whether `text` occurs in `searchedText`, ASCII letters compared without case (as SQLite's `lower`).
    public func holds(_ text: String) -> Bool {
        func folded(_ value: String) -> String {
            String(String.UnicodeScalarView(value.unicodeScalars.map { scalar in
                ("A"..."Z").contains(scalar) ? Unicode.Scalar(scalar.value + 32)! : scalar
            }))
        }
        return folded(searchedText).contains(folded(text))
    }
}

/// How many actions a query finds in each state.
public struct ActionCounts: Sendable, Hashable {
    public var overdue: Int
    public var due: Int
    public var upcoming: Int

    public init(overdue: Int = 0, due: Int = 0, upcoming: Int = 0) {
        self.overdue = overdue
        self.due = due
        self.upcoming = upcoming
    }

    /// The rules of the actions counted, in order.
    public var rules: [RuleID] = []

    public var total: Int { overdue + due + upcoming }

    public func count(_ state: ActionState?) -> Int {
        switch state {
        case nil: total
        case .overdue?: overdue
        case .due?: due
        case .upcoming?: upcoming
        }
    }
}
