import Testing
@testable import VisorDomain

@Suite("R16 annual notification")
struct RuleR16Tests {
    typealias F = RuleFixture
    typealias R = R16AnnualNotification

    static func candidate(last: String?, category: MAPPACategory = .one, custody: CustodyStatus = .community,
                          lifecycle: Lifecycle = .active) -> R.Candidate {
        .init(nominal: RuleNominal(id: 51, crn: F.crn(100_001), lifecycle: lifecycle, ownerAgencyID: 20,
              managerUserID: 13), category: category, custody: custody, lastNotification: last.map { F.day($0) })
    }

    @Test("due a year after the last notification, for the owner and the manager")
    func oneYear() throws {
        let action = try #require(R.actions(for: [Self.candidate(last: "2025-11-25")], policy: F.policy,
                                            asOf: F.day("2026-11-01")).first)
        #expect(action.rule == .r16)
        #expect(action.agencyID == 20)
        #expect(action.userID == 13)
        #expect(action.nominalID == 51)
        #expect(action.due == F.day("2026-11-25"))
        #expect(action.summary == "Annual notification of nominal 51 (X100001): last notified 2025-11-25")
        F.expectBoundaries(due: F.day("2026-11-25")) { asOf in
            R.actions(for: [Self.candidate(last: "2025-11-25")], policy: F.policy, asOf: asOf)
        }
    }

    @Test("29 February + 1 year = 28 February")
    func leapDay() {
        #expect(R.actions(for: [Self.candidate(last: "2028-02-29")], policy: F.policy, asOf: F.day("2028-03-01"))
            .map(\.due) == [F.day("2029-02-28")])
    }

    @Test("no notification recorded, in custody, not category 1, or archived: no action")
    func noAction() {
        let candidates = [
            Self.candidate(last: nil),
            Self.candidate(last: "2025-11-25", custody: .inCustody),
            Self.candidate(last: "2025-11-25", category: .two),
            Self.candidate(last: "2025-11-25", lifecycle: .archived),
        ]
        #expect(R.actions(for: candidates, policy: F.policy, asOf: F.day("2026-11-01")).isEmpty)
    }
}
