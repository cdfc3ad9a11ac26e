import Testing
@testable import VisorDomain

@Suite("R13 renew clearance")
struct RuleR13Tests {
    typealias F = RuleFixture
    typealias R = R13RenewClearance

    static func clearance(_ kind: ClearanceKind, _ to: String) -> Clearance {
        Clearance(kind: kind, grantedOn: F.day("2021-01-01"), expiresOn: F.day(to))
    }

    static func candidate(roles: Set<Role>, clearances: [Clearance], active: Bool = true) -> R.Candidate {
        .init(user: RuleUser(id: 21, username: "jsmith", agencyID: 3, isActive: active), roles: roles,
              clearances: clearances)
    }

    @Test("due 60 days before the expiry, for the user's agency and the user")
    func sixtyDays() throws {
        let candidate = Self.candidate(roles: [.offenderManager], clearances: [Self.clearance(.bscCRB, "2026-08-01")])
        let action = try #require(R.actions(for: [candidate], policy: F.policy, asOf: F.day("2026-05-01")).first)
        #expect(action.rule == .r13)
        #expect(action.agencyID == 3)
        #expect(action.userID == 21)
        #expect(action.nominalID == nil)
        #expect(action.due == F.day("2026-06-02"))
        #expect(action.summary == "Renew BSC_CRB clearance of jsmith: expires 2026-08-01")
        F.expectBoundaries(due: F.day("2026-06-02")) { asOf in R.actions(for: [candidate], policy: F.policy, asOf: asOf) }
    }

    @Test("the earliest over the roles of each role's latest-expiring clearance")
    func earliestRole() {
        // CPC needs SC (expires 2027-03-01); the supervisor role is kept by NPPV2 to 2028.
        let candidate = Self.candidate(roles: [.cpc, .supervisor], clearances: [
            Self.clearance(.sc, "2026-01-01"), Self.clearance(.sc, "2027-03-01"), Self.clearance(.nppv2, "2028-01-01"),
        ])
        let actions = R.actions(for: [candidate], policy: F.policy, asOf: F.day("2026-05-01"))
        #expect(actions.map(\.due) == [F.day("2026-12-31")])
        #expect(actions.map(\.summary) == ["Renew SC clearance of jsmith: expires 2027-03-01"])
    }

    @Test("a renewed clearance meets the duty")
    func renewed() {
        let old = Self.candidate(roles: [.trainer], clearances: [Self.clearance(.bscCRB, "2026-06-01")])
        let renewed = Self.candidate(roles: [.trainer], clearances: [Self.clearance(.bscCRB, "2026-06-01"),
                                                                      Self.clearance(.bscCRB, "2031-06-01")])
        #expect(R.actions(for: [old], policy: F.policy, asOf: F.day("2026-05-01")).map(\.due) == [F.day("2026-04-02")])
        #expect(R.actions(for: [renewed], policy: F.policy, asOf: F.day("2026-05-01")).map(\.due)
            == [F.day("2031-04-02")])
    }

    @Test("no action without any satisfying clearance, or for an inactive user")
    func noAction() {
        let unsatisfied = Self.candidate(roles: [.cpc], clearances: [Self.clearance(.nppv2, "2027-01-01")])
        let inactive = Self.candidate(roles: [.trainer], clearances: [Self.clearance(.sc, "2027-01-01")], active: false)
        let noRoles = Self.candidate(roles: [], clearances: [Self.clearance(.sc, "2027-01-01")])
        #expect(R.actions(for: [unsatisfied, inactive, noRoles], policy: F.policy, asOf: F.day("2026-05-01")).isEmpty)
    }

    @Test("a role without a clearance is skipped; the others still count")
    func skipsUnclearedRole() {
        let candidate = Self.candidate(roles: [.cpc, .trainer], clearances: [Self.clearance(.nppv2, "2027-01-01")])
        #expect(R.actions(for: [candidate], policy: F.policy, asOf: F.day("2026-05-01")).map(\.due)
            == [F.day("2026-11-02")])
    }
}
