import Foundation
import Testing
@testable import VisorDomain

private let ownerAgency: AgencyID = 1
private let partnerAgency: AgencyID = 2
private let restrictedPartnerAgency: AgencyID = 3
private let otherAgency: AgencyID = 4
private let managerUserID: UserID = 11

/// domain.md's "Who may see and do what", as pure functions.
@Suite("Access policy")
struct AccessPolicyTests {
    // Agencies.
    static let owner = ownerAgency
    static let partner = partnerAgency
    static let restrictedPartner = restrictedPartnerAgency
    static let other = otherAgency

    // Users.
    static let creatorID: UserID = 10
    static let managerID = managerUserID

    static func facts(lifecycle: Lifecycle = .active, manager: UserID? = managerID,
                      partners: [AgencyID: Bool] = [partner: false, restrictedPartner: true]) -> RecordFacts {
        RecordFacts(nominalID: 100, ownerAgencyID: owner, managerUserID: manager, createdByUserID: creatorID,
                    partners: partners, lifecycle: lifecycle)
    }

    static func viewer(_ id: UserID = 50, at agency: AgencyID, _ roles: Set<Role>) -> Viewer {
        Viewer(userID: id, agencyID: agency, roles: roles)
    }

    static func allowed(_ viewer: Viewer, _ permission: RecordPermission, on facts: RecordFacts = facts()) -> Bool {
        AccessPolicy.decide(viewer, permission, on: facts).isAllowed
    }

    static func reason(_ viewer: Viewer, _ permission: RecordPermission, on facts: RecordFacts = facts()) -> String? {
        if case .refused(let reason) = AccessPolicy.decide(viewer, permission, on: facts) { return reason }
        return nil
    }

    /// What `viewer` sees of the record found by a search, then by an exact match.
    static func seen(by viewer: Viewer, in facts: RecordFacts = facts()) -> [RecordAccess] {
        [AccessPolicy.access(viewer, to: facts, exactMatch: false), AccessPolicy.access(viewer, to: facts, exactMatch: true)]
    }

    // MARK: What each viewer sees

    @Test("owner staff see the whole record, however it was found", arguments: [
        Set([Role.offenderManager]), [.supervisor], [.cpc], [.administrator], [.spo], [.spo, .supervisor],
    ])
    func ownerSeesAll(roles: Set<Role>) {
        #expect(Self.seen(by: Self.viewer(at: Self.owner, roles)) == [.full, .full])
    }

    @Test("a partner sees the whole record, a restricted partner the restricted view")
    func partners() {
        let full = Self.viewer(at: Self.partner, [.partnerUser])
        let restricted = Self.viewer(at: Self.restrictedPartner, [.partnerUser])
        #expect(AccessPolicy.access(full, to: Self.facts(), exactMatch: false) == .full)
        #expect(AccessPolicy.access(restricted, to: Self.facts(), exactMatch: false) == .restricted)
        #expect(AccessPolicy.access(restricted, to: Self.facts(), exactMatch: true) == .restricted)
        // A partner agency's SPO sees what the agency sees, read-only.
        #expect(AccessPolicy.access(Self.viewer(at: Self.partner, [.spo]), to: Self.facts(), exactMatch: false) == .full)
    }

    @Test("another agency's working-role user sees a stub only on an exact match", arguments: [
        Set([Role.offenderManager]), [.partnerUser], [.cpc], [.supervisor], [.trainer], [.spo, .offenderManager],
    ])
    func stubOnlyOnExactMatch(roles: Set<Role>) {
        #expect(Self.seen(by: Self.viewer(at: Self.other, roles)) == [.none, .stub])
    }

    @Test("an SPO of another agency gets no stub, even on an exact match")
    func spoNoStub() {
        #expect(Self.seen(by: Self.viewer(at: Self.other, [.spo])) == [.none, .none])
    }

    @Test("an ended partnership (no longer in the facts) gives only what any other agency gets")
    func endedPartnership() {
        #expect(Self.seen(by: Self.viewer(at: Self.partner, [.partnerUser]), in: Self.facts(partners: [:])) == [.none, .stub])
    }

