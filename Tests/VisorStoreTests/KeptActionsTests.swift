import Foundation
import GRDB
import Testing
import VisorDemo
import VisorDomain
import VisorRegister
@testable import VisorStore

/// Issue 13, item 1: the actions kept in the register are, after any
/// sequence of writes, exactly what a from-scratch evaluation of the rules
/// finds — the independent check the kept table is held to.
@Suite("Kept actions: the same as a full evaluation")
struct KeptActionsTests {
    /// The kept rows against a full evaluation as of `date` with no horizon; a message listing the
    /// first differences, or nil when they agree.
    static func difference(_ database: AppDatabase, asOf date: LocalDate) throws -> String? {
        let policy = try database.policy()
        let kept = try database.read { db in try KeptActionRow.fetch(db, where: "1").map(\.row.action) }
        let full = try RuleEvaluator.evaluate(RuleWindow.unbounded(asOf: date, policy: policy),
                                              on: OneConnectionReadsProvider(database)).actions
        func counted(_ actions: [Action]) -> [Action: Int] { actions.reduce(into: [:]) { $0[$1, default: 0] += 1 } }
        let (keptCounts, fullCounts) = (counted(kept), counted(full))
        guard keptCounts != fullCounts else { return nil }
        let missing = fullCounts.filter { keptCounts[$0.key] != $0.value }.keys.sorted { $0.summary < $1.summary }
        let extra = keptCounts.filter { fullCounts[$0.key] != $0.value }.keys.sorted { $0.summary < $1.summary }
        return "kept \(kept.count), full \(full.count); not kept as evaluated (\(missing.count)): "
            + missing.prefix(5).map { "\($0.rule) \($0.nominalID.map(String.init) ?? "-") \($0.due) \($0.summary)" }
                .joined(separator: " | ")
            + "; kept but not evaluated (\(extra.count)): "
            + extra.prefix(5).map { "\($0.rule) \($0.nominalID.map(String.init) ?? "-") \($0.due) \($0.summary)" }
                .joined(separator: " | ")
    }

