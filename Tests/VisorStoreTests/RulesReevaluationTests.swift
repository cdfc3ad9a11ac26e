import Foundation
import Testing
import VisorDomain
import VisorRegister
@testable import VisorStore

/// A re-evaluation after a change to a few nominals gives what a full
/// evaluation of the changed register gives.
@Suite("Rules: re-evaluation after a change")
struct RulesReevaluationTests {
    let d = RulesRegister.today

    /// A register with an extract for London, a few records on rule edges, and an evaluator that has run once.
    func prepared() throws -> (RulesRegister, RuleEvaluator, [NominalID]) {
        let register = try RulesRegister()
        var ids: [NominalID] = []
        for number in 1...6 {
            var spec = NominalSpec.met(register, crn: StoreFixtures.crn(number))
            spec.viewed = d.plus(-number * 7)
            if number == 2 { spec.level = 2; spec.category = 2; spec.homeForce = register.met }
            if number == 3 { spec.ethnicity = nil }
            ids.append(try register.nominal(spec))
        }
        try register.snapshot(register.london, on: d.plus(-3), [
            CaseSpec(crn: StoreFixtures.crn(1)), CaseSpec(crn: StoreFixtures.crn(2), level: 3),
            CaseSpec(crn: StoreFixtures.crn(50), category: 2, level: 2, custody: "in_custody", release: d.adding(months: 6)),
        ])
        let evaluator = RuleEvaluator(database: register.database, workers: 2)
        _ = try evaluator.evaluation(asOf: d, policy: .standard, horizonDays: 30)
        return (register, evaluator, ids)
    }

    func expectSameAsFull(_ register: RulesRegister, _ partial: RuleEvaluation,
                          sourceLocation: SourceLocation = #_sourceLocation) throws {
        let full = try RuleEvaluator(database: register.database).evaluation(asOf: d, policy: .standard, horizonDays: 30)
        let expected = ActionList.sorted(full.actions, asOf: d, policy: .standard)
        let actual = ActionList.sorted(partial.actions, asOf: d, policy: .standard)
        #expect(actual == expected, sourceLocation: sourceLocation)
    }

    @Test("A level raised: R6, R10 and R11 change for that nominal only")
    func levelChanged() throws {
        let (register, evaluator, ids) = try prepared()
        try register.execute("UPDATE nominal SET mappa_level = 3, level_since = ?, duty_changed_on = ? WHERE id = ?",
                             [d, d, ids[0]])
        let partial = try evaluator.reevaluate(nominals: [ids[0]], fallbackDate: d)
        #expect(partial.actions.contains { $0.rule == .r6 && $0.nominalID == ids[0] })
        try expectSameAsFull(register, partial)
    }

    @Test("A duty met: the police made a partner (R6), the record completed (R8), viewed (R14)")
    func dutiesMet() throws {
        let (register, evaluator, ids) = try prepared()
        try register.execute("""
            INSERT INTO partnership (nominal_id, agency_id, restricted, state, started_at) VALUES (?, ?, 0, 'active', 'x')
            """, [ids[1], register.met])
        try register.execute("UPDATE nominal SET ethnicity = 'NS' WHERE id = ?", [ids[2]])
        try register.execute("UPDATE record_view SET last_viewed_on = ? WHERE nominal_id = ?", [d, ids[5]])
        let partial = try evaluator.reevaluate(nominals: [ids[1], ids[2], ids[5]], fallbackDate: d)
        #expect(!partial.actions.contains { $0.rule == .r6 || $0.rule == .r8 })
        try expectSameAsFull(register, partial)
    }

    @Test("A new nominal, beyond the last evaluated id, and the case it now matches (R1 met)")
    func created() throws {
        let (register, evaluator, _) = try prepared()
        var spec = NominalSpec.met(register, crn: StoreFixtures.crn(50))
        spec.validated = nil
        spec.created = d
        let id = try register.nominal(spec)
        let partial = try evaluator.reevaluate(nominals: [id], fallbackDate: d)
        #expect(!partial.actions.contains { $0.rule == .r1 })
        #expect(partial.actions.contains { $0.rule == .r10 && $0.nominalID == id })
        try expectSameAsFull(register, partial)
    }

    @Test("A changed crn: the case it matched has no nominal now, and the nominal no case (R9)")
    func identifiersChanged() throws {
        let (register, evaluator, ids) = try prepared()
        try register.execute("UPDATE nominal SET crn = 'Y999999' WHERE id = ?", [ids[0]])
        let partial = try evaluator.reevaluate(nominals: [ids[0]], fallbackDate: d)
        #expect(partial.actions.contains { $0.rule == .r9 && $0.crn?.canonical == StoreFixtures.crn(1) })
        #expect(partial.actions.contains { $0.rule == .r9 && $0.nominalID == ids[0] })
        try expectSameAsFull(register, partial)
    }

    @Test("Agency rules follow too: an instruction acknowledged (R15)")
    func agencyRules() throws {
        let (register, evaluator, _) = try prepared()
        try register.execute("UPDATE user_account SET acknowledged_at = NULL WHERE id = ?", [register.om])
        let before = try evaluator.reevaluate(nominals: [], fallbackDate: d)
        #expect(before.actions.contains { $0.rule == .r15 })
        try register.execute("UPDATE user_account SET acknowledged_at = 'now' WHERE id = ?", [register.om])
        let after = try evaluator.reevaluate(nominals: [], fallbackDate: d)
        #expect(!after.actions.contains { $0.rule == .r15 })
        try expectSameAsFull(register, after)
    }

    @Test("Without an earlier evaluation, a re-evaluation is a full one")
    func fallback() throws {
        let register = try RulesRegister()
        try register.nominal(.met(register))
        let evaluator = RuleEvaluator(database: register.database)
        #expect(evaluator.lastEvaluation == nil)
        let evaluation = try evaluator.reevaluate(nominals: [1], fallbackDate: d, horizonDays: 30)
        #expect(evaluation.asOf == d)
        try expectSameAsFull(register, evaluation)
    }
}
