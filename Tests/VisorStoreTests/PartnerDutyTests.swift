import Foundation
import Testing
import VisorDomain
import VisorRegister
@testable import VisorStore

/// The partner R5 or R6 wants, which one key of the application adds.
@Suite struct PartnerDutyTests {
    @Test func r6WantsTheHomeForce() throws {
        let register = try PartnerRegister()
        let nominal = try register.nominal(category: 2, level: 2, homeForce: register.kent)
        let wanted = try #require(try register.database.dutyPartner(for: nominal))
        #expect(wanted.name == "Kent Police")
        _ = try register.database.addPartner(nominal: .id(nominal), agency: wanted.id, restricted: false,
                                             reason: "R6", by: register.otherOM)
        #expect(try register.database.dutyPartner(for: nominal) == nil, "met by the partnership")
    }

    @Test func r6IsMetByAnyPoliceForce() throws {
        let register = try PartnerRegister()
        let nominal = try register.nominal(category: 2, level: 3, homeForce: register.kent)
        _ = try register.database.addPartner(nominal: .id(nominal), agency: register.met.id, restricted: true,
                                             by: register.cpc)
        #expect(try register.database.dutyPartner(for: nominal) == nil)
    }

    @Test func r5WantsTheSupervisingArea() throws {
        let register = try PartnerRegister()
        for orderType in ["licence", "community_order"] {
            let nominal = try register.nominal(crn: nil, owner: register.met, manager: register.metOfficer, category: 1,
                                               level: 2, orderType: orderType, probationArea: register.kss)
            #expect(try register.database.dutyPartner(for: nominal)?.name == "Kent, Surrey and Sussex")
        }
    }

    @Test func noDutyOtherwise() throws {
        let register = try PartnerRegister()
        let cases: [NominalID] = [
            try register.nominal(crn: nil, category: 2, level: 1),
            try register.nominal(crn: nil, category: 3, level: 2),
            try register.nominal(crn: nil, category: 2, level: 2, lifecycle: "archived"),
            try register.nominal(crn: nil, owner: register.met, manager: register.metOfficer, category: 1, level: 2,
                                 orderType: "none", probationArea: register.kss),
            // R5 applies but the supervising area is not recorded.
            try register.nominal(crn: nil, owner: register.met, manager: register.metOfficer, category: 1, level: 2),
        ]
        for nominal in cases { #expect(try register.database.dutyPartner(for: nominal) == nil, "nominal \(nominal)") }
        #expect(storeFailure { try register.database.dutyPartner(for: 999) } == .badInput("no nominal 999 on the register"))
    }
}
