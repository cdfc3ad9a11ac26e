import Foundation
import GRDB
import Testing
import VisorDomain
import VisorRegister
@testable import VisorStore

/// The application's check when it opens a register: the last events verify
/// and the append-only triggers are there; otherwise a warning that says what
/// is wrong and what to run, and an `audit_check_failed` event.
@Suite("Audit trail: the start-up check")
struct AuditStartUpCheckTests {
    static let osUser = Actor.operator(osUser: "tester")

    @Test("A sound register passes the check, and the check appends nothing")
    func soundPasses() throws {
        let register = try TestRegister()
        try register.appendEvents(3)
        let mark = try register.lastEventID
        #expect(try register.database.checkAuditTrailAtStartUp(by: Self.osUser) == nil)
        #expect(try register.lastEventID == mark)
    }

    @Test("A missing trigger: the warning names it and suggests visor audit verify; the failure is audited")
    func missingTrigger() throws {
        let register = try TestRegister()
        try register.database.writer.write { db in try db.execute(sql: "DROP TRIGGER audit_event_no_delete") }
        let mark = try register.lastEventID
        let warning = try #require(try register.database.checkAuditTrailAtStartUp(by: Self.osUser))
        #expect(warning.contains("the trigger audit_event_no_delete that keeps the trail append-only is missing"))
        #expect(warning.contains("visor audit verify --db \(register.path)"))
        let events = try register.events(after: mark)
        #expect(events.map(\.action) == ["audit_check_failed"])
        #expect(events.first?.detail.contains("audit_event_no_delete") == true)
    }

    @Test("A trigger replaced by one that lets updates through is reported as changed")
    func replacedTrigger() throws {
        let register = try TestRegister()
        try register.database.writer.write { db in
            try db.execute(sql: """
                DROP TRIGGER audit_event_no_update;
                CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event WHEN 0
                BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
                """)
        }
        let warning = try #require(try register.database.checkAuditTrailAtStartUp(by: Self.osUser))
        #expect(warning.contains("the trigger audit_event_no_update is not the one the schema made"))
    }

    @Test("A recent event altered with the triggers dropped and re-created: the warning names it")
    func recentEventAltered() throws {
        let (register, target) = try TestRegister.tampered(
            events: 10, back: 4, "UPDATE audit_event SET os_user = 'someone else' WHERE id = ?")
        let mark = try register.lastEventID
        let warning = try #require(try register.database.checkAuditTrailAtStartUp(by: Self.osUser))
        #expect(warning.contains("event \(target) does not match its hash"))
        #expect(try register.events(after: mark).map(\.action) == ["audit_check_failed"])
    }

    @Test("A recently deleted event is found; an event older than the window is left to visor audit verify")
    func window() throws {
        let register = try TestRegister()
        try register.appendEvents(10)
        let last = try register.lastEventID
        try register.tamper("UPDATE audit_event SET detail = 'old news' WHERE id = ?", arguments: [last - 6])
        #expect(try register.database.checkAuditTrailAtStartUp(by: Self.osUser, window: 5) == nil)
        #expect(try register.verify().brokenEvent == last - 6)

        try register.tamper("DELETE FROM audit_event WHERE id = ?", arguments: [last - 1])
        let warning = try #require(try register.database.checkAuditTrailAtStartUp(by: Self.osUser, window: 5))
        #expect(warning.contains("event \(last - 1) is missing"))
    }
}
