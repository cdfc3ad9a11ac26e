/// A rule id, R1…R16; ordered by number (R2 before R10).
public enum RuleID: Int, CaseIterable, Sendable, Comparable, Hashable, Codable, CustomStringConvertible {
    case r1 = 1, r2, r3, r4, r5, r6, r7, r8, r9, r10, r11, r12, r13, r14, r15, r16

    public init?(name: some StringProtocol) {
        guard name.first == "R" || name.first == "r", let number = Int(name.dropFirst()),
              let rule = RuleID(rawValue: number) else { return nil }
        self = rule
    }

    public var description: String { "R\(rawValue)" }
    public static func < (lhs: RuleID, rhs: RuleID) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// The state of an action as of a date D.
public enum ActionState: String, CaseIterable, Sendable, Comparable, Codable {
    /// Due date before D.
    case overdue
    /// Due from D to D + the warning window.
    case due
    /// Later.
    case upcoming

    public static func of(due: LocalDate, asOf date: LocalDate, warningWindowDays: Int) -> ActionState {
        if due < date { return .overdue }
        if due <= date.adding(days: warningWindowDays) { return .due }
        return .upcoming
    }

    private var rank: Int { ActionState.allCases.firstIndex(of: self)! }
    public static func < (lhs: ActionState, rhs: ActionState) -> Bool { lhs.rank < rhs.rank }
}

/// Something a rule says an agency (or a user) must do, by a due date. It
/// exists only while its duty is unmet.
public struct Action: Hashable, Sendable {
    public var rule: RuleID
    /// The agency that must act.
    public var agencyID: AgencyID
    /// The user the rule names (R8, R10, R11, R16: the manager; R13, R14, R15), if any.
    public var userID: UserID?
    /// The nominal concerned, if any.
    public var nominalID: NominalID?
    /// The case reference (the nominal's, or the extract case's for R1, R2, R9).
    public var crn: CRN?
    public var pncID: PNCID?
    public var due: LocalDate
    /// One line saying what to do.
    public var summary: String

    public init(rule: RuleID, agencyID: AgencyID, userID: UserID? = nil, nominalID: NominalID? = nil,
                crn: CRN? = nil, pncID: PNCID? = nil, due: LocalDate, summary: String) {
        self.rule = rule
        self.agencyID = agencyID
        self.userID = userID
        self.nominalID = nominalID
        self.crn = crn
        self.pncID = pncID
        self.due = due
        self.summary = summary
    }

    public func state(asOf date: LocalDate, policy: Policy) -> ActionState {
        ActionState.of(due: due, asOf: date, warningWindowDays: policy.warningWindowDays)
    }
}
