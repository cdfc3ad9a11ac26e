import Testing
@testable import VisorDomain

@Suite("R1 create category 2 nominal")
struct RuleR01Tests {
    typealias F = RuleFixture

    static func candidate(release: String?, category: MAPPACategory = .two, level: MAPPALevel = .three,
                          hasNominal: Bool = false) -> R1CreateCategory2Nominal.Candidate {
        .init(extractCase: RuleCase(areaID: 7, crn: F.crn(123_456), pncID: F.pnc, category: category, level: level,
                                    hasNominal: hasNominal),
              releaseDate: release.map { F.day($0) })
    }

    @Test("due six months before release, for the area, with the case's identifiers")
    func dueSixMonthsBeforeRelease() throws {
        let actions = R1CreateCategory2Nominal.actions(for: [Self.candidate(release: "2027-05-01")],
                                                       policy: F.policy, asOf: F.day("2026-06-01"))
        let action = try #require(actions.first)
        #expect(actions.count == 1)
        #expect(action.rule == .r1)
        #expect(action.due == F.day("2026-11-01"))
        #expect(action.agencyID == 7)
        #expect(action.crn == F.crn(123_456))
        #expect(action.pncID == F.pnc)
        #expect(action.nominalID == nil)
        #expect(action.userID == nil)
        #expect(action.summary == "Create nominal for case X123456 (category 2, level 3): release 2027-05-01")
    }

    @Test("upcoming, due and overdue around the deadline")
    func boundaries() {
        F.expectBoundaries(due: F.day("2026-11-01")) { asOf in
            R1CreateCategory2Nominal.actions(for: [Self.candidate(release: "2027-05-01")], policy: F.policy,
                                             asOf: asOf)
        }
    }

    @Test("six months before 31 August clips to the end of February", arguments: [
        ("2027-08-31", "2027-02-28"), ("2028-08-31", "2028-02-29"), ("2026-12-31", "2026-06-30"),
    ])
    func monthClipping(release: String, expected: String) {
        let actions = R1CreateCategory2Nominal.actions(for: [Self.candidate(release: release)], policy: F.policy,
                                                       asOf: F.day("2026-01-01"))
        #expect(actions.map(\.due) == [F.day(expected)])
    }

    @Test("the months come from policy")
    func policyMonths() {
        var policy = Policy()
        policy.r1MonthsBeforeRelease = 9
        let actions = R1CreateCategory2Nominal.actions(for: [Self.candidate(release: "2027-05-31")], policy: policy,
                                                       asOf: F.day("2026-01-01"))
        #expect(actions.map(\.due) == [F.day("2026-08-31")])
    }

    @Test("no action once a nominal exists, or outside the rule")
    func noAction() {
        let candidates = [
            Self.candidate(release: "2027-05-01", hasNominal: true),
            Self.candidate(release: "2027-05-01", level: .one),
            Self.candidate(release: "2027-05-01", category: .one),
            Self.candidate(release: "2027-05-01", category: .three),
            Self.candidate(release: nil),
        ]
        #expect(R1CreateCategory2Nominal.actions(for: candidates, policy: F.policy, asOf: F.day("2026-06-01"))
            .isEmpty)
    }

    @Test("level 2 applies as level 3 does")
    func levelTwo() {
        let actions = R1CreateCategory2Nominal.actions(for: [Self.candidate(release: "2027-05-01", level: .two)],
                                                       policy: F.policy, asOf: F.day("2026-06-01"))
        #expect(actions.count == 1)
    }
}
