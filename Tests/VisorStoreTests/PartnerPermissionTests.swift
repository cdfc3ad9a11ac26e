import Foundation
import Testing
import VisorDomain
import VisorRegister
@testable import VisorStore

/// domain.md's permission matrix for partner steps, allowed and refused,
/// user by user; every refusal leaves the register as it was.
@Suite struct PartnerPermissionTests {
    /// The cast by user name.
    static func user(_ name: String, in register: PartnerRegister) -> User {
        [register.cpc, register.deputy, register.manager, register.otherOM, register.spo, register.admin,
         register.metOfficer, register.metCPC, register.metSPO, register.prisonOfficer, register.kssOM,
         register.kentOfficer].first { $0.username == name }!
    }

    /// A London nominal (managed by "om") with a pending request from the Met.
    static func pendingRequest() throws -> (PartnerRegister, NominalID, PartnerRequestID) {
        let (register, nominal) = try PartnerRegister.withNominal()
        let request = try register.database.requestPartnership(nominal: .id(nominal), reason: "MAPP level 2",
                                                               by: register.metOfficer)
        return (register, nominal, request.id)
    }

    @Test("the owner's CPC, deputy CPC and the nominal manager answer", arguments: ["cpc", "deputy", "om"])
    func answerAllowed(_ name: String) throws {
        let (register, _, request) = try Self.pendingRequest()
        let user = Self.user(name, in: register)
        #expect(try register.database.incomingRequests(for: user).first?.viewerMayAnswer == true)
        #expect(try register.database.pendingIncomingCount(for: user) == 1)
        let accepted = try register.database.acceptPartnerRequest(request, restricted: false, by: user)
        #expect(accepted.state == .accepted && accepted.decidedBy?.username == name)

        let (second, _, other) = try Self.pendingRequest()
        let declined = try second.database.declinePartnerRequest(other, reason: "not needed",
                                                                 by: Self.user(name, in: second))
        #expect(declined.state == .declined)
    }

    @Test("no one else answers", arguments: [
        ("om2", "only the owner's CPC, deputy CPC or the nominal manager answers partner requests"),
        ("root", "only the owner's CPC, deputy CPC or the nominal manager answers partner requests"),
        ("spo", "a senior probation officer's access is read-only"),
        ("police", "only the owner agency answers partner requests"),
        ("metcpc", "only the owner agency answers partner requests"),
    ])
    func answerRefused(_ name: String, _ reason: String) throws {
        let (register, _, request) = try Self.pendingRequest()
        let user = Self.user(name, in: register)
        let before = try register.partnerState()
        let audited = try register.audit().count
        #expect(refusal { try register.database.acceptPartnerRequest(request, restricted: false, by: user) } == reason)
        #expect(refusal { try register.database.declinePartnerRequest(request, reason: "no", by: user) } == reason)
        #expect(try register.partnerState() == before)
        let after = try register.audit()
        #expect(after.count == audited + 2, "a refused step changes nothing but is audited")
        #expect(after.suffix(2).allSatisfy { $0.action == "refused" })
        #expect(try register.database.pendingIncomingCount(for: user) == 0)
    }

    @Test("an agency that is neither requester nor owner is told the request does not exist")
    func answerUnseen() throws {
        let (register, _, request) = try Self.pendingRequest()
        let kent = Self.user("kent", in: register)
        let before = try register.partnerState()
        let message = "no partner request \(request) on the register"
        #expect(unseen { try register.database.acceptPartnerRequest(request, restricted: false, by: kent) } == message)
        #expect(unseen { try register.database.declinePartnerRequest(request, reason: "no", by: kent) } == message)
        #expect(unseen { try register.database.withdrawPartnerRequest(request, by: kent) } == message)
        #expect(try register.partnerState() == before)
    }

    @Test("any other agency's user with a working role requests",
          arguments: ["police", "metcpc", "prison", "kssom", "kent"])
    func requestAllowed(_ name: String) throws {
        let (register, nominal) = try PartnerRegister.withNominal()
        let request = try register.database.requestPartnership(nominal: .id(nominal), reason: "why not",
                                                               by: Self.user(name, in: register))
        #expect(request.state == .pending && request.requestedBy?.username == name)
    }

