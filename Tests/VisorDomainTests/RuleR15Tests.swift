import Testing
@testable import VisorDomain

@Suite("R15 acknowledge instruction")
struct RuleR15Tests {
    typealias F = RuleFixture
    typealias R = R15AcknowledgeInstruction

    static func candidate(acknowledged: Bool = false, active: Bool = true) -> R.Candidate {
        .init(user: RuleUser(id: 41, username: "om", agencyID: 3, isActive: active), acknowledged: acknowledged,
              createdOn: F.day("2026-10-01"))
    }

    @Test("due the account's creation, for the user's agency and the user")
    func dueOnCreation() throws {
        let action = try #require(R.actions(for: [Self.candidate()], policy: F.policy, asOf: F.day("2026-10-01")).first)
        #expect(action.rule == .r15)
        #expect(action.agencyID == 3)
        #expect(action.userID == 41)
        #expect(action.nominalID == nil)
        #expect(action.due == F.day("2026-10-01"))
        #expect(action.summary == "Acknowledge the instruction: om, account created 2026-10-01")
        F.expectBoundaries(due: F.day("2026-10-01")) { asOf in
            R.actions(for: [Self.candidate()], policy: F.policy, asOf: asOf)
        }
    }

    @Test("acknowledging meets the duty; inactive users are ignored")
    func met() {
        #expect(R.actions(for: [Self.candidate(acknowledged: true), Self.candidate(active: false)], policy: F.policy,
                          asOf: F.day("2026-10-02")).isEmpty)
    }
}
