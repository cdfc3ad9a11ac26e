import Testing
@testable import VisorDomain

@Suite("Rule engine")
struct RuleEngineTests {
    typealias F = RuleFixture

    static func facts() -> RuleFacts {
        var facts = RuleFacts()
        facts.r16 = [.init(nominal: RuleNominal(id: 51, ownerAgencyID: 20), lastNotification: F.day("2025-06-01"))]
        facts.r4 = [.init(requestID: 9, nominal: RuleNominal(id: 42, ownerAgencyID: 7), requestingAgencyID: 50,
                          requestedOn: F.day("2026-06-01"))]
        facts.r15 = [.init(user: RuleUser(id: 41, username: "om", agencyID: 3), createdOn: F.day("2026-01-01"))]
        facts.r1 = [.init(extractCase: RuleCase(areaID: 3, crn: F.crn(1), category: .two, level: .two),
                          releaseDate: F.day("2027-06-01"))]
        facts.r9Areas = [.init(areaID: 3, lastReconciledOn: nil, firstNominalCreatedOn: F.day("2026-02-01"))]
        facts.r14Logons = [.init(user: RuleUser(id: 31, username: "spo", agencyID: 3),
                                 lastSignInOn: F.day("2026-05-28"), createdOn: F.day("2026-01-01"))]
        return facts
    }

    @Test("evaluates every rule, in rule order")
    func evaluate() {
        let actions = RuleEngine.evaluate(Self.facts(), policy: F.policy, asOf: F.day("2026-06-01"))
        #expect(actions.map(\.rule) == [.r1, .r4, .r9, .r14, .r15, .r16])
    }

    @Test("evaluates only the rules asked for")
    func someRules() {
        let actions = RuleEngine.evaluate(Self.facts(), policy: F.policy, asOf: F.day("2026-06-01"), rules: [.r4, .r16])
        #expect(actions.map(\.rule) == [.r4, .r16])
        #expect(RuleEngine.evaluate(RuleFacts(), policy: F.policy, asOf: F.day("2026-06-01")).isEmpty)
    }

    @Test("a list is trimmed to the horizon and sorted")
    func list() {
        let actions = RuleEngine.list(Self.facts(), policy: F.policy, asOf: F.day("2026-06-01"), horizonDays: 30)
        // R1 (due 2026-12-01) is beyond the horizon.
        #expect(actions.map(\.rule) == [.r15, .r9, .r16, .r4, .r14])
        #expect(actions.map(\.due) == [F.day("2026-01-01"), F.day("2026-02-01"), F.day("2026-06-01"),
                                       F.day("2026-06-04"), F.day("2026-06-04")])
    }
}
