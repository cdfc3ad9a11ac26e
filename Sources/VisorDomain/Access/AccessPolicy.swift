/// Who is looking: a signed-in user, or the operator (command-line reads without `--as`).
public struct Viewer: Hashable, Sendable {
    public var userID: UserID?
    public var agencyID: AgencyID?
    public var roles: Set<Role>
    /// Operator scope sees everything (domain.md's threat model) and changes nothing.
    public var isOperator: Bool

    public init(user: User) {
        self.userID = user.id
        self.agencyID = user.agencyID
        self.roles = user.roles
        self.isOperator = false
    }

    public init(userID: UserID, agencyID: AgencyID, roles: Set<Role>) {
        self.userID = userID
        self.agencyID = agencyID
        self.roles = roles
        self.isOperator = false
    }

    private init() {
        userID = nil
        agencyID = nil
        roles = []
        isOperator = true
    }

    public static let `operator` = Viewer()

    public var hasWorkingRole: Bool { roles.contains(where: \.isWorking) }
}

/// What the access rules need to know about one nominal.
public struct RecordFacts: Hashable, Sendable {
    public var nominalID: NominalID
    public var ownerAgencyID: AgencyID
    public var managerUserID: UserID?
    public var createdByUserID: UserID?
    /// Active partnerships: agency → restricted.
    public var partners: [AgencyID: Bool]
    public var lifecycle: Lifecycle

    public init(nominalID: NominalID, ownerAgencyID: AgencyID, managerUserID: UserID?, createdByUserID: UserID?,
                partners: [AgencyID: Bool], lifecycle: Lifecycle) {
        self.nominalID = nominalID
        self.ownerAgencyID = ownerAgencyID
        self.managerUserID = managerUserID
        self.createdByUserID = createdByUserID
        self.partners = partners
        self.lifecycle = lifecycle
    }
}

/// How much of a record a viewer may see.
public enum RecordAccess: String, Hashable, Sendable, Comparable {
    /// Nothing at all: the record is not mentioned.
    case none
    /// Name, date of birth, owner agency, manager and register id, after an exact search.
    case stub
    /// Identity, MAPPA data and released entries (a restricted partner).
    case restricted
    /// The whole record.
    case full

    private var rank: Int { [.none: 0, .stub: 1, .restricted: 2, .full: 3][self]! }
    public static func < (lhs: RecordAccess, rhs: RecordAccess) -> Bool { lhs.rank < rhs.rank }
}

/// A change a user may ask to make to a record.
public enum RecordPermission: String, CaseIterable, Sendable {
    case editCore, addEntry, addPartner, endPartner, answerRequest, validate, requestPartnership, withdrawRequest
}

/// The answer to "may this viewer do that?", with the reason when not.
public enum Decision: Hashable, Sendable {
    case allowed
    case refused(String)

    public var isAllowed: Bool { self == .allowed }
}

/// domain.md's "Who may see and do what", as pure functions. The store applies
/// the same rules in SQL; tests check that both agree.
public enum AccessPolicy {
    /// What `viewer` may see of a record; `exactMatch` is true when it was found
    /// by an exact identifier or by name and date of birth (which may show a stub).
    public static func access(_ viewer: Viewer, to facts: RecordFacts, exactMatch: Bool) -> RecordAccess {
        if viewer.isOperator { return .full }
        guard let agency = viewer.agencyID else { return .none }
        if agency == facts.ownerAgencyID { return .full }
        if let restricted = facts.partners[agency] { return restricted ? .restricted : .full }
        return exactMatch && viewer.hasWorkingRole ? .stub : .none
    }

    /// Whether `viewer` is one who answers partner requests — a CPC, a deputy CPC, or an offender
    /// manager (for the records they manage) — so the status line shows them `N requests`.
    public static func answersPartnerRequests(_ viewer: Viewer) -> Bool {
        viewer.hasWorkingRole && !viewer.roles.isDisjoint(with: [.cpc, .deputyCPC, .offenderManager])
    }

    /// Whether `viewer` may make a change of kind `permission` to a record.
    public static func decide(_ viewer: Viewer, _ permission: RecordPermission, on facts: RecordFacts) -> Decision {
        guard !viewer.isOperator, let agency = viewer.agencyID, let userID = viewer.userID else {
            return .refused("a change needs a signed-in user (--as)")
        }
        guard viewer.hasWorkingRole else {
            return .refused("a senior probation officer's access is read-only")
        }
        if facts.lifecycle == .archived, permission != .withdrawRequest {
            return .refused("the record is archived and read-only")
        }
        let isOwner = agency == facts.ownerAgencyID
        let isPartner = facts.partners[agency] != nil
        switch permission {
        case .editCore, .addPartner, .endPartner:
            return isOwner ? .allowed : .refused("only the owner agency may do this")
        case .addEntry:
            return isOwner || isPartner ? .allowed : .refused("only the owner or a partner agency may add entries")
        case .answerRequest:
            guard isOwner else { return .refused("only the owner agency answers partner requests") }
            let answers = viewer.roles.contains(.cpc) || viewer.roles.contains(.deputyCPC)
                || facts.managerUserID == userID
            return answers ? .allowed
                : .refused("only the owner's CPC, deputy CPC or the nominal manager answers partner requests")
        case .validate:
            guard isOwner, viewer.roles.contains(.supervisor) else {
                return .refused("only a supervisor of the owner agency validates records")
            }
            return facts.createdByUserID == userID ? .refused("the record's creator cannot validate it") : .allowed
        case .requestPartnership:
            if isOwner { return .refused("your agency owns this record") }
            if isPartner { return .refused("your agency is already a partner") }
            return .allowed
        case .withdrawRequest:
            return .allowed
        }
    }
}
