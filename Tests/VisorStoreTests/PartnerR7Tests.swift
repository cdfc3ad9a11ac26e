import Foundation
import Testing
import VisorDomain
import VisorRegister
@testable import VisorStore

/// R7: probation is not made a partner on a category 1 level 1 nominal —
/// refused on request, on add and on accept, with the rule's reason.
@Suite struct PartnerR7Tests {
    @Test func probationMayNotRequestOnCategory1Level1() throws {
        let register = try PartnerRegister()
        let nominal = try register.nominal(owner: register.met, manager: register.metCPC, category: 1, level: 1)
        let before = try register.partnerState()
        let message = try #require(refusal {
            try register.database.requestPartnership(nominal: .id(nominal), reason: "supervision", by: register.kssOM)
        })
        #expect(message.hasSuffix(R7ProbationOnCategory1Level1.reason))
        #expect(message.hasPrefix("Kent, Surrey and Sussex may not request partnership on nominal \(nominal)"))
        #expect(try register.partnerState() == before)
        // Police and prisons are not concerned by R7.
        #expect(try register.database.requestPartnership(nominal: .id(nominal), reason: "custody",
                                                         by: register.prisonOfficer).state == .pending)
    }

    @Test func probationMayNotBeAddedOnCategory1Level1() throws {
        let register = try PartnerRegister()
        let nominal = try register.nominal(owner: register.met, manager: register.metCPC, category: 1, level: 1)
        for area in [register.london, register.kss] {
            let message = try #require(refusal {
                try register.database.addPartner(nominal: .id(nominal), agency: area.id, restricted: true,
                                                 by: register.metOfficer)
            })
            #expect(message == "\(area.name) may not be made a partner on nominal \(nominal): "
                + R7ProbationOnCategory1Level1.reason)
        }
        #expect(try register.partnerState().isEmpty)
        #expect(try register.database.addPartner(nominal: .id(nominal), agency: register.belmarsh.id, restricted: false,
                                                 by: register.metOfficer).state == .active)
    }

    @Test func acceptChecksR7AgainAfterALevelChange() throws {
        let register = try PartnerRegister()
        let nominal = try register.nominal(owner: register.met, manager: register.metOfficer, category: 1, level: 2)
        let request = try register.database.requestPartnership(nominal: .id(nominal), reason: "licence",
                                                               by: register.kssOM)
        try register.setMAPPA(nominal, category: 1, level: 1)
        let before = try register.partnerState()
        let message = try #require(refusal {
            try register.database.acceptPartnerRequest(request.id, restricted: true, by: register.metCPC)
        })
        #expect(message.contains(R7ProbationOnCategory1Level1.reason))
        #expect(try register.partnerState() == before)
        let declined = try register.database.declinePartnerRequest(request.id, reason: R7ProbationOnCategory1Level1.reason,
                                                                   by: register.metCPC)
        #expect(declined.state == .declined)
    }
}
