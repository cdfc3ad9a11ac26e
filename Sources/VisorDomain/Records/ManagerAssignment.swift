/// The user proposed as a nominal's manager, as the store finds them.
public struct ManagerCandidate: Hashable, Sendable {
    public var userID: UserID
    public var username: String
    public var agencyID: AgencyID
    public var roles: Set<Role>
    public var isActive: Bool

    public init(userID: UserID, username: String, agencyID: AgencyID, roles: Set<Role>, isActive: Bool = true) {
        self.userID = userID
        self.username = username
        self.agencyID = agencyID
        self.roles = roles
        self.isActive = isActive
    }

    public init(user: User) {
        self.init(userID: user.id, username: user.username, agencyID: user.agencyID, roles: user.roles,
                  isActive: user.isActive)
    }
}

/// Assigning the nominal manager (records.md): who may assign is
/// `AccessPolicy`'s `.assignManager`; who may be assigned is checked here —
/// an active user of the owner agency with the offender_manager role. A
/// wrong candidate is bad input (65), named in the field `manager`.
public enum ManagerAssignment {
    /// The field the errors name (`--manager`).
    public static let field = "manager"

    /// Throws when `candidate` may not manage a record owned by `ownerAgencyID`.
    public static func check(_ candidate: ManagerCandidate, ownerAgencyID: AgencyID) throws(FieldError) {
        let fault: String? =
            if candidate.agencyID != ownerAgencyID {
                "is a user of another agency: the manager is a user of the owner agency"
            } else if !candidate.isActive {
                "the account is disabled"
            } else if !candidate.roles.contains(.offenderManager) {
                "does not hold the offender_manager role"
            } else {
                nil
            }
        if let fault { throw FieldError(field: field, value: candidate.username, message: fault) }
    }

    /// `nominal` managed by `candidate` from `date` (R14 counts the manager's
    /// views from the assignment). The extract's staff id is left as it is:
    /// R9 compares it with the assigned user's own.
    public static func assign(_ candidate: ManagerCandidate, to nominal: Nominal, on date: LocalDate)
        throws(FieldError) -> Nominal {
        try check(candidate, ownerAgencyID: nominal.ownerAgencyID)
        var assigned = nominal
        assigned.managerUserID = candidate.userID
        assigned.managerAssignedOn = date
        return assigned
    }
}
