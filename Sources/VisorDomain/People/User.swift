import Foundation

/// Register id of a user.
public typealias UserID = Int64

/// A member of staff who signs in to the register.
public struct User: Hashable, Sendable, Identifiable {
    public var id: UserID
    public var username: String
    public var fullName: String
    public var agencyID: AgencyID
    public var roles: Set<Role>
    public var clearances: [Clearance]
    /// Links the user to the `offender_manager` column of an extract.
    public var staffID: String?
    public var isActive: Bool
    public var createdAt: Date
    /// When the user acknowledged the instruction's duties (R15); nil until then.
    public var acknowledgedAt: Date?
    public var lastSignInAt: Date?

    public init(id: UserID, username: String, fullName: String, agencyID: AgencyID, roles: Set<Role>,
                clearances: [Clearance] = [], staffID: String? = nil, isActive: Bool = true,
                createdAt: Date, acknowledgedAt: Date? = nil, lastSignInAt: Date? = nil) {
        self.id = id
        self.username = username
        self.fullName = fullName
        self.agencyID = agencyID
        self.roles = roles
        self.clearances = clearances
        self.staffID = staffID
        self.isActive = isActive
        self.createdAt = createdAt
        self.acknowledgedAt = acknowledgedAt
        self.lastSignInAt = lastSignInAt
    }

    /// True when the user holds only the read-only `spo` role.
    public var isReadOnly: Bool { !roles.contains(where: \.isWorking) }

    /// True when the user holds at least one working role (any role but `spo`).
    public var hasWorkingRole: Bool { roles.contains(where: \.isWorking) }

    /// The roles whose clearance requirement is not met on `date`, under `policy`.
    public func rolesLackingClearance(on date: LocalDate, policy: Policy) -> [Role] {
        roles.sorted().filter { role in
            let accepted = policy.clearanceKinds(for: role)
            return !clearances.contains { accepted.contains($0.kind) && $0.isValid(on: date) }
        }
    }
}
