import Foundation
import GRDB
import Testing
import VisorDomain
import VisorRegister
@testable import VisorStore

/// The nominal scan's columns are declared once (`NominalScan.Column`): the
/// SELECT is written from the declaration, so a column's position is its
/// raw value by construction; these tests hold the declaration to the schema.
@Suite("Rules: the nominal scan's columns come from one declaration")
struct RulesScanColumnTests {
    typealias Column = NominalScan.Column

    @Test("Each case's position is its place in the list, and each name is a distinct column of nominal")
    func declaration() throws {
        #expect(Column.allCases.map(\.rawValue) == Array(0..<Int32(Column.allCases.count)))
        #expect(Set(Column.allCases.map(\.name)).count == Column.allCases.count)
        let register = try RulesRegister()
        let names = try register.database.read { db in
            try Row.fetchAll(db, sql: "PRAGMA table_info(nominal)").map { $0["name"] as String }
        }
        for column in Column.allCases { #expect(names.contains(column.name), "\(column)") }
    }

    @Test("The statement selects the declared columns, in their order")
    func statement() throws {
        let register = try RulesRegister()
        for scope in [NominalScope.range(1, 100), .ids([1, 2, 3])] {
            let names = try register.database.read { db in
                try db.makeStatement(sql: NominalScan.sql(scope: scope)).columnNames
            }
            #expect(names == Column.allCases.map(\.name))
        }
    }

    @Test("The accessors read the column they are given")
    func accessors() throws {
        let register = try RulesRegister()
        var spec = NominalSpec.met(register)
        spec.custody = "in_custody"
        spec.establishment = register.belmarsh
        spec.custodyStart = RulesRegister.today.plus(-40)
        spec.release = RulesRegister.today.adding(months: 8)
        spec.levelSince = RulesRegister.today.plus(-4)
        let id = try register.nominal(spec)
        let decoded = try register.database.read { db in
            let scan = try SQLiteCursor(db, sql: NominalScan.sql(scope: .ids([id])), cached: false)
            defer { scan.close() }
            _ = try scan.next()
            let row = try NominalRow(scan.row)
            return (row.id, row.custody, row.crn, row.reference(.establishment), try row.date(.custodyStart),
                    try row.date(.releaseDate), try row.date(.levelSince), try row.date(.lastNotification),
                    row.string(.surname), try row.code(.orderType, as: OrderType.self))
        }
        #expect(decoded.0 == id)
        #expect(decoded.1 == .inCustody)
        #expect(decoded.2?.canonical == spec.crn)
        #expect(decoded.3 == register.belmarsh)
        #expect(decoded.4 == spec.custodyStart)
        #expect(decoded.5 == spec.release)
        #expect(decoded.6 == spec.levelSince)
        #expect(decoded.7 == nil)
        #expect(decoded.8 == spec.surname)
        #expect(decoded.9 == .licence)
    }
}
