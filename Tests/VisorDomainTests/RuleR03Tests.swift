import Testing
@testable import VisorDomain

@Suite("R3 prison requests partnership")
struct RuleR03Tests {
    typealias F = RuleFixture
    typealias R = R3PrisonRequestsPartnership

    static func candidate(created: String, start: String?, release: String?, establishment: AgencyID? = 50,
                          custody: CustodyStatus = .inCustody, lifecycle: Lifecycle = .active,
                          partner: Bool = false, pending: Bool = false) -> R.Candidate {
        .init(nominalID: 42, lifecycle: lifecycle, ownerAgencyID: 7, ownerName: "London",
              createdOn: F.day(created), custody: custody, establishmentID: establishment, custodyStart: start.map { F.day($0) },
              releaseDate: release.map { F.day($0) }, establishmentIsPartner: partner,
              establishmentHasPendingRequest: pending)
    }

    static func due(_ candidate: R.Candidate) -> [LocalDate] {
        R.actions(for: [candidate], policy: F.policy, asOf: F.day("2026-01-01")).map(\.due)
    }

    @Test("a nominal that existed when custody began: due the custody start, for the establishment")
    func existingNominal() throws {
        let candidate = Self.candidate(created: "2025-01-10", start: "2026-02-02", release: "2027-02-02")
        let action = try #require(R.actions(for: [candidate], policy: F.policy, asOf: F.day("2026-01-01")).first)
        #expect(action.rule == .r3)
        #expect(action.due == F.day("2026-02-02"))
        #expect(action.agencyID == 50)
        #expect(action.nominalID == 42)
        #expect(action.userID == nil)
        // The prison is neither owner nor partner: only what a stub shows, never CRN, PNC, custody or release.
        #expect(action.crn == nil)
        #expect(action.pncID == nil)
        #expect(action.summary == "Request partnership on nominal 42: owned by London")
        // Created on the custody start itself counts as existing.
        #expect(Self.due(Self.candidate(created: "2026-02-02", start: "2026-02-02", release: "2027-02-02"))
            == [F.day("2026-02-02")])
    }

    @Test("a nominal created after custody began: due six months before release")
    func createdLater() {
        #expect(Self.due(Self.candidate(created: "2026-02-03", start: "2026-02-02", release: "2027-02-02"))
            == [F.day("2026-08-02")])
        #expect(Self.due(Self.candidate(created: "2026-02-03", start: nil, release: "2027-08-31"))
            == [F.day("2027-02-28")])
    }

    @Test("no release date: due the nominal's creation")
    func noRelease() {
        #expect(Self.due(Self.candidate(created: "2026-02-03", start: "2026-02-02", release: nil))
            == [F.day("2026-02-03")])
    }

    @Test("upcoming, due and overdue around the deadline")
    func boundaries() {
        let candidate = Self.candidate(created: "2025-01-10", start: "2026-02-02", release: nil)
        F.expectBoundaries(due: F.day("2026-02-02")) { asOf in R.actions(for: [candidate], policy: F.policy, asOf: asOf) }
    }

    @Test("no action when partner, pending, owner, in the community, without an establishment, or archived")
    func noAction() {
        let candidates = [
            Self.candidate(created: "2025-01-10", start: "2026-02-02", release: nil, partner: true),
            Self.candidate(created: "2025-01-10", start: "2026-02-02", release: nil, pending: true),
            Self.candidate(created: "2025-01-10", start: "2026-02-02", release: nil, establishment: 7),
            Self.candidate(created: "2025-01-10", start: "2026-02-02", release: nil, establishment: nil),
            Self.candidate(created: "2025-01-10", start: "2026-02-02", release: nil, custody: .community),
            Self.candidate(created: "2025-01-10", start: "2026-02-02", release: nil, lifecycle: .archived),
        ]
        #expect(R.actions(for: candidates, policy: F.policy, asOf: F.day("2026-01-01")).isEmpty)
    }
}
