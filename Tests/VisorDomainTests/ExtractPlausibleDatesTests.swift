import Testing
@testable import VisorDomain

/// Dates an extract may not give (issue 11, item 6): a birth before 1900, and
/// custody or a release before the birth. Each is a fault of its own column.
@Suite("Extract row validator: plausible dates")
struct ExtractPlausibleDatesTests {
    typealias Rows = ExtractRowValidatorTests

    @Test("a date of birth from 1900-01-01 is accepted; the day before is not")
    func earliestBirth() throws {
        let born = try Rows.accepted([.dateOfBirth: "1900-01-01"]).dateOfBirth
        #expect(born == (try Rows.date("1900-01-01")))
        #expect(try Rows.fault([.dateOfBirth: "1899-12-31"]).description
            == "line 7: date_of_birth: 1899-12-31: is before 1900-01-01")
        #expect(try Rows.fault([.dateOfBirth: "0001-01-01"]).description
            == "line 7: date_of_birth: 0001-01-01: is before 1900-01-01")
    }

    @Test("custody may start and release fall on the day of birth, not before", arguments: [
        (ExtractColumn.custodyStartDate, "custody_start_date"), (.releaseDate, "release_date"),
    ])
    func notBeforeBirth(column: ExtractColumn, name: String) throws {
        // The good row's custody start (2025) is cleared unless it is the column under test.
        func row(_ value: String) -> [ExtractColumn: String] {
            var changes: [ExtractColumn: String] = [.dateOfBirth: "1979-05-01", .custodyStartDate: ""]
            changes[column] = value
            return changes
        }
        _ = try Rows.accepted(row("1979-05-01"))
        #expect(try Rows.fault(row("1979-04-30")).description
            == "line 7: \(name): 1979-04-30: is before the date of birth (1979-05-01)")
    }

    @Test("a bad date of birth is reported first, in column order, not as a later column's fault")
    func birthFaultComesFirst() throws {
        #expect(try Rows.fault([.dateOfBirth: "1850-01-01", .releaseDate: "1840-01-01"]).column == "date_of_birth")
    }
}
