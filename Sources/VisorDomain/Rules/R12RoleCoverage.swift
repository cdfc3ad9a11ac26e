/// R12 — Each probation area always covers the roles CPC, administrator,
/// account creator and trainer (seed: mandatory action 8), with succession
/// planning.
///
/// Candidates the store supplies: each probation area, with its creation date
/// and every holding of one of those roles by one of its users — current and
/// past (a revoked role keeps its end date) — each with the user's
/// disablement date and all the user's clearances.
///
/// A role is covered on D when some holding of it has the role on D (granted
/// on or before D, not yet ended), its user is not disabled on D, and the user
/// has a clearance valid on D whose kind `Policy.clearanceKinds(for: role)`
/// accepts (so a deputy CPC does not cover CPC: deputy_cpc is another role).
///
/// Action: "role not covered", per area and uncovered role, for the area, no
/// user, no nominal. Due the date the role became uncovered: the day after the
/// last day any holding covered it (role ended on X → X; user disabled on X →
/// X; clearance expired on E → E + 1), never covered → the area's creation
/// date (and never earlier than that). Met when a holder covers it again.
/// `coverage(for:)` gives the number of covering holders per area and role
/// (the roles report lists areas with a single holder; not an action).
public enum R12RoleCoverage {
    /// The roles every probation area must cover, in report order.
    public static let coveredRoles: [Role] = [.cpc, .administrator, .accountCreator, .trainer]

    /// One user's holding of one role.
    public struct Holding: Sendable, Hashable {
        public var userID: UserID
        public var role: Role
        /// The date the role was granted; nil when not known (treated as always held).
        public var roleGrantedOn: LocalDate?
        /// The date the user stopped holding the role; nil while they hold it.
        public var roleEndedOn: LocalDate?
        /// The date the account was disabled; nil while it is active.
        public var disabledOn: LocalDate?
        public var clearances: [Clearance]

        public init(userID: UserID, role: Role, roleGrantedOn: LocalDate? = nil, roleEndedOn: LocalDate? = nil,
                    disabledOn: LocalDate? = nil, clearances: [Clearance]) {
            self.userID = userID
            self.role = role
            self.roleGrantedOn = roleGrantedOn
            self.roleEndedOn = roleEndedOn
            self.disabledOn = disabledOn
            self.clearances = clearances
        }
    }

    public struct Candidate: Sendable, Hashable {
        public var areaID: AgencyID
        public var createdOn: LocalDate
        public var holdings: [Holding]

        public init(areaID: AgencyID, createdOn: LocalDate, holdings: [Holding]) {
            self.areaID = areaID
            self.createdOn = createdOn
            self.holdings = holdings
        }
    }

    /// How many distinct users cover `role` in `areaID` on the date.
    public struct Coverage: Sendable, Hashable {
        public var areaID: AgencyID
        public var role: Role
        public var holders: Int
    }

    public static func actions(for candidates: [Candidate], policy: Policy, asOf date: LocalDate) -> [Action] {
        candidates.flatMap { area in
            coveredRoles.compactMap { role -> Action? in
                let holdings = area.holdings.filter { $0.role == role }
                guard !holdings.contains(where: { covers($0, on: date, policy: policy) }) else { return nil }
                let ends = holdings.compactMap { lastCoveredDay($0, before: date, policy: policy)?.adding(days: 1) }
                let since = max(ends.max() ?? area.createdOn, area.createdOn)
                let kinds = policy.clearanceKinds(for: role).map(\.rawValue).sorted().joined(separator: " or ")
                return Action(rule: .r12, agencyID: area.areaID, due: since,
                              summary: "Role not covered: \(role.title) "
                                + "(no active holder with valid \(kinds) clearance)")
            }
        }
    }

    /// Covering holders per area and role, in candidate order then `coveredRoles` order.
    public static func coverage(for candidates: [Candidate], policy: Policy, asOf date: LocalDate) -> [Coverage] {
        candidates.flatMap { area in
            coveredRoles.map { role in
                let users = Set(area.holdings.filter { $0.role == role && covers($0, on: date, policy: policy) }
                    .map(\.userID))
                return Coverage(areaID: area.areaID, role: role, holders: users.count)
            }
        }
    }

    /// Whether the holding covers its role on `date`.
    public static func covers(_ holding: Holding, on date: LocalDate, policy: Policy) -> Bool {
        let accepted = policy.clearanceKinds(for: holding.role)
        return (holding.roleGrantedOn.map { $0 <= date } ?? true)
            && (holding.roleEndedOn.map { date < $0 } ?? true)
            && (holding.disabledOn.map { date < $0 } ?? true)
            && holding.clearances.contains { accepted.contains($0.kind) && $0.isValid(on: date) }
    }

    /// The last day before `date` on which the holding covered its role; nil if never.
    static func lastCoveredDay(_ holding: Holding, before date: LocalDate, policy: Policy) -> LocalDate? {
        let accepted = policy.clearanceKinds(for: holding.role)
        var limit = date.adding(days: -1)
        if let ended = holding.roleEndedOn { limit = min(limit, ended.adding(days: -1)) }
        if let disabled = holding.disabledOn { limit = min(limit, disabled.adding(days: -1)) }
        return holding.clearances.compactMap { clearance -> LocalDate? in
            guard accepted.contains(clearance.kind) else { return nil }
            let start = max(clearance.grantedOn, holding.roleGrantedOn ?? clearance.grantedOn)
            let end = min(clearance.expiresOn, limit)
            return start <= end ? end : nil
        }.max()
    }
}
