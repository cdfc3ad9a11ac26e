import Testing
@testable import VisorDomain

@Suite("R14 SPO oversight")
struct RuleR14Tests {
    typealias F = RuleFixture
    typealias R = R14SPOOversight

    static func spo(lastSignIn: String?, active: Bool = true) -> R.LogonCandidate {
        .init(user: RuleUser(id: 31, username: "spo", agencyID: 3, isActive: active),
              lastSignInOn: lastSignIn.map { F.day($0) }, createdOn: F.day("2026-01-05"))
    }

    static func view(lastView: String? = nil, assigned: String? = nil, manager: UserID? = 13,
                     lifecycle: Lifecycle = .active) -> R.ViewCandidate {
        .init(nominal: RuleNominal(id: 49, crn: F.crn(900_009), lifecycle: lifecycle, ownerAgencyID: 3,
              managerUserID: manager), managerLastViewedOn: lastView.map { F.day($0) },
              managerAssignedOn: assigned.map { F.day($0) }, createdOn: F.day("2026-01-05"))
    }

    @Test("an SPO signs in within 7 days of the last sign-in")
    func logon() throws {
        let candidate = Self.spo(lastSignIn: "2026-03-10")
        let action = try #require(R.logonActions(for: [candidate], policy: F.policy, asOf: F.day("2026-03-10")).first)
        #expect(action.rule == .r14)
        #expect(action.agencyID == 3)
        #expect(action.userID == 31)
        #expect(action.nominalID == nil)
        #expect(action.due == F.day("2026-03-17"))
        #expect(action.summary == "SPO spo has not logged on: last signed in 2026-03-10")
        F.expectBoundaries(due: F.day("2026-03-17")) { asOf in R.logonActions(for: [candidate], policy: F.policy, asOf: asOf) }
    }

    @Test("never signed in: 7 days from the account's creation; inactive users are ignored")
    func neverSignedIn() {
        let actions = R.logonActions(for: [Self.spo(lastSignIn: nil), Self.spo(lastSignIn: nil, active: false)],
                                     policy: F.policy, asOf: F.day("2026-03-10"))
        #expect(actions.map(\.due) == [F.day("2026-01-12")])
        #expect(actions.map(\.summary) == ["SPO spo has not logged on: never signed in"])
    }

    @Test("the manager views the record within 30 days of the last view")
    func view() throws {
        let candidate = Self.view(lastView: "2026-03-10", assigned: "2026-02-01")
        let action = try #require(R.viewActions(for: [candidate], policy: F.policy, asOf: F.day("2026-03-10")).first)
        #expect(action.rule == .r14)
        #expect(action.agencyID == 3)
        #expect(action.userID == 13)
        #expect(action.nominalID == 49)
        #expect(action.crn == F.crn(900_009))
        #expect(action.due == F.day("2026-04-09"))
        #expect(action.summary == "Record not viewed by its manager: nominal 49 (X900009): last viewed 2026-03-10")
        F.expectBoundaries(due: F.day("2026-04-09")) { asOf in R.viewActions(for: [candidate], policy: F.policy, asOf: asOf) }
    }

    @Test("no view since the assignment: 30 days from it; none at all: from creation")
    func assignment() {
        let assigned = R.viewActions(for: [Self.view(lastView: "2026-01-20", assigned: "2026-02-01")], policy: F.policy,
                                     asOf: F.day("2026-03-10"))
        #expect(assigned.map(\.due) == [F.day("2026-03-03")])
        #expect(assigned.map(\.summary) == ["Record not viewed by its manager: nominal 49 (X900009): assigned 2026-02-01"])
        #expect(R.viewActions(for: [Self.view()], policy: F.policy, asOf: F.day("2026-03-10")).map(\.due)
            == [F.day("2026-02-04")])
    }

    @Test("no manager, or archived: no action")
    func noAction() {
        #expect(R.viewActions(for: [Self.view(manager: nil), Self.view(lifecycle: .archived)], policy: F.policy,
                              asOf: F.day("2026-03-10")).isEmpty)
    }
}
