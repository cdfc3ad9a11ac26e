import Foundation
import GRDB
import Testing
import VisorDomain
import VisorRegister
@testable import VisorStore

/// The schema refuses bad data by itself (issue 2: "a direct SQL insert of an
/// invalid category fails"), keeps the audit trail append-only, and the file is private.
@Suite("Schema: constraints, audit trail, file")
struct SchemaTests {
    /// A valid nominal row, column by column; a test changes one column.
    static func validNominal(owner: AgencyID) -> [String: (any DatabaseValueConvertible)?] {
        [
            "surname": "Smith", "forenames": "John", "sort_key": "smith john", "date_of_birth": "1980-01-01",
            "gender": "M", "mappa_category": 1, "mappa_level": 1, "owner_agency_id": owner,
            "custody_status": "community", "order_type": "none", "source": "entered", "created_on": "2026-11-25",
            "duty_changed_on": "2026-11-25", "updated_at": "2026-11-25 12:00:00.000", "crn": "X000001",
            "pnc_id": "1979/0163001B",
        ]
    }

    /// Inserts a nominal by plain SQL, bypassing every Swift check.
    static func insertNominal(_ register: TestRegister, _ changes: [String: (any DatabaseValueConvertible)?] = [:])
        throws {
        var columns = validNominal(owner: try register.agencyID("London"))
        for (column, value) in changes { columns[column] = value }
        let names = columns.keys.sorted()
        let sql = "INSERT INTO nominal (\(names.joined(separator: ", "))) VALUES ("
            + names.map { _ in "?" }.joined(separator: ", ") + ")"
        let arguments = StatementArguments(names.map { columns[$0] ?? nil })
        try register.database.writer.write { db in try db.execute(sql: sql, arguments: arguments) }
    }

    /// The SQLite error of `body`, nil when it succeeded.
    static func databaseError(_ body: () throws -> Void) -> DatabaseError? {
        do {
            try body()
            return nil
        } catch let error as DatabaseError {
            return error
        } catch {
            Issue.record("not a database error: \(error)")
            return nil
        }
    }

    @Test("The valid row the other cases start from is accepted")
    func validRowAccepted() throws {
        let register = try TestRegister()
        try Self.insertNominal(register)
        #expect(try register.count("SELECT count(*) FROM nominal") == 1)
    }

    struct Invalid: Sendable, CustomTestStringConvertible {
        var name: String
        var column: String
        var value: String?
        var integer: Int?
        var testDescription: String { name }
    }

    static let invalidValues: [Invalid] = [
        Invalid(name: "category 5", column: "mappa_category", integer: 5),
        Invalid(name: "category 0", column: "mappa_category", integer: 0),
        Invalid(name: "no category", column: "mappa_category"),
        Invalid(name: "category as a word", column: "mappa_category", value: "one"),
        Invalid(name: "level 4", column: "mappa_level", integer: 4),
        Invalid(name: "gender Q", column: "gender", value: "Q"),
        Invalid(name: "gender in lower case", column: "gender", value: "m"),
        Invalid(name: "a PNC ID not in its stored form", column: "pnc_id", value: "79/163001B"),
        Invalid(name: "a PNC ID with a short serial", column: "pnc_id", value: "1979/163001B"),
        Invalid(name: "a lower-case CRN", column: "crn", value: "x000001"),
        Invalid(name: "a CRO number NONE", column: "cro_number", value: "NONE"),
        Invalid(name: "an unknown ethnicity", column: "ethnicity", value: "Z9"),
        Invalid(name: "a date that is not ISO", column: "date_of_birth", value: "01/01/1980"),
        Invalid(name: "a timestamp for a date", column: "date_of_birth", value: "1980-01-01T00:00:00Z"),
        Invalid(name: "a date as a day number", column: "date_of_birth", integer: 3_652),
        Invalid(name: "an empty surname", column: "surname", value: ""),
        Invalid(name: "no surname", column: "surname"),
        Invalid(name: "an unknown custody status", column: "custody_status", value: "prison"),
    ]

    @Test("A direct SQL insert of an invalid value fails", arguments: invalidValues)
    func invalidValueRefused(_ invalid: Invalid) throws {
        let register = try TestRegister()
        let value: (any DatabaseValueConvertible)? = invalid.integer ?? invalid.value
        let error = Self.databaseError { try Self.insertNominal(register, [invalid.column: value]) }
        #expect(error?.resultCode == .SQLITE_CONSTRAINT)
        #expect(try register.count("SELECT count(*) FROM nominal") == 0)
    }

    @Test("Category 3 at level 1 fails; at level 2 it is accepted")
    func categoryThreeNeedsLevelTwo() throws {
        let register = try TestRegister()
        let error = Self.databaseError { try Self.insertNominal(register, ["mappa_category": 3, "mappa_level": 1]) }
        #expect(error?.extendedResultCode == .SQLITE_CONSTRAINT_CHECK)
        try Self.insertNominal(register, ["mappa_category": 3, "mappa_level": 2])
        #expect(try register.count("SELECT count(*) FROM nominal") == 1)
    }

