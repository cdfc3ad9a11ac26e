import Testing
@testable import VisorDomain

@Suite("Rule action ordering")
struct RuleOrderingTests {
    typealias F = RuleFixture

    static func action(_ rule: RuleID, _ due: String, crn: Int? = nil, nominal: NominalID? = nil,
                       user: UserID? = nil, summary: String = "s") -> Action {
        Action(rule: rule, agencyID: 1, userID: user, nominalID: nominal, crn: crn.map { F.crn($0) },
               due: F.day(due), summary: summary)
    }

    static let names: [UserID: String] = [1: "zed", 2: "amy"]

    static func sorted(_ actions: [Action]) -> [Action] {
        ActionOrdering.sorted(actions, asOf: F.day("2026-06-01"), policy: F.policy, username: { names[$0] })
    }

    @Test("by state, then due date, then rule number, then CRN, nominal and username, none last")
    func order() {
        let expected = [
            Self.action(.r10, "2026-04-01", summary: "overdue, earliest"),
            Self.action(.r16, "2026-05-31", crn: 1, nominal: 5, summary: "overdue, crn 1, nominal 5"),
            Self.action(.r16, "2026-05-31", crn: 1, nominal: 6, summary: "overdue, crn 1, nominal 6"),
            Self.action(.r16, "2026-05-31", crn: 1, summary: "overdue, crn 1, no nominal"),
            Self.action(.r16, "2026-05-31", crn: 2, summary: "overdue, crn 2"),
            Self.action(.r16, "2026-05-31", summary: "overdue, no crn"),
            Self.action(.r2, "2026-06-01", summary: "due today, R2"),
            Self.action(.r10, "2026-06-01", crn: 1, summary: "due today, R10"),
            Self.action(.r13, "2026-06-15", user: 2, summary: "due, amy"),
            Self.action(.r13, "2026-06-15", user: 1, summary: "due, zed"),
            Self.action(.r13, "2026-06-15", user: 3, summary: "due, unknown user"),
            Self.action(.r13, "2026-06-15", summary: "due, no user"),
            Self.action(.r1, "2026-06-16", summary: "upcoming"),
        ]
        #expect(Self.sorted(expected.reversed()).map(\.summary) == expected.map(\.summary))
        #expect(Self.sorted([expected[3], expected[8], expected[0]]).map(\.summary)
            == [expected[0], expected[3], expected[8]].map(\.summary))
    }

    @Test("states follow the warning window")
    func states() {
        let asOf = F.day("2026-06-01")
        #expect(Self.action(.r1, "2026-05-31").state(asOf: asOf, policy: F.policy) == .overdue)
        #expect(Self.action(.r1, "2026-06-01").state(asOf: asOf, policy: F.policy) == .due)
        #expect(Self.action(.r1, "2026-06-15").state(asOf: asOf, policy: F.policy) == .due)
        #expect(Self.action(.r1, "2026-06-16").state(asOf: asOf, policy: F.policy) == .upcoming)
    }

    @Test("precedes agrees with sorted")
    func precedes() {
        let early = Self.action(.r10, "2026-06-02")
        let late = Self.action(.r2, "2026-06-03")
        #expect(ActionOrdering.precedes(early, late, asOf: F.day("2026-06-01"), policy: F.policy))
        #expect(!ActionOrdering.precedes(late, early, asOf: F.day("2026-06-01"), policy: F.policy))
    }

    @Test("the horizon keeps overdue and due actions and upcoming ones up to its last day")
    func horizon() {
        let actions = [
            Self.action(.r1, "2025-01-01", summary: "overdue"),
            Self.action(.r1, "2026-06-15", summary: "due"),
            Self.action(.r1, "2026-07-01", summary: "last day"),
            Self.action(.r1, "2026-07-02", summary: "beyond"),
        ]
        #expect(ActionHorizon.visible(actions, asOf: F.day("2026-06-01"), horizonDays: 30, policy: F.policy)
            .map(\.summary) == ["overdue", "due", "last day"])
        #expect(ActionHorizon.visible(actions, asOf: F.day("2026-06-01"), horizonDays: 0, policy: F.policy)
            .map(\.summary) == ["overdue", "due"])
    }
}
