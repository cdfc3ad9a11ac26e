import Testing
@testable import VisorDomain

@Suite("R5 probation partner on category 1")
struct RuleR05Tests {
    typealias F = RuleFixture
    typealias R = R5ProbationPartnerOnCategory1

    static func candidate(level: MAPPALevel = .two, order: OrderType = .licence, ownerKind: AgencyKind = .police,
                          category: MAPPACategory = .one, partner: Bool = false, area: String? = "London",
                          lifecycle: Lifecycle = .active) -> R.Candidate {
        .init(nominal: RuleNominal(id: 42, crn: F.crn(123_456), lifecycle: lifecycle, ownerAgencyID: 20),
              ownerKind: ownerKind, category: category, level: level, orderType: order,
              hasActiveProbationPartner: partner, supervisingAreaName: area, dutySince: F.day("2026-05-04"))
    }

    @Test("due at once, for the owning force, naming the supervising area")
    func atOnce() throws {
        let action = try #require(R.actions(for: [Self.candidate()], policy: F.policy, asOf: F.day("2026-05-04")).first)
        #expect(action.rule == .r5)
        #expect(action.agencyID == 20)
        #expect(action.nominalID == 42)
        #expect(action.due == F.day("2026-05-04"))
        #expect(action.summary == "Make probation a partner on nominal 42 (X123456): London, the supervising area")
        let unnamed = R.actions(for: [Self.candidate(area: nil)], policy: F.policy, asOf: F.day("2026-05-04"))
        #expect(unnamed.map(\.summary) == ["Make probation a partner on nominal 42 (X123456): category 1, level 2"])
    }

    @Test("upcoming, due and overdue around the duty's date")
    func boundaries() {
        F.expectBoundaries(due: F.day("2026-05-04")) { asOf in
            R.actions(for: [Self.candidate(level: .three, order: .communityOrder)], policy: F.policy, asOf: asOf)
        }
    }

    @Test("no action with a probation partner, or outside the rule")
    func noAction() {
        let candidates = [
            Self.candidate(partner: true),
            Self.candidate(level: .one),
            Self.candidate(order: OrderType.none),
            Self.candidate(ownerKind: .probation),
            Self.candidate(category: .two),
            Self.candidate(lifecycle: .archived),
        ]
        #expect(R.actions(for: candidates, policy: F.policy, asOf: F.day("2026-05-04")).isEmpty)
    }
}
