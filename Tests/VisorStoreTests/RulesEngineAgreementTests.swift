import Foundation
import GRDB
import Testing
import VisorDomain
import VisorDemo
import VisorRegister
@testable import VisorStore

/// The evaluator against `RuleEngine` on the same facts: a demonstration
/// register (every rule on its edge, and bulk records), with archived
/// records, ended partnerships, revoked roles and a disabled user added,
/// evaluated at several dates and horizons. The store's queries pre-filter
/// and defer; the pure rules on every row read naively must agree exactly.
@Suite("Rules: the evaluator agrees with RuleEngine", .serialized)
struct RulesEngineAgreementTests {
    static let today = LocalDate(year: 2026, month: 11, day: 25)!

    /// One demo register for the suite (building it hashes the demo password).
    static let register: Result<(TemporaryFolder, AppDatabase), any Error> = Result {
        let folder = try TemporaryFolder("rules-agreement")
        let clock = FixedClock(date: today)
        let path = folder.file("demo.sqlite")
        _ = try AppDatabase.createDemo(path: path, nominals: 600, seed: 7, today: today, clock: clock)
        let database = try AppDatabase.open(path: path, clock: clock)
        try database.write { db in
            try db.execute(sql: "UPDATE nominal SET lifecycle = 'archived' WHERE id % 37 = 0")
            try db.execute(sql: """
                UPDATE partnership SET state = 'ended', ended_at = '2026-11-20 10:00:00.000', ended_on = '2026-11-20'
                WHERE id % 5 = 0
                """)
            try db.execute(sql: "UPDATE user_role SET revoked_on = '2026-10-01' WHERE user_id % 9 = 0 AND granted_on <= '2026-10-01'")
            try db.execute(sql: "UPDATE user_account SET active = 0 WHERE id % 11 = 0 AND username LIKE 'staff.%'")
            try db.execute(sql: """
                UPDATE nominal SET mappa_category = 1, mappa_level = 1, duty_changed_on = '2026-11-01'
                WHERE id IN (SELECT nominal_id FROM partnership p JOIN agency a ON a.id = p.agency_id
                             WHERE a.kind = 'probation' AND p.state = 'active' LIMIT 3)
                """)
        }
        return (folder, database)
    }

    static func expected(_ database: AppDatabase, asOf date: LocalDate, horizon: Int, policy: Policy) throws -> [Action] {
        let facts = try database.read { db in try RulesNaiveFacts.facts(db, asOf: date) }
        return RuleEngine.list(facts, policy: policy, asOf: date, horizonDays: horizon)
    }

    @Test("Same actions, in the same order, as RuleEngine on naively read facts",
          arguments: [(0, 30), (0, 0), (0, 120), (20, 14), (-40, 30)])
    func agrees(offset: Int, horizon: Int) throws {
        let (_, database) = try Self.register.get()
        let date = Self.today.adding(days: offset)
        let evaluation = try RuleEvaluator(database: database, workers: 2)
            .evaluation(asOf: date, policy: .standard, horizonDays: horizon)
        let actual = ActionList.sorted(evaluation.actions, asOf: date, policy: .standard)
        let expected = try Self.expected(database, asOf: date, horizon: horizon, policy: .standard)
        #expect(actual.count == expected.count)
        #expect(Set(actual).subtracting(expected).isEmpty, "found but not expected")
        #expect(Set(expected).subtracting(actual).isEmpty, "expected but not found")
        #expect(actual == expected)
        for rule in RuleID.allCases where ![RuleID.r7].contains(rule) && offset == 0 && horizon == 30 {
            #expect(expected.contains { $0.rule == rule }, "the demo has no \(rule) action")
        }
    }

    @Test("Slices of a few dozen ids, and extracts read in parts, give the same as RuleEngine",
          arguments: [1, 2])
    func smallSlices(workers: Int) throws {
        let (_, database) = try Self.register.get()
        // 600 nominals in slices of 37: R9's cases and nominals fall on both sides of many boundaries.
        let evaluation = try RuleEvaluator(database: database, workers: workers, sliceSize: 37)
            .evaluation(asOf: Self.today, policy: .standard, horizonDays: 30)
        let actual = ActionList.sorted(evaluation.actions, asOf: Self.today, policy: .standard)
        let expected = try Self.expected(database, asOf: Self.today, horizon: 30, policy: .standard)
        #expect(actual.filter { $0.rule == .r9 }.count > 2)
        #expect(actual == expected)
    }

    @Test("The headers kept for deferred actions are the rules' own")
    func headers() throws {
        let (_, database) = try Self.register.get()
        let evaluation = try RuleEvaluator(database: database).evaluation(asOf: Self.today, policy: .standard,
                                                                          horizonDays: 60)
        var headers: [ActionHeader] = []
        evaluation.forEachHeader { headers.append($0) }
        let built = evaluation.actions.map(ActionHeader.init)
        #expect(headers.count == built.count)
        #expect(Dictionary(grouping: headers, by: { $0 }).mapValues(\.count)
            == Dictionary(grouping: built, by: { $0 }).mapValues(\.count))
        #expect(evaluation.count == built.count)
        #expect(evaluation.overdueCount() == built.filter { $0.due < Self.today }.count)
    }

    @Test("Another policy: shorter periods and a smaller minimum data set give the same as RuleEngine")
    func otherPolicy() throws {
        let (_, database) = try Self.register.get()
        var policy = Policy.standard
        policy.warningWindowDays = 3
        policy.r14ManagerViewDays = 10
        policy.r10ReviewMonthsLevel1 = 2
        policy.r16NotificationYears = 2
        policy.minimumDataSet = [.ethnicity, .rosh]
        let evaluation = try RuleEvaluator(database: database).evaluation(asOf: Self.today, policy: policy,
                                                                          horizonDays: 21)
        let actual = ActionList.sorted(evaluation.actions, asOf: Self.today, policy: policy)
        #expect(actual == (try Self.expected(database, asOf: Self.today, horizon: 21, policy: policy)))
    }
}