    @Test("the operator sees every record in full")
    func operatorSees() {
        #expect(AccessPolicy.access(.operator, to: Self.facts(), exactMatch: false) == .full)
        #expect(AccessPolicy.access(.operator, to: Self.facts(lifecycle: .archived), exactMatch: false) == .full)
    }

    @Test("archived records are still shown to those who could see them")
    func archivedVisible() {
        let archived = Self.facts(lifecycle: .archived)
        #expect(AccessPolicy.access(Self.viewer(at: Self.owner, [.offenderManager]), to: archived,
                                    exactMatch: false) == .full)
        #expect(AccessPolicy.access(Self.viewer(at: Self.restrictedPartner, [.partnerUser]), to: archived,
                                    exactMatch: false) == .restricted)
    }

    @Test("access levels order none < stub < restricted < full")
    func accessOrder() {
        #expect(RecordAccess.none < .stub && RecordAccess.stub < .restricted && RecordAccess.restricted < .full)
        #expect([RecordAccess.full, .none, .restricted, .stub].sorted() == [.none, .stub, .restricted, .full])
    }

    // MARK: What each viewer may change

    @Test("the owner's staff change core data, entries and partners")
    func ownerChanges() {
        let staff = Self.viewer(at: Self.owner, [.offenderManager])
        for permission: RecordPermission in [.editCore, .addEntry, .addPartner, .endPartner] {
            #expect(Self.allowed(staff, permission), "\(permission)")
        }
    }

    @Test("an SPO changes nothing, wherever they are",
          arguments: [ownerAgency, partnerAgency, restrictedPartnerAgency, otherAgency])
    func spoChangesNothing(agency: AgencyID) {
        let spo = Self.viewer(at: agency, [.spo])
        for permission in RecordPermission.allCases {
            #expect(Self.reason(spo, permission) == "a senior probation officer's access is read-only",
                    "\(permission)")
        }
    }

    @Test("the operator sees everything but may change nothing")
    func operatorChangesNothing() {
        for permission in RecordPermission.allCases {
            #expect(Self.reason(.operator, permission) == "a change needs a signed-in user (--as)", "\(permission)")
        }
    }

    @Test("partners add entries but change neither core data nor partners")
    func partnerChanges() {
        for agency in [Self.partner, Self.restrictedPartner] {
            let user = Self.viewer(at: agency, [.partnerUser, .cpc])
            #expect(Self.allowed(user, .addEntry))
            #expect(Self.reason(user, .editCore) == "only the owner agency may do this")
            #expect(!Self.allowed(user, .addPartner))
            #expect(!Self.allowed(user, .endPartner))
            #expect(!Self.allowed(user, .answerRequest))
            #expect(!Self.allowed(user, .validate))
        }
    }

    @Test("another agency may only ask to become a partner")
    func otherAgencyChanges() {
        let user = Self.viewer(at: Self.other, [.offenderManager, .cpc, .supervisor])
        #expect(Self.allowed(user, .requestPartnership))
        for permission: RecordPermission in [.editCore, .addEntry, .addPartner, .endPartner, .answerRequest, .validate] {
            #expect(!Self.allowed(user, permission), "\(permission)")
        }
    }

    /// One user asked to answer a partner request, and whether they may.
    struct Answerer: Sendable, CustomTestStringConvertible {
        var agency: AgencyID
        var roles: Set<Role>
        var userID: UserID = 50
        var allowed: Bool

        var testDescription: String {
            "agency \(agency), \(roles.map(\.rawValue).sorted()), user \(userID): \(allowed ? "allowed" : "refused")"
        }
    }

    @Test("partner requests are answered by the owner's CPC, deputy CPC or the nominal manager", arguments: [
        Answerer(agency: ownerAgency, roles: [.cpc], allowed: true),
        Answerer(agency: ownerAgency, roles: [.deputyCPC], allowed: true),
        Answerer(agency: ownerAgency, roles: [.offenderManager], userID: managerUserID, allowed: true),
        Answerer(agency: ownerAgency, roles: [.offenderManager], allowed: false),
        Answerer(agency: ownerAgency, roles: [.supervisor], allowed: false),
        Answerer(agency: ownerAgency, roles: [.administrator], allowed: false),
        Answerer(agency: partnerAgency, roles: [.cpc], allowed: false),
        Answerer(agency: otherAgency, roles: [.deputyCPC], allowed: false),
        Answerer(agency: otherAgency, roles: [.offenderManager], userID: managerUserID, allowed: false),
    ])
    func answerRequest(answerer: Answerer) {
        let viewer = Self.viewer(answerer.userID, at: answerer.agency, answerer.roles)
        #expect(Self.allowed(viewer, .answerRequest) == answerer.allowed)
    }

    @Test("with no nominal manager, only the CPC and deputy answer")
    func answerWithoutManager() {
        let facts = Self.facts(manager: nil)
        #expect(!Self.allowed(Self.viewer(Self.managerID, at: Self.owner, [.offenderManager]), .answerRequest,
                              on: facts))
        #expect(Self.allowed(Self.viewer(at: Self.owner, [.cpc]), .answerRequest, on: facts))
    }

    @Test("the owner's supervisor validates, unless they created the record")
    func validate() {
        #expect(Self.allowed(Self.viewer(at: Self.owner, [.supervisor]), .validate))
        #expect(Self.reason(Self.viewer(Self.creatorID, at: Self.owner, [.supervisor]), .validate)
            == "the record's creator cannot validate it")
        #expect(!Self.allowed(Self.viewer(at: Self.owner, [.offenderManager, .cpc]), .validate))
        #expect(!Self.allowed(Self.viewer(at: Self.partner, [.supervisor]), .validate))
        #expect(!Self.allowed(Self.viewer(at: Self.other, [.supervisor]), .validate))
    }

    @Test("a partnership may not be requested by the owner or an existing partner")
    func requestPartnership() {
        #expect(Self.reason(Self.viewer(at: Self.owner, [.offenderManager]), .requestPartnership)
            == "your agency owns this record")
        #expect(Self.reason(Self.viewer(at: Self.partner, [.partnerUser]), .requestPartnership)
            == "your agency is already a partner")
        #expect(Self.reason(Self.viewer(at: Self.restrictedPartner, [.partnerUser]), .requestPartnership)
            == "your agency is already a partner")
        #expect(Self.allowed(Self.viewer(at: Self.other, [.partnerUser]), .requestPartnership))
    }

    @Test("an archived record refuses every change to it", arguments: [ownerAgency, partnerAgency, otherAgency])
    func archivedRefuses(agency: AgencyID) {
        let archived = Self.facts(lifecycle: .archived)
        let viewer = Self.viewer(Self.managerID, at: agency, [.offenderManager, .cpc, .supervisor])
        for permission in RecordPermission.allCases where permission != .withdrawRequest {
            #expect(Self.reason(viewer, permission, on: archived) == "the record is archived and read-only",
                    "\(permission)")
        }
    }

    @Test("a viewer made from a user carries the user's id, agency and roles")
    func viewerFromUser() {
        let user = User(id: 7, username: "jbloggs", fullName: "Jo Bloggs", agencyID: Self.owner,
                        roles: [.supervisor, .spo], createdAt: Date(timeIntervalSince1970: 0))
        let viewer = Viewer(user: user)
        #expect(viewer.userID == 7)
        #expect(viewer.agencyID == Self.owner)
        #expect(viewer.roles == [.supervisor, .spo])
        #expect(!viewer.isOperator)
        #expect(viewer.hasWorkingRole)
        #expect(!Viewer(user: User(id: 8, username: "spo", fullName: "S P O", agencyID: 1, roles: [.spo],
                                   createdAt: Date(timeIntervalSince1970: 0))).hasWorkingRole)
        #expect(Viewer.operator.isOperator)
    }
}
