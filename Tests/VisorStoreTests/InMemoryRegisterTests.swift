import Foundation
import GRDB
import Testing
import VisorDomain
import VisorRegister
@testable import VisorStore

/// The register on any GRDB writer: an in-memory `DatabaseQueue` gives a whole
/// register — schema, audit chain, sign-in, the partner workflow, the rules —
/// with no file at all.
@Suite("A register in memory")
struct InMemoryRegisterTests {
    @Test("AppDatabase(DatabaseQueue()) migrates, creates a register, signs in, requests and answers, and evaluates")
    func wholeWorkflowInMemory() throws {
        let database = try AppDatabase(DatabaseQueue(), clock: StoreFixtures.clock)
        #expect(database.path == ":memory:")
        #expect(try !database.holdsRegister())
        let admin = try database.createRegister(adminUsername: "root", agencyName: "London", password: "secret",
                                                clearance: .bscCRB)
        #expect(try database.signIn(username: "root", password: "secret", channel: .commandLine).id == admin.id)
        // A nominal of London's, and a Met user who asks to be its partner.
        let met = try #require(try database.agency(named: "Metropolitan Police Service"))
        let (nominal, officer) = try database.write { db -> (NominalID, User) in
            var row = NominalRecord(Nominal(
                id: 0, surname: "Nowak", forenames: "Anna", dateOfBirth: LocalDate(year: 1975, month: 2, day: 3)!,
                gender: .female, crn: try CRN(parsing: "X100001"), category: .two, level: .two,
                ownerAgencyID: admin.agencyID, custody: .community, orderType: .licence, source: .entered,
                createdOn: StoreFixtures.today), updatedAt: StoreFixtures.clock.now())
            let id = try row.insertWithKeys(db)
            let officerID = try UserRows.insert(
                db, username: "pc", fullName: "Pat Quinn", agencyID: met.id, staffID: nil,
                passwordHash: StoreFixtures.cheapHash, roles: [.partnerUser],
                clearance: Clearance(kind: .nppv2, grantedOn: StoreFixtures.today, expiresOn: StoreFixtures.today.adding(years: 2)),
                createdAt: StoreFixtures.clock.now(), createdOn: StoreFixtures.today, acknowledgedAt: nil)
            return (id, try #require(try UserRows.find(db, id: officerID)))
        }
        let request = try database.requestPartnership(nominal: .id(nominal), reason: "MAPP level 2", by: officer)
        #expect(request.state == .pending)
        let actions = try RuleEvaluator(database: database).evaluate(asOf: StoreFixtures.today, policy: .standard,
                                                                     horizonDays: 30)
        #expect(actions.contains { $0.rule == .r4 && $0.nominalID == nominal }, "the request waits for an answer")
        guard case .verified(let head) = try database.verifyAuditTrail(from: nil, by: .operator(osUser: "tester")) else {
            Issue.record("the audit trail is chained in memory too")
            return
        }
        #expect(head.count > 0)
    }
}
