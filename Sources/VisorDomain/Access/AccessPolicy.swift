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
    /// The agency a pending transfer of ownership would go to, if one is pending.
    public var pendingTransferTo: AgencyID?

    public init(nominalID: NominalID, ownerAgencyID: AgencyID, managerUserID: UserID?, createdByUserID: UserID?,
                partners: [AgencyID: Bool], lifecycle: Lifecycle, pendingTransferTo: AgencyID? = nil) {
        self.nominalID = nominalID
        self.ownerAgencyID = ownerAgencyID
        self.managerUserID = managerUserID
        self.createdByUserID = createdByUserID
        self.partners = partners
        self.lifecycle = lifecycle
        self.pendingTransferTo = pendingTransferTo
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

/// A change a user may ask to make to an existing record (records.md's
/// steps; creating is `AccessPolicy.checkCreate`, unarchiving — the one
/// change an archived record takes — `AccessPolicy.checkUnarchive`).
public enum RecordPermission: String, CaseIterable, Sendable {
    case editCore, addEntry, addPartner, endPartner, answerRequest, validate, requestPartnership, withdrawRequest
    /// R10's review (after a validation).
    case review
    case assignManager
    /// Propose a transfer of ownership to another agency.
    case transfer
    /// Accept or decline a transfer proposed to the viewer's agency.
    case answerTransfer
    case archive
    case addMeeting
    /// Mark an entry as released to restricted partners.
    case releaseEntry
    /// Record an annual notification (R16).
    case recordNotification
}

/// The answer to "may this viewer do that?", with the reason when not.
public enum Decision: Hashable, Sendable {
    case allowed
    case refused(String)

    public var isAllowed: Bool { self == .allowed }

    /// Allowed when there is no refusal.
    public init(_ refusal: Refusal?) {
        self = refusal.map { .refused($0.reason) } ?? .allowed
    }
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
    /// `check` gives the refusal with the rule it names.
    public static func decide(_ viewer: Viewer, _ permission: RecordPermission, on facts: RecordFacts) -> Decision {
        Decision(check(viewer, permission, on: facts))
    }
}
