/// domain.md's "Who may see and do what" for every step of records.md, in
/// one place: `decide` answers from here, the store and the application ask
/// here, and each refusal says why (naming R10 where it applies).
///
/// Everyone who changes data is a signed-in user with a working role (an
/// SPO changes nothing; the operator reads only); an archived record takes
/// no change but unarchiving (and the withdrawal of a request made before).
extension AccessPolicy {
    /// Whether `viewer` may create a nominal: any signed-in user with a
    /// working role; their agency becomes the owner.
    public static func checkCreate(_ viewer: Viewer) -> Refusal? {
        signedInWorking(viewer)
    }

    /// Whether `viewer` may unarchive the record: the owner's CPC or deputy CPC.
    public static func checkUnarchive(_ viewer: Viewer, on facts: RecordFacts) -> Refusal? {
        if let refusal = signedInWorking(viewer) { return refusal }
        guard facts.lifecycle == .archived else { return Refusal("the record is not archived") }
        return viewer.agencyID == facts.ownerAgencyID && viewer.isCPCOrDeputy ? nil
            : Refusal("only the owner's CPC or deputy CPC unarchives a record")
    }

    /// The first refusal among `permissions` (an entry released to restricted
    /// partners needs `.addEntry` and `.releaseEntry`), nil when all are allowed.
    public static func check(_ viewer: Viewer, _ permissions: [RecordPermission], on facts: RecordFacts) -> Refusal? {
        permissions.lazy.compactMap { check(viewer, $0, on: facts) }.first
    }

    /// Why `viewer` may not make a change of kind `permission` to a record, or nil when they may.
    public static func check(_ viewer: Viewer, _ permission: RecordPermission, on facts: RecordFacts) -> Refusal? {
        if let refusal = signedInWorking(viewer) { return refusal }
        guard let agency = viewer.agencyID, let userID = viewer.userID else {
            return Refusal("a change needs a signed-in user (--as)")
        }
        if facts.lifecycle == .archived, permission != .withdrawRequest {
            return Refusal("the record is archived and read-only")
        }
        let isOwner = agency == facts.ownerAgencyID
        let isPartner = facts.partners[agency] != nil
        switch permission {
        case .editCore, .addPartner, .endPartner:
            return isOwner ? nil : Refusal("only the owner agency may do this")
        case .transfer:
            guard isOwner else { return Refusal("only the owner agency may do this") }
            return facts.pendingTransferTo == nil ? nil
                : Refusal("a transfer of this record is already pending: it is answered first")
        case .addEntry:
            return isOwner || isPartner ? nil : Refusal("only the owner or a partner agency may add entries")
        case .releaseEntry:
            return isOwner ? nil : Refusal("only the owner agency releases entries to restricted partners")
        case .addMeeting:
            return isOwner || isPartner ? nil : Refusal("only the owner or a partner agency records MAPP meetings")
        case .recordNotification:
            return isOwner || isPartner ? nil : Refusal("only the owner or a partner agency records a notification")
        case .answerRequest:
            guard isOwner else { return Refusal("only the owner agency answers partner requests") }
            return viewer.isCPCOrDeputy || facts.managerUserID == userID ? nil
                : Refusal("only the owner's CPC, deputy CPC or the nominal manager answers partner requests")
        case .assignManager:
            return isOwner && (viewer.isCPCOrDeputy || viewer.roles.contains(.supervisor)) ? nil
                : Refusal("only the owner's CPC, deputy CPC or a supervisor assigns the nominal manager")
        case .archive:
            return isOwner && viewer.isCPCOrDeputy ? nil : Refusal("only the owner's CPC or deputy CPC archives a record")
        case .answerTransfer:
            guard let receiver = facts.pendingTransferTo else {
                return Refusal("there is no pending transfer of this record")
            }
            return agency == receiver && viewer.isCPCOrDeputy ? nil
                : Refusal("only the receiving agency's CPC or deputy CPC answers a transfer")
        case .validate, .review:
            let verb = permission == .validate ? "validate" : "review"
            guard isOwner, viewer.roles.contains(.supervisor) else {
                return Refusal("only a supervisor of the owner agency \(verb)s records", rule: .r10)
            }
            return facts.createdByUserID == userID ? Refusal("the record's creator cannot \(verb) it", rule: .r10) : nil
        case .requestPartnership:
            if isOwner { return Refusal("your agency owns this record") }
            if isPartner { return Refusal("your agency is already a partner") }
            return nil
        case .withdrawRequest:
            return nil
        }
    }

    /// The refusal of anyone but a signed-in user with a working role.
    private static func signedInWorking(_ viewer: Viewer) -> Refusal? {
        guard !viewer.isOperator, viewer.agencyID != nil, viewer.userID != nil else {
            return Refusal("a change needs a signed-in user (--as)")
        }
        return viewer.hasWorkingRole ? nil : Refusal("a senior probation officer's access is read-only")
    }
}

extension Viewer {
    /// The agency's CPC or deputy CPC: who answers for it (every request, transfers, archiving).
    public var isCPCOrDeputy: Bool { roles.contains(.cpc) || roles.contains(.deputyCPC) }
}
