import Foundation
import GRDB
import Testing
import VisorDomain
import VisorRegister
@testable import VisorStore

/// Issue 14, item 2: the write side's schema is a migration that keeps every existing register's
/// data. A register made by the code before it (every migration up to the partners' owner) is
/// opened by today's code: its records read as before, at version 1, and take the new steps.
@Suite("Keeping records: a register made before the write side is migrated with its data")
struct RecordsMigrationTests {
    @Test("Nominals, entries, meetings and checks made before the migration are kept and can be added to")
    func migratesOldRegister() throws {
        let folder = try TemporaryFolder("records-migration")
        let path = folder.file("old.sqlite")
        let today = PartnerRegister.today
        let now = PartnerRegister.clock.now()
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA application_id = \(Schema.applicationID)") }
        try Schema.migrator.migrate(queue, upTo: "partners: owner kept on each request")
        try queue.write { db in
            #expect(try !db.columns(in: "nominal").contains { $0.name == "version" })
            try AgencyRows.insertCatalog(db, createdOn: today)
            let london = try #require(try Int64.fetchOne(db, sql: "SELECT id FROM agency WHERE name = 'London'"))
            let om = try UserRows.insert(db, username: "om", fullName: "Olive Mason", agencyID: london, staffID: nil,
                                         passwordHash: "unused", roles: [.offenderManager], clearance: nil,
                                         createdAt: now, createdOn: today, acknowledgedAt: nil)
            _ = try UserRows.insert(db, username: "cpc", fullName: "Carol Price", agencyID: london, staffID: nil,
                                    passwordHash: "unused", roles: [.cpc, .supervisor], clearance: nil,
                                    createdAt: now, createdOn: today, acknowledgedAt: nil)
            try db.execute(sql: """
                INSERT INTO nominal (id, surname, forenames, sort_key, date_of_birth, gender, crn, mappa_category,
                                     mappa_level, owner_agency_id, manager_user_id, custody_status, order_type, source,
                                     created_on, created_by, duty_changed_on, updated_at)
                VALUES (7, 'Older', 'Record', 'older record', '1970-01-01', 'M', 'X700007', 2, 2, ?, ?, 'community',
                        'none', 'entered', '2026-01-05', ?, '2026-01-05', ?);
                INSERT INTO entry (nominal_id, agency_id, author_id, kind, text, grading, released, created_at)
                VALUES (7, ?, ?, 'intelligence', 'old intelligence', 'B2 P', 0, ?);
                INSERT INTO mapp_meeting (nominal_id, held_on, level, minutes, plan, next_review_on)
                VALUES (7, '2026-06-01', 2, 'old minutes', 'old plan', '2026-09-21');
                INSERT INTO record_check (nominal_id, kind, checked_on, by_user_id) VALUES (7, 'validation', '2026-01-10', ?);
                """, arguments: [london, om, om, now, london, om, now, om])
        }
        try queue.close()

        let database = try AppDatabase.open(path: path, clock: PartnerRegister.clock)
        defer { try? database.close() }
        let om = try #require(try database.user(named: "om"))
        let detail = try database.showRecord(7, for: .user(om))
        #expect(detail.version == 1)
        #expect(detail.nominal.surname == "Older")
        #expect(detail.entries.map(\.text) == ["old intelligence"])
        #expect(detail.entries.first?.grading == "B2 P")
        #expect(detail.meetings.map(\.minutes) == ["old minutes"])
        #expect(detail.lastValidatedOn == LocalDate(iso: "2026-01-10"))
        let added = try database.addEntry(7, EntryDraft(kind: "note", text: "new"), by: om)
        #expect(added.version == 2)
        #expect(added.entries.map(\.text) == ["new", "old intelligence"])
        let edited = try database.editNominal(7, changes: NominalDraft(values: [.level: "3"]), expectedVersion: 2,
                                              by: om, policy: Policy())
        #expect(edited.history.map(\.field) == ["mappa_level"])
    }
}
