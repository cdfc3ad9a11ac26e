import Foundation
import Testing
import VisorDomain
import VisorRegister
@testable import VisorStore

/// Every partner step leaves one line in the append-only audit trail: who,
/// which record, what.
@Suite struct PartnerAuditTests {
    @Test func everyStepIsAudited() throws {
        let (register, nominal) = try PartnerRegister.withNominal()
        let database = register.database
        _ = try database.findNominals(.crn(CRN(parsing: "X100001")), for: register.metOfficer)
        let first = try database.requestPartnership(nominal: .id(nominal), reason: "MAPP", by: register.metOfficer)
        _ = try database.withdrawPartnerRequest(first.id, by: register.metCPC)
        let second = try database.requestPartnership(nominal: .id(nominal), reason: "MAPP again", by: register.metOfficer)
        _ = try database.declinePartnerRequest(second.id, reason: "Not yet", by: register.deputy)
        let third = try database.requestPartnership(nominal: .id(nominal), reason: "Level 2 now", by: register.metOfficer)
        _ = try database.acceptPartnerRequest(third.id, restricted: true, by: register.manager)
        _ = try database.addPartner(nominal: .id(nominal), agency: register.belmarsh.id, restricted: false,
                                    by: register.otherOM)
        _ = try database.endPartnership(nominal: .id(nominal), agency: register.met.id, reason: "Deregistered",
                                        by: register.cpc)

        let trail = try register.audit().filter { $0.nominal == nominal }
        let steps = trail.map { "\($0.action) \($0.user ?? 0) \($0.detail)" }
        #expect(steps == [
            "view_stub \(register.metOfficer.id) partners find by crn X100001",
            "request_partnership \(register.metOfficer.id) request \(first.id) from Metropolitan Police Service to London: MAPP",
            "withdraw_request \(register.metCPC.id) request \(first.id) from Metropolitan Police Service withdrawn",
            "request_partnership \(register.metOfficer.id) request \(second.id) from Metropolitan Police Service to London: MAPP again",
            "decline_request \(register.deputy.id) request \(second.id) from Metropolitan Police Service declined: Not yet",
            "request_partnership \(register.metOfficer.id) request \(third.id) from Metropolitan Police Service to London: Level 2 now",
            "accept_request \(register.manager.id) request \(third.id) from Metropolitan Police Service accepted as restricted partner",
            "add_partner \(register.otherOM.id) HMP Belmarsh made full partner",
            "end_partner \(register.cpc.id) Metropolitan Police Service partnership ended: Deregistered",
        ])
        // The trail is append-only.
        #expect(storeFailure { try database.write { db in try db.execute(sql: "DELETE FROM audit_event") } } != nil)
    }

    @Test("A refused step changes nothing, and the refusal itself is audited, saying why")
    func aRefusedStepChangesNothingButIsAudited() throws {
        let register = try PartnerRegister()
        let nominal = try register.nominal(owner: register.met, manager: register.metOfficer, category: 1, level: 1)
        let before = try register.audit()
        _ = refusal { try register.database.requestPartnership(nominal: .id(nominal), reason: "x", by: register.kssOM) }
        _ = refusal { try register.database.requestPartnership(nominal: .id(nominal), reason: "x", by: register.metSPO) }
        let added = Array(try register.audit().dropFirst(before.count))
        #expect(added.count == 2)
        #expect(added.allSatisfy { $0.action == "refused" && $0.detail.hasPrefix("partners request: refused") }, "\(added)")
        #expect(try register.partnerState().isEmpty)
    }
}