    static func expectAgree(_ database: AppDatabase, asOf date: LocalDate, _ after: String,
                            sourceLocation: SourceLocation = #_sourceLocation) throws {
        let state = try database.read { db in try KeptActionsState.read(db) }
        #expect(state.isCurrent(for: try database.policy()), "after \(after): the kept actions are not current",
                sourceLocation: sourceLocation)
        if let difference = try difference(database, asOf: date) {
            Issue.record("after \(after): \(difference)", sourceLocation: sourceLocation)
        }
        // The tally the counts read is the kept actions counted.
        let (tally, counted) = try database.read { db in
            (try Row.fetchAll(db, sql: "SELECT agency_id, due, rule, n FROM kept_action_tally ORDER BY 1, 2, 3")
                .map(\.description),
             try Row.fetchAll(db, sql: """
                SELECT agency_id, due, rule, count(*) AS n FROM kept_action GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
                """).map(\.description))
        }
        #expect(tally == counted, "after \(after): the tally of kept actions is not their count",
                sourceLocation: sourceLocation)
    }

    @Test("A new demonstration register's kept actions are a full evaluation's")
    func demoKept() throws {
        let folder = try TemporaryFolder("kept-demo")
        let today = StoreFixtures.today
        let clock = FixedClock(date: today)
        _ = try AppDatabase.createDemo(path: folder.file("demo.sqlite"), nominals: 2_000, seed: 7, today: today, clock: clock)
        let database = try AppDatabase.open(path: folder.file("demo.sqlite"), clock: clock)
        defer { try? database.close() }
        try Self.expectAgree(database, asOf: today, "the demo")
    }

    @Test("visor actions' stream is domain.md's order, the rows that tie up to the nominal sorted by user name",
          arguments: [0, 30, 3650])
    func streamOrder(horizon: Int) throws {
        let folder = try TemporaryFolder("kept-stream")
        let today = StoreFixtures.today
        let clock = FixedClock(date: today)
        _ = try AppDatabase.createDemo(path: folder.file("demo.sqlite"), nominals: 2_000, seed: 11, today: today,
                                       clock: clock)
        let database = try AppDatabase.open(path: folder.file("demo.sqlite"), clock: clock)
        defer { try? database.close() }
        for asOf in [today, today.adding(days: 3)] {
            let query = ActionQuery(asOf: asOf, horizonDays: horizon)
            var streamed: [String] = []
            _ = try database.streamActions(query) { fields in
                func text(_ bytes: UnsafeBufferPointer<UInt8>?) -> String {
                    bytes.map { String(decoding: $0, as: UTF8.self) } ?? "-"
                }
                streamed.append("R\(fields.rule) \(fields.state.rawValue) \(text(fields.due)) \(text(fields.agency)) "
                    + "\(text(fields.user)) \(fields.nominal.map(String.init) ?? "-") \(text(fields.crn)) "
                    + "\(text(fields.pncID)) \(text(fields.summary))")
            }
            let paged = try database.actionPage(query, offset: 0, limit: 1_000_000).map { listed in
                let action = listed.action
                return "\(action.rule) \(listed.state.rawValue) \(action.due.iso) \(listed.agencyName) "
                    + "\(listed.username ?? "-") \(action.nominalID.map(String.init) ?? "-") \(action.crn?.canonical ?? "-") "
                    + "\(action.pncID?.canonical ?? "-") \(action.summary)"
            }
            #expect(streamed.count > 500)
            #expect(streamed == paged, "as of \(asOf.iso): first difference at \(Array(zip(streamed, paged)).firstIndex { $0.0 != $0.1 } ?? -1)")
        }
    }

    @Test("A register made before the tally gets it counted when opened; a kept action is never updated in place")
    func tallyOnUpgrade() throws {
        let folder = try TemporaryFolder("kept-tally")
        let today = StoreFixtures.today
        let clock = FixedClock(date: today)
        let path = folder.file("demo.sqlite")
        _ = try AppDatabase.createDemo(path: path, nominals: 2_000, seed: 7, today: today, clock: clock)
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in
            for name in KeptActionTally.triggerNames { try db.execute(sql: "DROP TRIGGER \(name)") }
            try db.execute(sql: """
                DROP TABLE kept_action_tally;
                DELETE FROM grdb_migrations WHERE identifier = 'actions: a tally by agency, due date and rule';
                """)
        }
        try queue.close()
        let database = try AppDatabase.open(path: path, clock: clock)
        defer { try? database.close() }
        try Self.expectAgree(database, asOf: today, "the upgrade")
        #expect(throws: (any Error).self) {
            try database.writer.write { db in try db.execute(sql: "UPDATE kept_action SET due = '2030-01-01'") }
        }
    }

    @Test("After random sequences of writes (requests, answers, partners, views, acknowledgements, levels, imports, reconciliations, policy) the kept actions are a full evaluation's",
          arguments: [1, 2, 3] as [UInt64])
    func randomWrites(seed: UInt64) throws {
        let folder = try TemporaryFolder("kept-random")
        let today = StoreFixtures.today
        let clock = FixedClock(date: today)
        _ = try AppDatabase.createDemo(path: folder.file("demo.sqlite"), nominals: 1_500, seed: seed, today: today,
                                       clock: clock)
        let database = try AppDatabase.open(path: folder.file("demo.sqlite"), clock: clock)
        defer { try? database.close() }
        var writes = RandomWrites(database: database, folder: folder, seed: seed)
        for step in 1...60 {
            let done = try writes.next()
            if step % 15 == 0 || done.hasPrefix("import") || done.hasPrefix("reconcile") || done.hasPrefix("policy") {
                try Self.expectAgree(database, asOf: today, "step \(step), \(done) (seed \(seed); \(writes.log.suffix(4)))")
            }
        }
        try Self.expectAgree(database, asOf: today, "the last step (seed \(seed): \(writes.log))")
        #expect(writes.succeeded >= 20, "most writes went through: \(writes.log)")
    }

    @Test("A nominal that takes an unmatched case's CRN meets R1/R2 and R9; one that gives it up raises them again")
    func identifiersMoveCases() throws {
        let register = try RulesRegister()
        let d = RulesRegister.today
        let first = try register.nominal(NominalSpec.met(register, crn: StoreFixtures.crn(1)))
        let second = try register.nominal(NominalSpec.met(register, crn: StoreFixtures.crn(2)))
        try register.snapshot(register.london, on: d.plus(-3), [
            CaseSpec(crn: StoreFixtures.crn(1)),
            CaseSpec(crn: StoreFixtures.crn(50), category: 2, level: 2, custody: "in_custody", release: d.adding(months: 3)),
            CaseSpec(crn: StoreFixtures.crn(51), category: 3, level: 2, mappEntry: d.plus(-10)),
        ])
        let database = register.database
        try database.rebuildKeptActions()
        try Self.expectAgree(database, asOf: d, "the rebuild")
        let r1Before = try database.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM kept_action WHERE rule = 1") }
        #expect(r1Before == 1)
        // The second nominal takes case 50's CRN: R1 is met, case 2 (its old CRN) has no case either way.
        try database.change { db, kept in
            try kept.touch(db, nominals: [second])
            try db.execute(sql: "UPDATE nominal SET crn = ? WHERE id = ?", arguments: [StoreFixtures.crn(50), second])
        }
        try Self.expectAgree(database, asOf: d, "taking case 50's CRN")
        #expect(try database.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM kept_action WHERE rule = 1") } == 0)
        // The first gives up case 1's CRN: case 1 has no nominal now, and the first no case.
        try database.change { db, kept in
            try kept.touch(db, nominals: [first])
            try db.execute(sql: "UPDATE nominal SET crn = ? WHERE id = ?", arguments: [StoreFixtures.crn(60), first])
        }
        try Self.expectAgree(database, asOf: d, "giving up case 1's CRN")
        // A nominal created with case 51's CRN meets R2.
        try database.change { db, kept in
            kept.created(try register.insertNominal(db, NominalSpec.met(register, crn: StoreFixtures.crn(51))))
        }
        try Self.expectAgree(database, asOf: d, "creating case 51's nominal")
    }

    @Test("A policy change rebuilds the kept actions in its own transaction; a new day's first write redates R12 and R13")
    func policyAndDate() throws {
        let register = try RulesRegister()
        let d = RulesRegister.today
        _ = try register.nominal(NominalSpec.met(register, crn: StoreFixtures.crn(1)))
        let database = register.database
        try database.rebuildKeptActions()
        let admin = try register.signedIn(register.admin)
        try database.changePolicy(["rules": .table(["r14_manager_view_days": .integer(3)])], replacing: false,
                                  source: "test", by: admin)
        try Self.expectAgree(database, asOf: d, "the policy change")
        let state = try database.read { db in try KeptActionsState.read(db) }
        #expect(state.policy.contains("rules.r14_manager_view_days = 3"))

        // The same register read by a process whose clock says tomorrow: its first write redates the agency part.
        let tomorrow = d.plus(1)
        let later = try AppDatabase.open(path: register.folder + "/register.sqlite", clock: FixedClock(date: tomorrow))
        defer { try? later.close() }
        try later.refreshActions()
        #expect(try later.read { db in try KeptActionsState.read(db).datedAsOf } == tomorrow)
        try Self.expectAgree(later, asOf: tomorrow, "a new day")
    }
}

/// Full evaluations for the checks: the tasks one after another in one read.
struct OneConnectionReadsProvider: RuleReading {
    let database: AppDatabase

    init(_ database: AppDatabase) { self.database = database }

    func read<T>(_ body: (Database) throws -> T) throws -> T { try database.writer.read(body) }

    func run<Output: Sendable>(_ tasks: [@Sendable (Database) throws -> Output]) throws -> [Output] {
        try database.writer.read { db in try tasks.map { try $0(db) } }
    }
}
