import Testing
@testable import VisorDomain

@Suite("R6 police partner on category 2")
struct RuleR06Tests {
    typealias F = RuleFixture
    typealias R = R6PolicePartnerOnCategory2

    static func candidate(level: MAPPALevel = .three, ownerKind: AgencyKind = .probation,
                          category: MAPPACategory = .two, partner: Bool = false, force: String? = "Kent Police",
                          lifecycle: Lifecycle = .active) -> R.Candidate {
        .init(nominal: RuleNominal(id: 43, crn: F.crn(300_003), lifecycle: lifecycle, ownerAgencyID: 3),
              ownerKind: ownerKind, category: category, level: level, hasActivePolicePartner: partner,
              homeForceName: force, dutySince: F.day("2026-07-01"))
    }

    @Test("due at once, for the owning area, naming the home force")
    func atOnce() throws {
        let action = try #require(R.actions(for: [Self.candidate()], policy: F.policy, asOf: F.day("2026-07-01")).first)
        #expect(action.rule == .r6)
        #expect(action.agencyID == 3)
        #expect(action.nominalID == 43)
        #expect(action.due == F.day("2026-07-01"))
        #expect(action.summary == "Make police a partner on nominal 43 (X300003): Kent Police, the home force")
        let unnamed = R.actions(for: [Self.candidate(force: nil)], policy: F.policy, asOf: F.day("2026-07-01"))
        #expect(unnamed.map(\.summary) == ["Make police a partner on nominal 43 (X300003): category 2, level 3"])
    }

    @Test("upcoming, due and overdue around the duty's date")
    func boundaries() {
        F.expectBoundaries(due: F.day("2026-07-01")) { asOf in
            R.actions(for: [Self.candidate(level: .two)], policy: F.policy, asOf: asOf)
        }
    }

    @Test("no action with a police partner, or outside the rule")
    func noAction() {
        let candidates = [
            Self.candidate(partner: true),
            Self.candidate(level: .one),
            Self.candidate(ownerKind: .police),
            Self.candidate(category: .one),
            Self.candidate(lifecycle: .archived),
        ]
        #expect(R.actions(for: candidates, policy: F.policy, asOf: F.day("2026-07-01")).isEmpty)
    }
}