    @Test("A release date needs its type, and a type needs its date")
    func releaseDateAndType() throws {
        let register = try TestRegister()
        #expect(Self.databaseError { try Self.insertNominal(register, ["release_date": "2027-01-01"]) }?
            .extendedResultCode == .SQLITE_CONSTRAINT_CHECK)
        #expect(Self.databaseError { try Self.insertNominal(register, ["release_date_type": "actual"]) }?
            .extendedResultCode == .SQLITE_CONSTRAINT_CHECK)
    }

    @Test("A duplicate crn, or a duplicate PNC ID, fails")
    func duplicateIdentifiers() throws {
        let register = try TestRegister()
        try Self.insertNominal(register)
        let sameCRN = Self.databaseError { try Self.insertNominal(register, ["pnc_id": nil]) }
        #expect(sameCRN?.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE)
        let samePNC = Self.databaseError { try Self.insertNominal(register, ["crn": "X000002"]) }
        #expect(samePNC?.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE)
        // Two nominals without a PNC ID are fine.
        try Self.insertNominal(register, ["crn": "X000003", "pnc_id": nil])
        try Self.insertNominal(register, ["crn": "X000004", "pnc_id": nil])
        #expect(try register.count("SELECT count(*) FROM nominal") == 3)
    }

    @Test("A nominal whose owner agency does not exist fails (foreign key)")
    func ownerMustExist() throws {
        let register = try TestRegister()
        let error = Self.databaseError { try Self.insertNominal(register, ["owner_agency_id": 99_999]) }
        #expect(error?.extendedResultCode == .SQLITE_CONSTRAINT_FOREIGNKEY)
        let manager = Self.databaseError { try Self.insertNominal(register, ["manager_user_id": 99_999]) }
        #expect(manager?.extendedResultCode == .SQLITE_CONSTRAINT_FOREIGNKEY)
    }

    @Test("The audit trail refuses UPDATE and DELETE, and keeps its rows")
    func auditAppendOnly() throws {
        let register = try TestRegister()
        let before = try register.database.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM audit_event ORDER BY id")
        }
        try #require(!before.isEmpty)
        let update = Self.databaseError {
            try register.database.writer.write { db in try db.execute(sql: "UPDATE audit_event SET detail = 'edited'") }
        }
        #expect(update?.message?.contains("append-only") == true)
        let delete = Self.databaseError {
            try register.database.writer.write { db in try db.execute(sql: "DELETE FROM audit_event") }
        }
        #expect(delete?.message?.contains("append-only") == true)
        let after = try register.database.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM audit_event ORDER BY id")
        }
        #expect(after == before)
        // Appending still works.
        try register.database.writer.write { db in
            try AuditLog.append(db, at: StoreFixtures.clock.now(), actor: .operator(osUser: "tester"), action: .report)
        }
        #expect(try register.count("SELECT count(*) FROM audit_event") == before.count + 1)
    }

    @Test("The database file, its -wal and -shm have mode 0600; a new folder 0700")
    func filesArePrivate() throws {
        let folder = try TemporaryFolder("modes")
        let path = folder.file("new/deeper/visor.sqlite")
        let previous = umask(0o022)
        defer { umask(previous) }
        let database = try AppDatabase.open(path: path, clock: StoreFixtures.clock)
        try database.write { db in try db.execute(sql: "INSERT INTO meta (key, value) VALUES ('test', 'x')") }
        // While the register is open, the write-ahead log and shared memory exist.
        for file in [path, path + "-wal", path + "-shm"] {
            #expect(FileManager.default.fileExists(atPath: file), "\(file) missing")
            #expect(Self.mode(file) == 0o600, "\(file) has mode \(String(Self.mode(file), radix: 8))")
        }
        #expect(Self.mode(folder.file("new/deeper")) == 0o700)
        try database.close()
    }

    @Test("PRAGMA application_id marks the file, in the main file's header")
    func applicationID() throws {
        let register = try TestRegister()
        let id = try register.database.read { db in try Int32.fetchOne(db, sql: "PRAGMA application_id") }
        #expect(id == 0x5649_5352)
        let header = try #require(FileManager.default.contents(atPath: register.path)).prefix(100)
        #expect(Array(header[68..<72]) == Array("VISR".utf8))
    }

    @Test("Every connection has WAL mode and foreign keys on")
    func walAndForeignKeys() throws {
        let register = try TestRegister()
        let reading = try register.database.read { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA foreign_keys"))
        }
        #expect(reading.0 == "wal")
        #expect(reading.1 == 1)
        let writing = try register.database.writer.writeWithoutTransaction { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA foreign_keys"))
        }
        #expect(writing.0 == "wal")
        #expect(writing.1 == 1)
    }

    static func mode(_ path: String) -> Int {
        var info = stat()
        guard stat(path, &info) == 0 else { return -1 }
        return Int(info.st_mode & 0o777)
    }
}
