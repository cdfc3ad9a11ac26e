import GRDB
import VisorDomain
import VisorRegister

/// R12 and R13 read the same small tables: users, their role holdings
/// (current and revoked) and all their clearances — for the few users each
/// rule can concern, picked in SQL: holders of a role a probation area must
/// cover (R12), and users with a clearance expiring by the window's end plus
/// the renewal notice (R13: the clearance that decides a renewal is one of
/// the user's).
enum R12R13Query {
    struct Holding {
        var role: Role
        var grantedOn: LocalDate
        var revokedOn: LocalDate?
    }

    struct UserRow {
        var id: UserID
        var username: String
        var agencyID: AgencyID
        var isActive: Bool
        var disabledOn: LocalDate?
        var holdings: [Holding] = []
        var clearances: [Clearance] = []
    }

    /// R12's users: holders, current or past, of a covered role in a probation area.
    static func coverageUsers(_ db: Database) throws -> [UserID: UserRow] {
        let roles = R12RoleCoverage.coveredRoles.map { "'\($0.rawValue)'" }.joined(separator: ", ")
        return try users(db, where: """
            u.id IN (SELECT user_id FROM user_role WHERE role IN (\(roles)))
            AND u.agency_id IN (SELECT id FROM agency WHERE kind = 'probation')
            """)
    }

    /// R13's users: active, with a clearance expiring by `latest`.
    static func renewalUsers(_ db: Database, latest: LocalDate) throws -> [UserID: UserRow] {
        try users(db, where: """
            u.active = 1 AND u.disabled_on IS NULL
            AND EXISTS (SELECT 1 FROM clearance c WHERE c.user_id = u.id AND c.expires_on <= '\(latest.iso)')
            """)
    }

    /// The users `condition` (SQL on `u`) picks, with their holdings and clearances.
    static func users(_ db: Database, where condition: String) throws -> [UserID: UserRow] {
        var users: [UserID: UserRow] = [:]
        let picked = "SELECT u.id FROM user_account u WHERE \(condition)"
        let accounts = try SQLiteCursor(db, sql: """
            SELECT id, username, agency_id, active, disabled_on, created_on FROM user_account
            WHERE id IN (\(picked))
            """, cached: false)
        while try accounts.next() {
            let active = accounts.bool(3)
            // A disabled account with no date recorded is taken as disabled since its creation.
            let disabled = accounts.date(4) ?? (active ? nil : accounts.date(5))
            users[accounts.int64(0)] = UserRow(id: accounts.int64(0), username: accounts.string(1) ?? "",
                                               agencyID: accounts.int64(2), isActive: active && disabled == nil,
                                               disabledOn: disabled)
        }
        let roles = try SQLiteCursor(db, sql: """
            SELECT user_id, role, granted_on, revoked_on FROM user_role WHERE user_id IN (\(picked))
            """, cached: false)
        while try roles.next() {
            guard let role = roles.code(1, as: Role.self), let granted = roles.date(2) else { continue }
            users[roles.int64(0)]?.holdings.append(Holding(role: role, grantedOn: granted, revokedOn: roles.date(3)))
        }
        let clearances = try SQLiteCursor(db, sql: """
            SELECT user_id, kind, granted_on, expires_on FROM clearance WHERE user_id IN (\(picked))
            ORDER BY expires_on, id
            """, cached: false)
        while try clearances.next() {
            guard let kind = clearances.code(1, as: ClearanceKind.self), let granted = clearances.date(2),
                  let expires = clearances.date(3) else { continue }
            users[clearances.int64(0)]?.clearances.append(Clearance(kind: kind, grantedOn: granted, expiresOn: expires))
        }
        return users
    }

    /// R12: each probation area with every holding, current or past, of a role it must cover.
    static func r12Candidates(_ users: [UserID: UserRow], directory: RuleDirectory) -> [R12RoleCoverage.Candidate] {
        var holdings: [AgencyID: [R12RoleCoverage.Holding]] = [:]
        for user in users.values.sorted(by: { $0.id < $1.id }) {
            for holding in user.holdings where R12RoleCoverage.coveredRoles.contains(holding.role) {
                holdings[user.agencyID, default: []].append(R12RoleCoverage.Holding(
                    userID: user.id, role: holding.role, roleGrantedOn: holding.grantedOn,
                    roleEndedOn: holding.revokedOn, disabledOn: user.disabledOn, clearances: user.clearances))
            }
        }
        return directory.probationAreas.compactMap { area in
            guard let created = directory.agencies[area]?.createdOn else { return nil }
            return R12RoleCoverage.Candidate(areaID: area, createdOn: created, holdings: holdings[area] ?? [])
        }
    }

    /// R13: each active user with their current roles and all their clearances.
    static func r13Candidates(_ users: [UserID: UserRow], asOf date: LocalDate) -> [R13RenewClearance.Candidate] {
        users.values.filter(\.isActive).sorted { $0.id < $1.id }.map { user in
            let roles = Set(user.holdings.filter { $0.grantedOn <= date && ($0.revokedOn.map { date < $0 } ?? true) }
                .map(\.role))
            return R13RenewClearance.Candidate(user: RuleUser(id: user.id, username: user.username,
                                                              agencyID: user.agencyID),
                                               roles: roles, clearances: user.clearances)
        }
    }
}
