import Foundation
import GRDB
import Testing
import VisorDomain
import VisorRegister
@testable import VisorStore

/// A row the schema forbids — written here through a connection of the
/// test's own that ignores the CHECK constraints, or after taking a NOT NULL
/// out of the schema — stops an evaluation with an error that names the
/// nominal, the column and the value, instead of the record vanishing from
/// every list of actions.
@Suite("Rules: a damaged register is an error that names the row")
struct RulesDamagedRegisterTests {
    /// A register with one nominal, and its path.
    static func register() throws -> (RulesRegister, NominalID, String) {
        let register = try RulesRegister()
        let id = try register.nominal(.met(register))
        return (register, id, register.folder + "/register.sqlite")
    }

    /// Runs `sql` on a connection of its own that skips the CHECK constraints.
    static func damage(_ path: String, _ sql: String) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.inDatabase { db in
            try db.execute(sql: "PRAGMA ignore_check_constraints = ON")
            try db.execute(sql: sql)
        }
    }

    /// The message a full evaluation fails with, if it fails.
    static func failure(_ register: RulesRegister) -> String? {
        do {
            _ = try register.evaluate()
            return nil
        } catch let error as StoreError {
            guard case .io(let message) = error else { return "not an I/O error: \(error)" }
            return message
        } catch {
            return "not a StoreError: \(error)"
        }
    }

    /// Damages the register with `sql`, then returns the message a full evaluation fails with.
    static func failure(_ register: RulesRegister, at path: String, damagedBy sql: String) throws -> String? {
        try damage(path, sql)
        return failure(register)
    }

    @Test("A level outside the CHECK, as the issue puts it", arguments: [1, 2])
    func level(workers: Int) throws {
        let (register, id, path) = try Self.register()
        try Self.damage(path, "UPDATE nominal SET mappa_level = 7 WHERE id = \(id)")
        let expected = "\(path): the register is damaged: nominal \(id): mappa_level: 7 is not a level"
        #expect(throws: StoreError.io(expected)) {
            try RuleEvaluator(database: register.database, workers: workers)
                .evaluation(asOf: RulesRegister.today, policy: .standard, horizonDays: 30)
        }
    }

    @Test("Codes, dates and identifiers the schema's CHECKs forbid, each named with its value",
          arguments: [
            ("custody_status", "'jail'", "custody_status: 'jail' is not a custody status"),
            ("created_on", "'2026-02-30'", "created_on: '2026-02-30' is not a date"),
            ("crn", "'X12'", "crn: 'X12' is not a CRN"),
            ("pnc_id", "'1979/O163001B'", "pnc_id: '1979/O163001B' is not a PNC ID"),
            ("mappa_category", "'two'", "mappa_category: 'two' is not a category"),
            ("manager_assigned_on", "'20261101'", "manager_assigned_on: '20261101' is not a date"),
            ("order_type", "'parole'", "order_type: 'parole' is not an order type"),
          ])
    func column(name: String, value: String, message: String) throws {
        let (register, id, path) = try Self.register()
        if name == "order_type" {
            // Read by R5 only: a police-owned category 1 level 2 record without a probation partner.
            try register.execute("""
                UPDATE nominal SET owner_agency_id = ?, mappa_category = 1, mappa_level = 2,
                    last_notification = '2026-10-01' WHERE id = ?
                """, [register.met, id])
        }
        #expect(try Self.failure(register, at: path,
                                 damagedBy: "UPDATE nominal SET \(name) = \(value) WHERE id = \(id)")
            == "\(path): the register is damaged: nominal \(id): \(message)")
    }

    @Test("A NULL where the schema says NOT NULL")
    func null() throws {
        let (register, id, path) = try Self.register()
        let queue = try DatabaseQueue(path: path)
        try queue.inDatabase { db in
            let version = try Int.fetchOne(db, sql: "PRAGMA schema_version") ?? 0
            try db.execute(sql: "PRAGMA writable_schema = ON")
            try db.execute(sql: """
                UPDATE sqlite_schema SET sql = replace(sql, 'created_on TEXT NOT NULL', 'created_on TEXT')
                WHERE type = 'table' AND name = 'nominal'
                """)
            try db.execute(sql: "PRAGMA schema_version = \(version + 1)")
            try db.execute(sql: "PRAGMA writable_schema = OFF")
        }
        #expect(try Self.failure(register, at: path, damagedBy: "UPDATE nominal SET created_on = NULL WHERE id = \(id)")
            == "\(path): the register is damaged: nominal \(id): created_on: NULL is not a date")
    }

    @Test("A side table's row: a record's view and check")
    func sideTables() throws {
        let (register, id, path) = try Self.register()
        #expect(try Self.failure(register, at: path,
                                 damagedBy: "UPDATE record_view SET last_viewed_on = 'yesterday' WHERE nominal_id = \(id)")
            == "\(path): the register is damaged: nominal \(id): record_view.last_viewed_on: 'yesterday' is not a date")
        try Self.damage(path, "UPDATE record_view SET last_viewed_on = '2026-11-20' WHERE nominal_id = \(id)")
        #expect(try Self.failure(register, at: path,
                                 damagedBy: "UPDATE record_check SET kind = 'audit' WHERE nominal_id = \(id)")
            == "\(path): the register is damaged: nominal \(id): record_check.kind: 'audit' is not a check kind")
    }

    @Test("The other tables the rules read: a partner request, an ended partnership, a user, an extract's case")
    func otherTables() throws {
        let (register, id, path) = try Self.register()
        let prefix = "\(path): the register is damaged: "
        try register.request(id, by: register.met, on: RulesRegister.today.plus(-2))
        #expect(try Self.failure(register, at: path,
                                 damagedBy: "UPDATE partner_request SET requested_on = '2026-02-30' WHERE nominal_id = \(id)")
            == prefix + "nominal \(id): partner_request.requested_on: '2026-02-30' is not a date")
        try register.execute("DELETE FROM partner_request")
        #expect(try Self.failure(register, at: path, damagedBy: """
            INSERT INTO partnership (nominal_id, agency_id, restricted, state, started_at, ended_at, ended_on)
            VALUES (\(id), \(register.met), 0, 'ended', 'x', 'y', '2026-11-2O')
            """) == prefix + "nominal \(id): partnership.ended_on: '2026-11-2O' is not a date")
        try register.execute("DELETE FROM partnership")
        #expect(try Self.failure(register, at: path,
                                 damagedBy: "UPDATE user_account SET created_on = 'long ago' WHERE id = \(register.spo)")
            == prefix + "user \(register.spo): created_on: 'long ago' is not a date")
        try register.execute("UPDATE user_account SET created_on = '2020-01-01' WHERE id = ?", [register.spo])
        try register.snapshot(register.london, on: RulesRegister.today.plus(-3), [
            CaseSpec(crn: "X000001"), CaseSpec(crn: "X000002", category: 2, level: 2, release: RulesRegister.today),
        ])
        #expect(try Self.failure(register, at: path,
                                 damagedBy: "UPDATE extract_case SET mappa_level = 9 WHERE crn = 'X000002'")
            == prefix + "the stored extract of agency \(register.london), line 3: mappa_level: 9 is not a level")
    }

    @Test("A change that re-evaluates the damaged nominal names the row too, and writes nothing")
    func reevaluation() throws {
        let (register, id, path) = try Self.register()
        try Self.damage(path, "UPDATE nominal SET custody_status = 'x' WHERE id = \(id)")
        let expected = "\(path): the register is damaged: nominal \(id): custody_status: 'x' is not a custody status"
        #expect(throws: StoreError.io(expected)) {
            try register.database.change { db, kept in try kept.touch(db, nominals: [id]) }
        }
    }

    @Test("A control character in a damaged value is shown escaped")
    func escaped() throws {
        let (register, id, path) = try Self.register()
        #expect(try Self.failure(register, at: path,
                                 damagedBy: "UPDATE nominal SET custody_status = 'in' || char(27) || '[31m' WHERE id = \(id)")
            == "\(path): the register is damaged: nominal \(id): custody_status: 'in\\x1b[31m' is not a custody status")
    }
}
