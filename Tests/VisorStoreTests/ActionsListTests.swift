import Foundation
import GRDB
import Testing
import VisorDomain
import VisorDemo
import VisorRegister
@testable import VisorStore

/// Lists of actions: the fast sort agrees with `ActionOrdering`, a user sees
/// their agency's actions, names resolve, listing is audited.
@Suite("Actions: order, visibility, names, audit")
struct ActionsListTests {
    let d = RulesRegister.today

    /// Actions with many ties, so that every key of the order is exercised.
    func randomActions(_ count: Int, seed: UInt64) -> [Action] {
        var generator = DemoRandom(seed: seed)
        return (0..<count).map { index in
            let rule = RuleID(rawValue: Int.random(in: 1...16, using: &generator)) ?? .r1
            let crn: CRN? = Bool.random(using: &generator) ? nil
                : CRN(letter: ["A", "B", "X"].randomElement(using: &generator) ?? "X",
                      number: Int.random(in: 0...20, using: &generator))
            let nominal: NominalID? = Bool.random(using: &generator) ? nil : Int64.random(in: 1...30, using: &generator)
            let user: UserID? = Bool.random(using: &generator) ? nil : Int64.random(in: 1...5, using: &generator)
            return Action(rule: rule, agencyID: Int64.random(in: 1...3, using: &generator), userID: user,
                          nominalID: nominal, crn: crn, due: d.plus(Int.random(in: -20...40, using: &generator)),
                          summary: "action \(index % 7)")
        }
    }

    @Test("ActionList.sorted is ActionOrdering.sorted, usernames included", arguments: [1 as UInt64, 2, 3])
    func sorting(seed: UInt64) {
        let actions = randomActions(2000, seed: seed)
        let names: [UserID: String] = [1: "zed", 2: "amy", 3: "bob", 4: "amy2"]
        let expected = ActionOrdering.sorted(actions, asOf: d, policy: .standard, username: { names[$0] })
        #expect(ActionList.sorted(actions, asOf: d, policy: .standard, username: { names[$0] }) == expected)
    }

    @Test("A user sees the actions their agency must take; an SPO sees their agency's; counts agree")
    func visibility() throws {
        let register = try RulesRegister()
        var mine = NominalSpec.met(register)
        mine.ethnicity = nil
        try register.nominal(mine)
        var theirs = NominalSpec.met(register, crn: "X000002")
        theirs.owner = register.met
        theirs.manager = register.officer
        theirs.ethnicity = nil
        try register.nominal(theirs)
        let evaluation = try RuleEvaluator(database: register.database).evaluation(asOf: d, policy: .standard,
                                                                                   horizonDays: 30)
        // The fixtures write rows directly: the kept actions are made from them as a rebuild would.
        try register.database.rebuildKeptActions()
        for (id, agency) in [(register.om, register.london), (register.spo, register.london),
                             (register.officer, register.met)] {
            let user = try register.signedIn(id)
            // What the application reads for the user: their agency's actions.
            let query = ActionQuery(asOf: d, horizonDays: 30, agencyID: user.agencyID)
            let visible = try register.database.actionPage(query, offset: 0, limit: 10_000).map(\.action)
            #expect(!visible.isEmpty)
            #expect(visible.allSatisfy { $0.agencyID == agency })
            #expect(Set(visible) == Set(evaluation.actions.filter { $0.agencyID == agency }))
            #expect(try register.database.actionCounts(query).overdue == visible.filter { $0.due < d }.count)
        }
    }

    @Test("Names of agencies and users for display, from the register and from the evaluation")
    func names() throws {
        let register = try RulesRegister()
        let names = try register.database.actionNames()
        #expect(names.agency(register.london) == "London")
        #expect(names.user(register.om) == "om")
        #expect(names.user(999) == nil)
        #expect(names.agency(999) == "agency 999")
        let evaluation = try RuleEvaluator(database: register.database).evaluation(asOf: d, policy: .standard,
                                                                                   horizonDays: 30)
        #expect(evaluation.agencyName(register.met) == "Metropolitan Police Service")
        #expect(evaluation.username(register.spo) == "spo")
    }

    @Test("Listing actions is one audit event, for a user or the operator")
    func audited() throws {
        let register = try RulesRegister()
        let user = try register.signedIn(register.om)
        try register.database.recordActionsListed(by: .user(user), detail: "as of 2026-11-25: 3 actions")
        try register.database.recordActionsListed(by: .operator(osUser: "ops"), detail: "as of 2026-11-25: 9 actions")
        let events = try register.database.read { db in
            try Row.fetchAll(db, sql: "SELECT user_id, os_user, detail FROM audit_event WHERE action = 'list_actions' ORDER BY id")
        }
        #expect(events.count == 2)
        #expect(events.first?["user_id"] == register.om)
        #expect(events.last?["os_user"] == "ops")
    }

    @Test("The horizon includes its last day; overdue and due actions show whatever the horizon")
    func horizon() throws {
        let register = try RulesRegister()
        for (number, viewed) in [(1, -10), (2, -31), (3, -16)] {
            var spec = NominalSpec.met(register, crn: StoreFixtures.crn(number))
            spec.viewed = d.plus(viewed)
            try register.nominal(spec)
        }
        func views(_ horizon: Int) throws -> [LocalDate] {
            try register.actions(.r14, horizon: horizon).filter { $0.nominalID != nil }.map(\.due)
        }
        #expect(try views(0) == [d.plus(-1), d.plus(14)])
        #expect(try views(19) == [d.plus(-1), d.plus(14)])
        #expect(try views(20) == [d.plus(-1), d.plus(14), d.plus(20)])
    }
}
