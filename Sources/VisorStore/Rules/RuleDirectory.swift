import GRDB
import VisorDomain
import VisorRegister

/// The small tables every rule consults, read once per evaluation into
/// memory: agencies (kind, name, creation), users (name, agency) and who held
/// the supervisor role when, and which probation areas have a stored extract.
struct RuleDirectory: Sendable {
    struct AgencyInfo: Sendable {
        var kind: AgencyKind
        var name: String
        var createdOn: LocalDate
    }

    struct UserInfo: Sendable {
        var username: String
        var agencyID: AgencyID
        /// Links the user to extracts' `offender_manager` (R9).
        var staffID: String?
        /// Periods holding the supervisor role: granted on, revoked on (exclusive).
        var supervisor: [(from: LocalDate, until: LocalDate?)] = []
    }

    /// The stored extract of a probation area.
    struct Snapshot: Sendable {
        var id: Int64
        var areaID: AgencyID
        var reconciledOn: LocalDate
    }

    private(set) var agencies: [AgencyID: AgencyInfo] = [:]
    private(set) var users: [UserID: UserInfo] = [:]
    /// The same, indexed by id (ids are small row ids): a million rows each
    /// look several up, and an array read costs less than a hashed lookup.
    private var kindByID: [AgencyKind?] = []
    private var hasSnapshotByID: [Bool] = []
    /// What the rules ask of a user for every nominal (R10: the author's
    /// agency and supervisor periods, for every check; R9: the staff id),
    /// each in its own array: copying a whole `UserInfo` out retains its
    /// three references, on a cache line both workers share.
    private var agencyOfUserByID: [AgencyID] = []
    private var supervisorPeriodsByID: [[(from: LocalDate, until: LocalDate?)]] = []
    private var staffIDByID: [String?] = []
    private(set) var snapshots: [Snapshot] = []
    /// The stored extract of each area that has one.
    private(set) var snapshotOfArea: [AgencyID: Snapshot] = [:]

    init(_ db: Database) throws {
        let agencyRows = try SQLiteCursor(db, sql: "SELECT id, kind, name, created_on FROM agency")
        while try agencyRows.next() {
            guard let kind = agencyRows.code(1, as: AgencyKind.self), let created = agencyRows.date(3) else { continue }
            agencies[agencyRows.int64(0)] = AgencyInfo(kind: kind, name: agencyRows.string(2) ?? "", createdOn: created)
        }
        let userRows = try SQLiteCursor(db, sql: "SELECT id, username, agency_id, staff_id FROM user_account")
        while try userRows.next() {
            users[userRows.int64(0)] = UserInfo(username: userRows.string(1) ?? "", agencyID: userRows.int64(2),
                                                staffID: userRows.string(3))
        }
        let roles = try SQLiteCursor(db, sql: """
            SELECT user_id, granted_on, revoked_on FROM user_role WHERE role = 'supervisor'
            """)
        while try roles.next() {
            guard let from = roles.date(1) else { continue }
            users[roles.int64(0)]?.supervisor.append((from, roles.date(2)))
        }
        let stored = try SQLiteCursor(db, sql: "SELECT id, area_id, reconciled_on FROM extract_snapshot ORDER BY area_id")
        while try stored.next() {
            guard let on = stored.date(2) else { continue }
            let snapshot = Snapshot(id: stored.int64(0), areaID: stored.int64(1), reconciledOn: on)
            snapshots.append(snapshot)
            snapshotOfArea[snapshot.areaID] = snapshot
        }
        kindByID = RuleDirectory.indexed(agencies.mapValues(\.kind))
        let userByID = RuleDirectory.indexed(users)
        agencyOfUserByID = userByID.map { $0?.agencyID ?? -1 }
        supervisorPeriodsByID = userByID.map { $0?.supervisor ?? [] }
        staffIDByID = userByID.map { $0?.staffID }
        hasSnapshotByID = RuleDirectory.indexed(snapshotOfArea.mapValues { _ in true }).map { $0 ?? false }
    }

    /// The values of `map` in an array indexed by id (ids beyond 1,000,000 are left out: never seen).
    private static func indexed<Value>(_ map: [Int64: Value]) -> [Value?] {
        let size = Int(min(map.keys.max() ?? -1, 1_000_000)) + 1
        var array = [Value?](repeating: nil, count: max(0, size))
        for (id, value) in map where id >= 0 && id < size { array[Int(id)] = value }
        return array
    }

    func kind(of agency: AgencyID) -> AgencyKind? {
        agency >= 0 && agency < kindByID.count ? kindByID[Int(agency)] : agencies[agency]?.kind
    }

    /// Whether the area has a stored extract.
    func hasSnapshot(_ agency: AgencyID) -> Bool {
        agency >= 0 && agency < hasSnapshotByID.count ? hasSnapshotByID[Int(agency)] : snapshotOfArea[agency] != nil
    }

    /// The staff id of a user, if they carry one.
    func staffID(of user: UserID) -> String? {
        user >= 0 && user < staffIDByID.count ? staffIDByID[Int(user)] : users[user]?.staffID
    }

    func name(of agency: AgencyID?) -> String? { agency.flatMap { agencies[$0]?.name } }

    func username(of user: UserID) -> String? { users[user]?.username }

    /// Whether `user` held the supervisor role of `agency` on `date` (R10's counting checks).
    func isSupervisor(_ user: UserID, of agency: AgencyID, on date: LocalDate) -> Bool {
        let periods: [(from: LocalDate, until: LocalDate?)]
        if user >= 0, user < agencyOfUserByID.count {
            guard agencyOfUserByID[Int(user)] == agency else { return false }
            periods = supervisorPeriodsByID[Int(user)]
        } else {
            guard let info = users[user], info.agencyID == agency else { return false }
            periods = info.supervisor
        }
        return periods.contains { $0.from <= date && ($0.until.map { date < $0 } ?? true) }
    }

    /// The probation areas, for R9 and R12.
    var probationAreas: [AgencyID] {
        agencies.filter { $0.value.kind == .probation }.map(\.key).sorted()
    }
}

/// The dates an evaluation works to: as of D, every action due up to
/// D + max(warning window, horizon) is listed (overdue, due, and upcoming
/// within the horizon — `ActionHorizon` says the same).
struct RuleWindow: Sendable {
    let asOf: LocalDate
    let policy: Policy
    let horizonDays: Int
    /// The last due date shown.
    let bound: LocalDate

    init(asOf: LocalDate, policy: Policy, horizonDays: Int) {
        self.asOf = asOf
        self.policy = policy
        self.horizonDays = horizonDays
        bound = asOf.adding(days: max(policy.warningWindowDays, horizonDays))
    }

    /// Every action whatever its due date (the kept actions: the horizon is applied when they are
    /// read); `asOf` still dates the rules that depend on the day (R12's coverage, R13's roles).
    static func unbounded(asOf: LocalDate, policy: Policy) -> RuleWindow {
        RuleWindow(asOf: asOf, policy: policy, horizonDays: unboundedDays)
    }

    /// A century: further than any due date the rules compute.
    static let unboundedDays = 36_525

    func shows(_ due: LocalDate) -> Bool { due <= bound }

    func shows(_ action: Action) -> Bool { action.due <= bound }
}
