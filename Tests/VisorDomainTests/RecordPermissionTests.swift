import Testing
@testable import VisorDomain

/// Who may take each step of records.md (domain.md's "Who may see and do
/// what"), per role and relationship to the record.
@Suite("Record permissions")
struct RecordPermissionTests {
    static let owner: AgencyID = 1
    static let partner: AgencyID = 2
    static let restrictedPartner: AgencyID = 3
    static let other: AgencyID = 4
    static let creatorID: UserID = 10
    static let managerID: UserID = 11

    static func facts(lifecycle: Lifecycle = .active, pendingTransferTo: AgencyID? = nil) -> RecordFacts {
        RecordFacts(nominalID: 100, ownerAgencyID: owner, managerUserID: managerID, createdByUserID: creatorID,
                    partners: [partner: false, restrictedPartner: true], lifecycle: lifecycle,
                    pendingTransferTo: pendingTransferTo)
    }

    /// One user, related to the record in one way, and what they may do to it.
    struct Persona: Sendable, CustomTestStringConvertible {
        var name: String
        var agency: AgencyID
        var roles: Set<Role>
        var userID: UserID = 50
        var allowed: Set<RecordPermission>

        var viewer: Viewer { Viewer(userID: userID, agencyID: agency, roles: roles) }
        var testDescription: String { name }
    }

    /// What any owner-agency user with a working role may do.
    static let ownerStaff: Set<RecordPermission> = [
        .editCore, .addEntry, .addPartner, .endPartner, .withdrawRequest, .transfer, .addMeeting, .releaseEntry,
        .recordNotification,
    ]
    static let partnerSteps: Set<RecordPermission> = [.addEntry, .addMeeting, .recordNotification, .withdrawRequest]

    static let personas: [Persona] = [
        Persona(name: "owner staff", agency: owner, roles: [.offenderManager], allowed: ownerStaff),
        Persona(name: "owner trainer", agency: owner, roles: [.trainer], allowed: ownerStaff),
        Persona(name: "the nominal manager", agency: owner, roles: [.offenderManager], userID: managerID,
                allowed: ownerStaff.union([.answerRequest])),
        Persona(name: "owner CPC", agency: owner, roles: [.cpc],
                allowed: ownerStaff.union([.answerRequest, .assignManager, .archive])),
        Persona(name: "owner deputy CPC", agency: owner, roles: [.deputyCPC],
                allowed: ownerStaff.union([.answerRequest, .assignManager, .archive])),
        Persona(name: "owner supervisor, not the creator", agency: owner, roles: [.supervisor],
                allowed: ownerStaff.union([.validate, .review, .assignManager])),
        Persona(name: "owner supervisor who created the record", agency: owner, roles: [.supervisor],
                userID: creatorID, allowed: ownerStaff.union([.assignManager])),
        Persona(name: "owner SPO", agency: owner, roles: [.spo], allowed: []),
        Persona(name: "partner", agency: partner, roles: [.partnerUser], allowed: partnerSteps),
        Persona(name: "partner CPC and supervisor", agency: partner, roles: [.cpc, .supervisor], allowed: partnerSteps),
        Persona(name: "restricted partner", agency: restrictedPartner, roles: [.partnerUser], allowed: partnerSteps),
        Persona(name: "partner SPO", agency: partner, roles: [.spo], allowed: []),
        Persona(name: "other agency", agency: other, roles: [.offenderManager, .cpc, .supervisor],
                allowed: [.requestPartnership, .withdrawRequest]),
        Persona(name: "other agency's SPO", agency: other, roles: [.spo], allowed: []),
    ]

    @Test("the permission matrix, role by relationship", arguments: RecordPermissionTests.personas)
    func matrix(persona: Persona) {
        for permission in RecordPermission.allCases {
            let refusal = AccessPolicy.check(persona.viewer, permission, on: Self.facts())
            #expect((refusal == nil) == persona.allowed.contains(permission), "\(permission): \(refusal?.description ?? "allowed")")
            #expect(AccessPolicy.decide(persona.viewer, permission, on: Self.facts()).isAllowed == (refusal == nil))
        }
    }

    @Test("each refusal says why", arguments: [
        (RecordPermission.assignManager, RecordPermissionTests.owner, Set([Role.offenderManager]),
         "only the owner's CPC, deputy CPC or a supervisor assigns the nominal manager"),
        (.archive, RecordPermissionTests.owner, [.supervisor], "only the owner's CPC or deputy CPC archives a record"),
        (.releaseEntry, RecordPermissionTests.partner, [.partnerUser], "only the owner agency releases entries to restricted partners"),
        (.addMeeting, RecordPermissionTests.other, [.offenderManager], "only the owner or a partner agency records MAPP meetings"),
        (.recordNotification, RecordPermissionTests.other, [.offenderManager], "only the owner or a partner agency records a notification"),
        (.transfer, RecordPermissionTests.partner, [.cpc], "only the owner agency may do this"),
        (.answerTransfer, RecordPermissionTests.other, [.cpc], "there is no pending transfer of this record"),
        (.review, RecordPermissionTests.partner, [.supervisor], "only a supervisor of the owner agency reviews records (R10)"),
        (.validate, RecordPermissionTests.owner, [.cpc], "only a supervisor of the owner agency validates records (R10)"),
    ] as [(RecordPermission, AgencyID, Set<Role>, String)])
    func reasons(permission: RecordPermission, agency: AgencyID, roles: Set<Role>, expected: String) {
        let viewer = Viewer(userID: 50, agencyID: agency, roles: roles)
        #expect(AccessPolicy.check(viewer, permission, on: Self.facts())?.description == expected)
    }