    @Test func requestRefused() throws {
        let (register, nominal) = try PartnerRegister.withNominal()
        let database = register.database
        let before = try register.partnerState()
        #expect(refusal { try database.requestPartnership(nominal: .id(nominal), reason: "x", by: register.metSPO) }
            == "a senior probation officer's access is read-only")
        #expect(refusal { try database.requestPartnership(nominal: .id(nominal), reason: "x", by: register.cpc) }
            == "your agency owns this record")
        #expect(try register.partnerState() == before)

        let first = try database.requestPartnership(nominal: .id(nominal), reason: "first", by: register.metOfficer)
        #expect(refusal { try database.requestPartnership(nominal: .id(nominal), reason: "again", by: register.metCPC) }
            == "a request from your agency is already pending on nominal \(nominal) (request \(first.id), "
            + "made by Pat Quinn (police) at 10:30 on 2026-11-25)")
        _ = try database.acceptPartnerRequest(first.id, restricted: true, by: register.cpc)
        #expect(refusal { try database.requestPartnership(nominal: .id(nominal), reason: "x", by: register.metCPC) }
            == "your agency is already a partner")
    }

    @Test("the requesting agency's users withdraw", arguments: ["police", "metcpc"])
    func withdrawAllowed(_ name: String) throws {
        let (register, _, request) = try Self.pendingRequest()
        let withdrawn = try register.database.withdrawPartnerRequest(request, by: Self.user(name, in: register))
        #expect(withdrawn.state == .withdrawn && withdrawn.decidedBy?.username == name)
    }

    @Test("no one else withdraws", arguments: [
        ("metspo", "a senior probation officer's access is read-only"),
        ("cpc", "only users of Metropolitan Police Service, which made request 1, may withdraw it"),
    ])
    func withdrawRefused(_ name: String, _ reason: String) throws {
        let (register, _, request) = try Self.pendingRequest()
        let before = try register.partnerState()
        #expect(refusal { try register.database.withdrawPartnerRequest(request, by: Self.user(name, in: register)) }
            == reason)
        #expect(try register.partnerState() == before)
    }

    @Test("owner staff with a working role add and end partners", arguments: ["cpc", "deputy", "om", "om2", "root"])
    func addAndEndAllowed(_ name: String) throws {
        let (register, nominal) = try PartnerRegister.withNominal()
        let user = Self.user(name, in: register)
        let added = try register.database.addPartner(nominal: .id(nominal), agency: register.met.id, restricted: false,
                                                     by: user)
        #expect(added.state == .active && added.changedBy?.username == name)
        let ended = try register.database.endPartnership(nominal: .id(nominal), agency: register.met.id,
                                                         reason: "done", by: user)
        #expect(ended.state == .ended && ended.changedBy?.username == name)
    }

    @Test("no one else adds or ends partners", arguments: [
        ("spo", "a senior probation officer's access is read-only"),
        ("police", "only the owner agency may do this"),
        ("prison", "unseen"),
        ("kent", "unseen"),
    ])
    func addAndEndRefused(_ name: String, _ reason: String) throws {
        let (register, nominal) = try PartnerRegister.withNominal()
        // The Met is already a partner: even a partner may not change who the partners are.
        _ = try register.database.addPartner(nominal: .id(nominal), agency: register.met.id, restricted: false,
                                             by: register.cpc)
        let user = Self.user(name, in: register)
        let before = try register.partnerState()
        // An agency that may not see the record is told it does not exist, and who owns it is not said.
        let read: (() throws -> PartnershipView) -> String? = reason == "unseen" ? { unseen($0) } : { refusal($0) }
        let expected = reason == "unseen" ? "no nominal \(nominal) on the register" : reason
        #expect(read {
            try register.database.addPartner(nominal: .id(nominal), agency: register.belmarsh.id, restricted: false,
                                             by: user)
        } == expected)
        #expect(read {
            try register.database.endPartnership(nominal: .id(nominal), agency: register.met.id, reason: "x", by: user)
        } == expected)
        #expect(try register.partnerState() == before)
    }

    @Test func addRefusesTheOwnerAndAnExistingPartner() throws {
        let (register, nominal) = try PartnerRegister.withNominal()
        #expect(refusal {
            try register.database.addPartner(nominal: .id(nominal), agency: register.london.id, restricted: false,
                                             by: register.cpc)
        } == "London owns nominal \(nominal); an owner is not made its own partner")
        _ = try register.database.addPartner(nominal: .id(nominal), agency: register.met.id, restricted: true,
                                             by: register.cpc)
        #expect(refusal {
            try register.database.addPartner(nominal: .id(nominal), agency: register.met.id, restricted: false,
                                             by: register.cpc)
        } == "Metropolitan Police Service is already a restricted partner on nominal \(nominal); "
            + "end that partnership first to change it")
    }

    @Test func archivedRecordsAreReadOnlyButRequestsMayBeWithdrawn() throws {
        let register = try PartnerRegister()
        let archived = try register.nominal(lifecycle: "archived")
        #expect(refusal {
            try register.database.requestPartnership(nominal: .id(archived), reason: "x", by: register.metOfficer)
        } == "the record is archived and read-only")
        let live = try register.nominal(crn: "X100002")
        let request = try register.database.requestPartnership(nominal: .id(live), reason: "x", by: register.metOfficer)
        try register.database.write { db in
            try db.execute(sql: "UPDATE nominal SET lifecycle = 'archived' WHERE id = ?", arguments: [live])
        }
        #expect(refusal { try register.database.acceptPartnerRequest(request.id, restricted: false, by: register.cpc) }
            == "the record is archived and read-only")
        #expect(try register.database.withdrawPartnerRequest(request.id, by: register.metOfficer).state == .withdrawn)
    }

    @Test func aDisabledAccountIsRefused() throws {
        let (register, _, request) = try Self.pendingRequest()
        try register.database.write { db in
            try db.execute(sql: "UPDATE user_account SET active = 0 WHERE id = ?", arguments: [register.cpc.id])
        }
        #expect(refusal { try register.database.acceptPartnerRequest(request, restricted: false, by: register.cpc) }
            == "the account cpc is disabled: ask your account creator")
    }

    @Test func rolesAreReadAgainAtEachStep() throws {
        let (register, _, request) = try Self.pendingRequest()
        // The CPC role was revoked after this user signed in.
        try register.database.write { db in
            try db.execute(sql: "UPDATE user_role SET revoked_on = ? WHERE user_id = ? AND role = 'cpc'",
                           arguments: [PartnerRegister.today, register.cpc.id])
        }
        #expect(refusal { try register.database.acceptPartnerRequest(request, restricted: false, by: register.cpc) }
            == "only the owner's CPC, deputy CPC or the nominal manager answers partner requests")
    }

    /// The store applies the same matrix as `AccessPolicy.decide`, for every user of the cast.
    @Test func storeAgreesWithAccessPolicy() throws {
        let names = ["cpc", "deputy", "om", "om2", "spo", "root", "police", "metcpc", "metspo", "prison", "kssom", "kent"]
        for name in names {
            let (register, nominal, request) = try Self.pendingRequest()
            let user = Self.user(name, in: register)
            let facts = RecordFacts(nominalID: nominal, ownerAgencyID: register.london.id,
                                    managerUserID: register.manager.id, createdByUserID: nil, partners: [:],
                                    lifecycle: .active)
            let expected = AccessPolicy.decide(Viewer(user: user), .answerRequest, on: facts).isAllowed
            let answered = storeFailure { try register.database.acceptPartnerRequest(request, restricted: false, by: user) }
            #expect((answered == nil) == expected, "\(name) answering")
            let expectedAdd = AccessPolicy.decide(Viewer(user: user), .addPartner, on: facts).isAllowed
            let added = storeFailure {
                try register.database.addPartner(nominal: .id(nominal), agency: register.kent.id, restricted: false,
                                                 by: user)
            }
            #expect((added == nil) == expectedAdd, "\(name) adding")
        }
    }
}
