import Foundation
import Testing
import VisorDomain
import VisorRegister
@testable import VisorStore

/// The partner request's life: asked, then accepted (full or restricted),
/// declined with a reason, or withdrawn; a partnership ended with a reason.
@Suite struct PartnerLifecycleTests {
    @Test func requestThenAcceptAsFullPartner() throws {
        let (register, nominal) = try PartnerRegister.withNominal()
        let database = register.database
        let asked = try database.requestPartnership(nominal: .crn(CRN(parsing: "X100001")), reason: "MAPP level 2",
                                                    by: register.metOfficer)
        #expect(asked.state == .pending)
        #expect(asked.nominalID == nominal)
        #expect(asked.crn == nil, "the requester may not see the record yet")
        #expect(asked.requestingAgency.name == "Metropolitan Police Service")
        #expect(asked.ownerAgency.name == "London")
        #expect(asked.requestedBy?.username == "police")
        #expect(asked.requestedOn == PartnerRegister.today)
        // Requested on Wednesday 25 November 2026: three working days later is Monday 30 November.
        #expect(asked.due == LocalDate(year: 2026, month: 11, day: 30))
        #expect(asked.ageDays == 0)
        #expect(asked.decidedBy == nil && asked.decidedAt == nil && asked.decisionReason == nil)
        #expect(asked.reason == "MAPP level 2")
        #expect(asked.viewerMayWithdraw && !asked.viewerMayAnswer)

        let accepted = try database.acceptPartnerRequest(asked.id, restricted: false, by: register.cpc)
        #expect(accepted.state == .accepted)
        #expect(!accepted.restricted)
        #expect(accepted.decidedBy?.username == "cpc")
        #expect(accepted.decidedAt == PartnerRegister.clock.now())
        #expect(accepted.crn?.canonical == "X100001")

        let seenByRequester = try #require(try database.partnerRequests(for: register.metOfficer).first)
        #expect(seenByRequester.crn?.canonical == "X100001", "a partner now sees the record")
        let visible = try #require(try register.visible(to: register.metOfficer), "expected the whole record")
        #expect(visible.access == .full && visible.partner)
    }

    @Test func acceptAsRestrictedPartner() throws {
        let (register, nominal) = try PartnerRegister.withNominal()
        let asked = try register.database.requestPartnership(nominal: .id(nominal), reason: "release planning",
                                                             by: register.prisonOfficer)
        let accepted = try register.database.acceptPartnerRequest(asked.id, restricted: true, by: register.deputy)
        #expect(accepted.state == .accepted && accepted.restricted)
        let visible = try #require(try register.visible(to: register.prisonOfficer), "expected a restricted view")
        #expect(visible.access == .restricted && visible.partner)
    }

    @Test func declineNeedsAReason() throws {
        let (register, nominal) = try PartnerRegister.withNominal()
        let asked = try register.database.requestPartnership(nominal: .id(nominal), reason: "intelligence",
                                                             by: register.kentOfficer)
        let before = try register.partnerState()
        #expect(storeFailure { try register.database.declinePartnerRequest(asked.id, reason: "  ", by: register.cpc) }
            == .badInput("declining a partner request needs a reason"))
        #expect(try register.partnerState() == before)

