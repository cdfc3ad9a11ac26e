import Testing
@testable import VisorDomain

@Suite("R8 complete record")
struct RuleR08Tests {
    typealias F = RuleFixture
    typealias R = R8CompleteRecord

    /// A complete category 2 record in the community.
    static func complete() -> R.Candidate {
        .init(nominal: RuleNominal(id: 45, crn: F.crn(500_005), ownerAgencyID: 3, managerUserID: 11),
              createdOn: F.day("2026-11-25"), surname: "Wójcik", forenames: "Anna", dateOfBirth: F.day("1985-03-01"),
              gender: .female, ethnicity: .w3, category: .two, level: .two, custody: .community, rosh: .high)
    }

    static func summaries(_ candidate: R.Candidate, policy: Policy = F.policy) -> [String] {
        R.actions(for: [candidate], policy: policy, asOf: F.day("2026-11-25")).map(\.summary)
    }

    @Test("a complete record needs nothing; NS and U are answers")
    func complete() {
        #expect(Self.summaries(Self.complete()).isEmpty)
        var answered = Self.complete()
        answered.gender = .notKnown
        answered.ethnicity = .notStated
        #expect(Self.summaries(answered).isEmpty)
    }

    @Test("names the missing fields, for the owner and the manager, due creation + 5 working days")
    func missing() throws {
        var candidate = Self.complete()
        candidate.ethnicity = nil
        candidate.rosh = nil
        candidate.surname = "  "
        let action = try #require(R.actions(for: [candidate], policy: F.policy, asOf: F.day("2026-11-25")).first)
        #expect(action.rule == .r8)
        #expect(action.agencyID == 3)
        #expect(action.userID == 11)
        #expect(action.nominalID == 45)
        #expect(action.due == F.day("2026-12-02"))
        #expect(action.summary == "Complete record of nominal 45 (X500005): missing surname, ethnicity, "
            + "risk of serious harm")
        #expect(R.missingFields(of: candidate, policy: F.policy) == [.surname, .ethnicity, .rosh])
    }

    @Test("upcoming, due and overdue around the deadline; bank holidays skipped")
    func boundaries() {
        var candidate = Self.complete()
        candidate.nominal.managerUserID = nil
        candidate.createdOn = F.day("2026-12-21")
        // 22, 23, 24, 29, 30 December (25 and 28 are bank holidays).
        F.expectBoundaries(due: F.day("2026-12-30")) { asOf in R.actions(for: [candidate], policy: F.policy, asOf: asOf) }
    }

    @Test("custody details are asked only in custody")
    func custody() {
        var candidate = Self.complete()
        candidate.custody = .inCustody
        #expect(Self.summaries(candidate) == ["Complete record of nominal 45 (X500005): missing establishment, "
            + "release date"])
        candidate.establishmentID = 50
        #expect(Self.summaries(candidate) == ["Complete record of nominal 45 (X500005): missing release date"])
        candidate.releaseDate = F.day("2027-01-01")
        #expect(Self.summaries(candidate).isEmpty)
    }

    @Test("last notification is asked only for category 1")
    func lastNotification() {
        var candidate = Self.complete()
        candidate.category = .one
        #expect(R.missingFields(of: candidate, policy: F.policy) == [.lastNotification])
        candidate.lastNotification = F.day("2026-01-01")
        #expect(Self.summaries(candidate).isEmpty)
    }

    @Test("any one identifier will do; none is missing")
    func identifier() {
        var candidate = Self.complete()
        candidate.nominal.crn = nil
        #expect(R.missingFields(of: candidate, policy: F.policy) == [.identifier])
        candidate.nominal.pncID = F.pnc
        #expect(Self.summaries(candidate).isEmpty)
    }

    @Test("a missing manager is named; the set comes from policy")
    func policySet() {
        var candidate = Self.complete()
        candidate.nominal.managerUserID = nil
        candidate.rosh = nil
        #expect(R.missingFields(of: candidate, policy: F.policy) == [.manager, .rosh])
        var policy = Policy()
        policy.minimumDataSet = [.surname, .rosh]
        #expect(Self.summaries(candidate, policy: policy)
            == ["Complete record of nominal 45 (X500005): missing risk of serious harm"])
    }

    @Test("archived nominals are ignored")
    func archived() {
        var candidate = Self.complete()
        candidate.rosh = nil
        candidate.nominal.lifecycle = .archived
        #expect(Self.summaries(candidate).isEmpty)
    }

    @Test("facts from a register nominal")
    func fromNominal() {
        let nominal = Nominal(id: 46, surname: "Smith", forenames: "John", dateOfBirth: F.day("1970-01-01"),
                              gender: .male, crn: F.crn(600_006), category: .one, level: .one, ownerAgencyID: 20,
                              custody: .community, orderType: .licence, source: .entered,
                              createdOn: F.day("2026-01-05"))
        let candidate = R.Candidate(nominal)
        #expect(R.missingFields(of: candidate, policy: F.policy) == [.ethnicity, .manager, .rosh, .lastNotification])
        #expect(candidate.createdOn == F.day("2026-01-05"))
    }
}
