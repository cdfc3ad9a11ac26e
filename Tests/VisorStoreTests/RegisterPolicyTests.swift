import Foundation
import GRDB
import Testing
import VisorDomain
import VisorRegister
@testable import VisorStore

/// Issue 13, item 2, in the store: the register keeps its policy; a change is an
/// administrator's, whole or refused, and audited; a damaged setting is an error.
@Suite("The register's policy")
struct RegisterPolicyTests {
    func register() throws -> (AppDatabase, User) {
        let database = try AppDatabase(DatabaseQueue(), clock: StoreFixtures.clock)
        let admin = try database.createRegister(adminUsername: "root", agencyName: "London", password: "secret",
                                                clearance: .bscCRB)
        return (database, admin)
    }

    @Test("A new register's policy is the standard one; a change is kept and read back by the next reader")
    func keptAndRead() throws {
        let (database, admin) = try register()
        #expect(try database.policy() == .standard)
        let changed = try database.changePolicy(["rules": .table(["r4_answer_working_days": .integer(7)])],
                                                replacing: false, source: "test", by: admin)
        #expect(changed.r4AnswerWorkingDays == 7)
        #expect(try database.policy().r4AnswerWorkingDays == 7)
        // Setting another leaves the first; replacing forgets it.
        try database.changePolicy(["sign_in": .table(["lockout_failures": .integer(2)])], replacing: false,
                                  source: "test", by: admin)
        #expect(try database.policy().r4AnswerWorkingDays == 7)
        try database.changePolicy([:], replacing: true, source: "test", by: admin)
        #expect(try database.policy() == .standard)
    }

    @Test("An out-of-range value refuses the whole change (bad input), nothing written, nothing audited as a change")
    func badValueRefused() throws {
        let (database, admin) = try register()
        #expect(throws: StoreError.self) {
            try database.changePolicy(["rules": .table(["r4_answer_working_days": .integer(7)]),
                                       "actions": .table(["warning_window_days": .integer(-1)])],
                                      replacing: false, source: "test", by: admin)
        }
        #expect(try database.policy() == .standard)
        let changes = try database.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit_event WHERE action = 'change_policy'")
        }
        #expect(changes == 0)
    }

    @Test("A damaged setting in the register is an error naming it, not silently the default")
    func damagedSettingIsAnError() throws {
        let (database, admin) = try register()
        try database.changePolicy(["rules": .table(["r4_answer_working_days": .integer(7)])], replacing: false,
                                  source: "test", by: admin)
        try database.write { db in
            try db.execute(sql: #"UPDATE policy_setting SET value = '"seven"' WHERE path = 'rules.r4_answer_working_days'"#)
        }
        do {
            _ = try database.policy()
            Issue.record("a damaged setting must not read as the default")
        } catch {
            #expect(error.description.contains("rules.r4_answer_working_days"), "\(error)")
            #expect(error.description.contains("seven"), "\(error)")
        }
    }
}
