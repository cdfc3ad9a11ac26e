import Testing
@testable import VisorDomain

@Suite("R7 probation on category 1 level 1")
struct RuleR07Tests {
    typealias F = RuleFixture
    typealias R = R7ProbationOnCategory1Level1

    static func candidate(category: MAPPACategory = .one, level: MAPPALevel = .one, kind: AgencyKind = .probation,
                          active: Bool = true, lifecycle: Lifecycle = .active) -> R.Candidate {
        .init(nominal: RuleNominal(id: 44, crn: F.crn(400_004), lifecycle: lifecycle, ownerAgencyID: 20),
              category: category, level: level, partnerAgencyID: 3, partnerKind: kind, partnerName: "London",
              partnershipActive: active, dutySince: F.day("2026-09-10"))
    }

    @Test("refuses probation on category 1 level 1 only")
    func refusal() {
        #expect(R.refusal(partnerKind: .probation, category: .one, level: .one) == R.reason)
        #expect(R.refusal(partnerKind: .probation, category: .one, level: .two) == nil)
        #expect(R.refusal(partnerKind: .probation, category: .two, level: .one) == nil)
        #expect(R.refusal(partnerKind: .police, category: .one, level: .one) == nil)
        #expect(R.refusal(partnerKind: .prison, category: .one, level: .one) == nil)
        #expect(R.reason.contains("category 1 level 1"))
    }

    @Test("a partnership left over: end it at once, for the owner")
    func leftOver() throws {
        let action = try #require(R.actions(for: [Self.candidate()], policy: F.policy, asOf: F.day("2026-09-10")).first)
        #expect(action.rule == .r7)
        #expect(action.agencyID == 20)
        #expect(action.nominalID == 44)
        #expect(action.due == F.day("2026-09-10"))
        #expect(action.summary == "End partnership of London on nominal 44 (X400004): " + R.reason)
    }

    @Test("upcoming, due and overdue around the change")
    func boundaries() {
        F.expectBoundaries(due: F.day("2026-09-10")) { asOf in
            R.actions(for: [Self.candidate()], policy: F.policy, asOf: asOf)
        }
    }

    @Test("no action once ended, or when R7 no longer forbids it")
    func noAction() {
        let candidates = [
            Self.candidate(active: false),
            Self.candidate(level: .two),
            Self.candidate(category: .two),
            Self.candidate(kind: .police),
            Self.candidate(lifecycle: .archived),
        ]
        #expect(R.actions(for: candidates, policy: F.policy, asOf: F.day("2026-09-10")).isEmpty)
    }
}