    @Test("a supervisor who created the record may neither validate nor review it: 77, naming R10")
    func creatorRefused() throws {
        let creator = Viewer(userID: Self.creatorID, agencyID: Self.owner, roles: [.supervisor])
        let validate = try #require(AccessPolicy.check(creator, .validate, on: Self.facts()))
        #expect(validate.rule == .r10)
        #expect(validate.description == "the record's creator cannot validate it (R10)")
        #expect(AccessPolicy.check(creator, .review, on: Self.facts())?.description
            == "the record's creator cannot review it (R10)")
        // The reason alone, as `decide` has always given it.
        #expect(AccessPolicy.decide(creator, .validate, on: Self.facts()) == .refused("the record's creator cannot validate it"))
    }

    @Test("a transfer is answered by the receiving agency's CPC or deputy CPC, and proposed once at a time")
    func transfer() {
        let pending = Self.facts(pendingTransferTo: Self.other)
        #expect(AccessPolicy.check(Viewer(userID: 60, agencyID: Self.other, roles: [.cpc]), .answerTransfer,
                                   on: pending) == nil)
        #expect(AccessPolicy.check(Viewer(userID: 60, agencyID: Self.other, roles: [.deputyCPC]), .answerTransfer,
                                   on: pending) == nil)
        #expect(AccessPolicy.check(Viewer(userID: 60, agencyID: Self.other, roles: [.offenderManager, .supervisor]),
                                   .answerTransfer, on: pending)?.reason
            == "only the receiving agency's CPC or deputy CPC answers a transfer")
        #expect(AccessPolicy.check(Viewer(userID: 60, agencyID: Self.owner, roles: [.cpc]), .answerTransfer,
                                   on: pending)?.reason == "only the receiving agency's CPC or deputy CPC answers a transfer")
        #expect(AccessPolicy.check(Viewer(userID: 60, agencyID: Self.owner, roles: [.cpc]), .transfer, on: pending)?.reason
            == "a transfer of this record is already pending: it is answered first")
    }

    @Test("releasing an entry needs both permissions; the first refusal is given")
    func combined() {
        let partner = Viewer(userID: 60, agencyID: Self.partner, roles: [.partnerUser])
        #expect(AccessPolicy.check(partner, [.addEntry], on: Self.facts()) == nil)
        #expect(AccessPolicy.check(partner, [.addEntry, .releaseEntry], on: Self.facts())?.reason
            == "only the owner agency releases entries to restricted partners")
        #expect(EntryDraft(kind: "note", text: "x", released: true).requiredPermissions == [.addEntry, .releaseEntry])
        #expect(EntryDraft(kind: "note", text: "x").requiredPermissions == [.addEntry])
    }

    @Test("any signed-in user with a working role may create a nominal; an SPO and the operator may not")
    func create() {
        #expect(AccessPolicy.checkCreate(Viewer(userID: 1, agencyID: 1, roles: [.trainer])) == nil)
        #expect(AccessPolicy.checkCreate(Viewer(userID: 1, agencyID: 1, roles: [.spo, .offenderManager])) == nil)
        #expect(AccessPolicy.checkCreate(Viewer(userID: 1, agencyID: 1, roles: [.spo]))?.reason
            == "a senior probation officer's access is read-only")
        #expect(AccessPolicy.checkCreate(.operator)?.reason == "a change needs a signed-in user (--as)")
    }

    @Test("an archived record is read-only; only the owner's CPC or deputy CPC unarchives it")
    func archived() {
        let archived = Self.facts(lifecycle: .archived)
        let cpc = Viewer(userID: 51, agencyID: Self.owner, roles: [.cpc])
        for permission in RecordPermission.allCases where permission != .withdrawRequest {
            #expect(AccessPolicy.check(cpc, permission, on: archived)?.reason == "the record is archived and read-only")
        }
        #expect(AccessPolicy.checkUnarchive(cpc, on: archived) == nil)
        #expect(AccessPolicy.checkUnarchive(Viewer(userID: 52, agencyID: Self.owner, roles: [.deputyCPC]),
                                            on: archived) == nil)
        #expect(AccessPolicy.checkUnarchive(Viewer(userID: 53, agencyID: Self.owner, roles: [.supervisor]),
                                            on: archived)?.reason
            == "only the owner's CPC or deputy CPC unarchives a record")
        #expect(AccessPolicy.checkUnarchive(Viewer(userID: 54, agencyID: Self.partner, roles: [.cpc]),
                                            on: archived) != nil)
        #expect(AccessPolicy.checkUnarchive(Viewer(userID: 55, agencyID: Self.owner, roles: [.spo]),
                                            on: archived)?.reason == "a senior probation officer's access is read-only")
        #expect(AccessPolicy.checkUnarchive(cpc, on: Self.facts())?.reason == "the record is not archived")
    }
}