        let declined = try register.database.declinePartnerRequest(asked.id, reason: "Not in Kent's area",
                                                                   by: register.manager)
        #expect(declined.state == .declined)
        #expect(declined.decisionReason == "Not in Kent's area")
        #expect(declined.decidedBy?.fullName == "Olive Mason")
        #expect(try register.database.findNominals(.crn(CRN(parsing: "X100001")), for: register.kentOfficer)
            .allSatisfy { if case .stub = $0 { true } else { false } })
    }

    @Test func withdrawWhilePending() throws {
        let (register, nominal) = try PartnerRegister.withNominal()
        let asked = try register.database.requestPartnership(nominal: .id(nominal), reason: "duplicate",
                                                             by: register.metOfficer)
        let withdrawn = try register.database.withdrawPartnerRequest(asked.id, by: register.metCPC)
        #expect(withdrawn.state == .withdrawn)
        #expect(withdrawn.decidedBy?.username == "metcpc")
        #expect(refusal { try register.database.acceptPartnerRequest(asked.id, restricted: false, by: register.cpc) }?
            .contains("already withdrawn by Mel Carter (metcpc) at 10:30 on 2026-11-25") == true)
        // Withdrawn, the agency may ask again.
        let again = try register.database.requestPartnership(nominal: .id(nominal), reason: "second thoughts",
                                                             by: register.metOfficer)
        #expect(again.state == .pending && again.id != asked.id)
    }

    @Test func endPartnershipWithAReason() throws {
        let (register, nominal) = try PartnerRegister.withNominal()
        let database = register.database
        let asked = try database.requestPartnership(nominal: .id(nominal), reason: "MAPP", by: register.metOfficer)
        _ = try database.acceptPartnerRequest(asked.id, restricted: false, by: register.cpc)
        #expect(storeFailure {
            try database.endPartnership(nominal: .id(nominal), agency: register.met.id, reason: "", by: register.otherOM)
        } == .badInput("ending a partnership needs a reason"))

        let ended = try database.endPartnership(nominal: .id(nominal), agency: register.met.id,
                                                reason: "Deregistered", by: register.otherOM)
        #expect(ended.state == .ended)
        #expect(ended.agency.name == "Metropolitan Police Service")
        #expect(ended.changedBy?.username == "om2")
        #expect(ended.reason == "Deregistered")
        #expect(ended.crn?.canonical == "X100001")
        #expect(refusal {
            try database.endPartnership(nominal: .id(nominal), agency: register.met.id, reason: "again", by: register.cpc)
        } == "Metropolitan Police Service is not a partner on nominal \(nominal)")
        // Ended, the agency is back to a stub and may ask again.
        let found = try database.findNominals(.crn(CRN(parsing: "X100001")), for: register.metOfficer)
        guard case .stub? = found.first else { Issue.record("expected a stub after the end"); return }
        _ = try database.requestPartnership(nominal: .id(nominal), reason: "re-registered", by: register.metOfficer)
    }

    @Test func addThenEndFromTheOwnerSide() throws {
        let (register, nominal) = try PartnerRegister.withNominal()
        let added = try register.database.addPartner(nominal: .crn(CRN(parsing: "X100001")), agency: register.met.id,
                                                     restricted: true, reason: "R6", by: register.manager)
        #expect(added.state == .active && added.restricted)
        #expect(added.changedBy?.username == "om")
        #expect(added.changedAt == PartnerRegister.clock.now())
        #expect(added.reason == "R6")
        let ended = try register.database.endPartnership(nominal: .id(nominal), agency: register.met.id,
                                                         reason: "Moved away", by: register.cpc)
        #expect(ended.state == .ended && ended.restricted && ended.changedBy?.username == "cpc")
    }

    @Test func addingAnAgencyThatAskedAnswersItsRequest() throws {
        let (register, nominal) = try PartnerRegister.withNominal()
        let asked = try register.database.requestPartnership(nominal: .id(nominal), reason: "R6 duty",
                                                             by: register.metOfficer)
        // Another owner user without the power to answer may not settle the request this way.
        let before = try register.partnerState()
        #expect(refusal {
            try register.database.addPartner(nominal: .id(nominal), agency: register.met.id, restricted: false,
                                             by: register.otherOM)
        }?.contains("request \(asked.id)") == true)
        #expect(try register.partnerState() == before)

        _ = try register.database.addPartner(nominal: .id(nominal), agency: register.met.id, restricted: false,
                                             by: register.cpc)
        let request = try #require(try register.database.partnerRequests(for: register.cpc).first)
        #expect(request.state == .accepted && request.decidedBy?.username == "cpc")
        #expect(try register.database.pendingIncomingCount(for: register.cpc) == 0)
    }

    @Test func unknownThingsAreBadInput() throws {
        let register = try PartnerRegister()
        let database = register.database
        #expect(storeFailure { try database.requestPartnership(nominal: .id(999), reason: "x", by: register.metOfficer) }
            == .badInput("no nominal 999 on the register"))
        #expect(storeFailure {
            try database.requestPartnership(nominal: .crn(CRN(parsing: "X999999")), reason: "x", by: register.metOfficer)
        } == .badInput("no CRN X999999 on the register"))
        #expect(storeFailure { try database.acceptPartnerRequest(42, restricted: false, by: register.cpc) }
            == .badInput("no partner request 42 on the register"))
        #expect(storeFailure { try database.withdrawPartnerRequest(42, by: register.metOfficer) }
            == .badInput("no partner request 42 on the register"))
        let nominal = try register.nominal()
        #expect(storeFailure {
            try database.addPartner(nominal: .id(nominal), agency: 9999, restricted: false, by: register.cpc)
        } == .badInput("no agency 9999 on the register"))
        #expect(storeFailure {
            try database.requestPartnership(nominal: .id(nominal), reason: " ", by: register.metOfficer)
        } == .badInput("a partner request needs a reason"))
    }
}
