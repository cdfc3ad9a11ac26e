import Testing
@testable import VisorDomain

@Suite("R2 create category 3 nominal")
struct RuleR02Tests {
    typealias F = RuleFixture

    static func candidate(entry: String?, category: MAPPACategory = .three,
                          hasNominal: Bool = false) -> R2CreateCategory3Nominal.Candidate {
        .init(extractCase: RuleCase(areaID: 3, crn: F.crn(200_001), category: category, level: .two,
                                    hasNominal: hasNominal),
              mappEntryDate: entry.map { F.day($0) })
    }

    @Test("due the MAPP entry date, for the area")
    func dueOnEntry() throws {
        let actions = R2CreateCategory3Nominal.actions(for: [Self.candidate(entry: "2026-03-15")], policy: F.policy,
                                                       asOf: F.day("2026-03-01"))
        let action = try #require(actions.first)
        #expect(action.rule == .r2)
        #expect(action.due == F.day("2026-03-15"))
        #expect(action.agencyID == 3)
        #expect(action.crn == F.crn(200_001))
        #expect(action.pncID == nil)
        #expect(action.summary == "Create nominal for case X200001 (category 3, level 2): entered MAPP 2026-03-15")
    }

    @Test("upcoming, due and overdue around the deadline")
    func boundaries() {
        F.expectBoundaries(due: F.day("2026-03-15")) { asOf in
            R2CreateCategory3Nominal.actions(for: [Self.candidate(entry: "2026-03-15")], policy: F.policy, asOf: asOf)
        }
    }

    @Test("category 4 follows the category 3 rule")
    func categoryFour() {
        let actions = R2CreateCategory3Nominal.actions(for: [Self.candidate(entry: "2026-03-15", category: .four)],
                                                       policy: F.policy, asOf: F.day("2026-03-01"))
        #expect(actions.count == 1)
    }

    @Test("no action once a nominal exists, without an entry date, or for categories 1 and 2")
    func noAction() {
        let candidates = [
            Self.candidate(entry: "2026-03-15", hasNominal: true),
            Self.candidate(entry: nil),
            Self.candidate(entry: "2026-03-15", category: .one),
            Self.candidate(entry: "2026-03-15", category: .two),
        ]
        #expect(R2CreateCategory3Nominal.actions(for: candidates, policy: F.policy, asOf: F.day("2026-03-01"))
            .isEmpty)
    }
}
