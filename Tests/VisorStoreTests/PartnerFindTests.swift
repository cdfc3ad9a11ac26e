import Foundation
import Testing
import VisorDomain
import VisorRegister
@testable import VisorStore

/// Finding a nominal to request: exact identifiers or surname and date of
/// birth; a stub shows its six fields and nothing else.
@Suite struct PartnerFindTests {
    static func register() throws -> (PartnerRegister, NominalID) {
        let register = try PartnerRegister()
        let nominal = try register.nominal(surname: "Wójcik", forenames: "Łukasz Jan", born: "1985-03-01",
                                           crn: "X100001", pnc: PNCID(year: 1979, serial: 163_001).canonical,
                                           noms: "A1234BC")
        return (register, nominal)
    }

    @Test func aStubHoldsExactlyItsSixFields() throws {
        let labels = Mirror(reflecting: NominalStub(nominalID: 1, surname: "", forenames: "",
                                                    dateOfBirth: PartnerRegister.today, ownerAgency: "", manager: nil))
            .children.map(\.label)
        #expect(labels == ["nominalID", "surname", "forenames", "dateOfBirth", "ownerAgency", "manager"])
        // The stub case of a result carries the stub alone.
        let result = FoundNominal.stub(NominalStub(nominalID: 1, surname: "", forenames: "",
                                                   dateOfBirth: PartnerRegister.today, ownerAgency: "", manager: nil))
        let payload = try #require(Mirror(reflecting: result).children.first)
        #expect(payload.label == "stub" && Mirror(reflecting: payload.value).children.count == 6)
    }

    @Test func anotherAgencyGetsAStubByEveryIdentifier() throws {
        let (register, nominal) = try Self.register()
        let lookups: [NominalLookup] = [
            .crn(try CRN(parsing: "X100001")), .pnc(try PNCID(parsing: "79/163001B", currentYear: 2026)),
            .pnc(try PNCID(parsing: "1979/0163001B", currentYear: 2026)), .noms(try NOMSNumber(parsing: "A1234BC")),
            .surname("wojcik", dateOfBirth: LocalDate(year: 1985, month: 3, day: 1)!),
            .surname("WÓJCIK", dateOfBirth: LocalDate(year: 1985, month: 3, day: 1)!),
        ]
        for lookup in lookups {
            let found = try register.database.findNominals(lookup, for: register.metOfficer)
            #expect(found == [.stub(NominalStub(nominalID: nominal, surname: "Wójcik", forenames: "Łukasz Jan",
                                                dateOfBirth: LocalDate(year: 1985, month: 3, day: 1)!,
                                                ownerAgency: "London", manager: "Olive Mason"))], "\(lookup)")
        }
    }

    @Test func theNameMatchesAsTheApplicationSearchDoes() throws {
        let (register, nominal) = try Self.register()
        let born = LocalDate(year: 1985, month: 3, day: 1)!
        for surname in ["wojcik", "Wój-cik", "wojcik jan", "Łukasz Wójcik", "lukasz jan wojcik"] {
            #expect(try register.database.findNominals(.surname(surname, dateOfBirth: born), for: register.kentOfficer)
                .map(\.nominalID) == [nominal], "\(surname)")
        }
        // A stub needs the person named whole: a prefix, a forename alone or one letter finds nothing…
        for surname in ["w", "wojc", "lukasz", "wojcik luk", "wojcikk"] {
            #expect(try register.database.findNominals(.surname(surname, dateOfBirth: born), for: register.kentOfficer)
                .isEmpty, "\(surname)")
        }
        // …while the owner, who sees the record, finds it as the application's search does.
        for surname in ["w", "wojc", "lukasz"] {
            #expect(try register.database.findNominals(.surname(surname, dateOfBirth: born), for: register.cpc)
                .map(\.nominalID) == [nominal], "\(surname)")
        }
        #expect(try register.database.findNominals(.surname("wojcik", dateOfBirth: born.adding(days: 1)),
                                                   for: register.kentOfficer).isEmpty)
        #expect(try register.database.findNominals(.surname("smith", dateOfBirth: born), for: register.kentOfficer)
            .isEmpty)
        #expect(storeFailure { try register.database.findNominals(.surname("--", dateOfBirth: born), for: register.cpc) }
            == .badInput("a surname with at least one letter is required"))
    }

    @Test func ownerAndPartnersSeeTheSummary() throws {
        let (register, nominal) = try Self.register()
        _ = try register.database.addPartner(nominal: .id(nominal), agency: register.belmarsh.id, restricted: true,
                                             by: register.cpc)
        let expected: [(User, RecordAccess)] = [(register.cpc, .full), (register.spo, .full),
                                                (register.prisonOfficer, .restricted)]
        for (user, access) in expected {
            let found = try register.database.findNominals(.crn(CRN(parsing: "X100001")), for: user)
            guard case .visible(let visible)? = found.first, found.count == 1 else {
                Issue.record("\(user.username) should see the record")
                continue
            }
            #expect(visible.stub.nominalID == nominal)
            #expect(visible.crn?.canonical == "X100001")
            #expect(visible.pncID?.canonical == "1979/0163001B")
            #expect(visible.category == .two && visible.level == .two)
            #expect(visible.partner)
            #expect(visible.access == access)
        }
    }

    @Test func anSPOGetsNoStubsOutsideTheirAgency() throws {
        let (register, _) = try Self.register()
        #expect(try register.database.findNominals(.crn(CRN(parsing: "X100001")), for: register.metSPO).isEmpty)
        #expect(try register.database.findNominals(.noms(NOMSNumber(parsing: "A1234BC")), for: register.metSPO).isEmpty)
    }

    @Test func findsAreAudited() throws {
        let (register, nominal) = try Self.register()
        _ = try register.database.findNominals(.crn(CRN(parsing: "X100001")), for: register.kentOfficer)
        _ = try register.database.findNominals(.crn(CRN(parsing: "X100001")), for: register.cpc)
        _ = try register.database.findNominals(.crn(CRN(parsing: "X999999")), for: register.cpc)
        let trail = try register.audit()
        #expect(trail.contains { $0.action == "view_stub" && $0.user == register.kentOfficer.id && $0.nominal == nominal })
        #expect(trail.contains { $0.action == "view_record" && $0.user == register.cpc.id && $0.nominal == nominal })
        #expect(trail.filter { $0.action == "search" }.map(\.detail) == [
            "partners find by crn X100001: 1 shown", "partners find by crn X100001: 1 shown",
            "partners find by crn X999999: 0 shown",
        ])
    }

    @Test func aNominalWithoutManagerShowsNull() throws {
        let register = try PartnerRegister()
        _ = try register.nominal(crn: "X100009", unmanaged: true)
        let found = try register.database.findNominals(.crn(CRN(parsing: "X100009")), for: register.metOfficer)
        #expect(found.first?.stub.manager == nil && found.count == 1)
    }
}
