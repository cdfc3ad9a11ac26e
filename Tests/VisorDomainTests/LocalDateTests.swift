import Foundation
import Testing
@testable import VisorDomain

/// Calendar dates: strict ISO parsing and month arithmetic that clips.
@Suite("LocalDate")
struct LocalDateTests {
    static func date(_ iso: String) throws -> LocalDate { try #require(LocalDate(iso: iso)) }

    @Test("real calendar dates are accepted", arguments: [
        "2024-02-29", "2000-02-29", "2026-11-25", "1970-01-01", "0001-01-01", "9999-12-31", "2023-12-31",
        "2023-04-30",
    ])
    func acceptsRealDates(iso: String) throws {
        let date = try Self.date(iso)
        #expect(date.iso == iso)
        #expect(date.description == iso)
    }

    @Test("impossible dates and other forms are refused", arguments: [
        "2023-02-30", "2023-02-29", "1900-02-29", "2100-02-29", "2023-04-31", "2023-13-01", "2023-00-10",
        "2023-01-00", "2023-01-32", "0000-01-01",
        // wrong lengths and separators
        "2023-1-01", "2023-01-1", "23-01-01", "2023-001-01", "20230101", "2023/01/01", "2023-01-01 ",
        " 2023-01-01", "2023-01-01T00:00", "", "2023-01", "+023-01-01", "-023-01-01", "2023-0a-01",
        "２０２３-01-01", "2023–01–01",
    ])
    func refusesOthers(text: String) {
        #expect(LocalDate(iso: text) == nil)
    }

    @Test("the memberwise initialiser refuses what does not exist")
    func memberwise() {
        #expect(LocalDate(year: 2023, month: 2, day: 29) == nil)
        #expect(LocalDate(year: 2024, month: 2, day: 29) != nil)
        #expect(LocalDate(year: 2024, month: 13, day: 1) == nil)
        #expect(LocalDate(year: 2024, month: 6, day: 0) == nil)
        #expect(LocalDate(year: 0, month: 6, day: 1) == nil)
    }

    @Test("adding months clips to the last day of the target month", arguments: [
        ("2025-08-31", -6, "2025-02-28"),
        ("2024-08-31", -6, "2024-02-29"),
        ("2026-01-31", 1, "2026-02-28"),
        ("2024-01-31", 1, "2024-02-29"),
        ("2026-03-31", 1, "2026-04-30"),
        ("2026-05-15", 1, "2026-06-15"),
        ("2026-11-30", 3, "2027-02-28"),
        ("2026-01-15", -1, "2025-12-15"),
        ("2026-01-31", -13, "2024-12-31"),
        ("2026-07-31", -18, "2025-01-31"),
        ("2026-07-31", 0, "2026-07-31"),
        ("2026-12-31", 12, "2027-12-31"),
    ])
    func addingMonths(start: String, months: Int, expected: String) throws {
        #expect(try Self.date(start).adding(months: months).iso == expected)
    }

    @Test("adding years clips 29 February to 28 February", arguments: [
        ("2024-02-29", 1, "2025-02-28"),
        ("2024-02-29", 4, "2028-02-29"),
        ("2024-02-29", -1, "2023-02-28"),
        ("2023-03-01", 1, "2024-03-01"),
        ("2025-11-25", 1, "2026-11-25"),
    ])
    func addingYears(start: String, years: Int, expected: String) throws {
        #expect(try Self.date(start).adding(years: years).iso == expected)
    }

    @Test("day numbers count from 1970-01-01")
    func dayNumbers() throws {
        #expect(try Self.date("1970-01-01").dayNumber == 0)
        #expect(try Self.date("1970-01-02").dayNumber == 1)
        #expect(try Self.date("1969-12-31").dayNumber == -1)
        #expect(try Self.date("2000-03-01").dayNumber == 11_017)
        #expect(LocalDate(dayNumber: 0).iso == "1970-01-01")
        #expect(LocalDate(dayNumber: -1).iso == "1969-12-31")
        #expect(LocalDate(dayNumber: 20_516).iso == "2026-03-04")
    }

    @Test("day numbers agree with Foundation's Gregorian calendar")
    func dayNumbersAgreeWithFoundation() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
        for iso in ["1900-03-01", "1999-12-31", "2000-02-29", "2024-02-29", "2026-11-25", "2100-03-01"] {
            let date = try Self.date(iso)
            let components = DateComponents(year: date.year, month: date.month, day: date.day)
            let instant = try #require(calendar.date(from: components))
            #expect(Int(instant.timeIntervalSince1970) == date.dayNumber * 86_400, "\(iso)")
        }
    }

    @Test("day numbers round-trip across eras, leap days and month ends")
    func dayNumberRoundTrip() throws {
        // Every day from 1899 to 2101 (covers 1900 and 2100, not leap; 2000, leap).
        let first = try Self.date("1899-01-01").dayNumber
        let last = try Self.date("2101-12-31").dayNumber
        var previous = LocalDate(dayNumber: first - 1)
        var failures: [String] = []
        for number in first...last {
            let date = LocalDate(dayNumber: number)
            if date.dayNumber != number || !(previous < date) || LocalDate(iso: date.iso) != date
                || previous.adding(days: 1) != date {
                failures.append("\(number): \(date.iso)")
            }
            previous = date
        }
        #expect(failures.isEmpty)
        #expect(LocalDate(dayNumber: first).iso == "1899-01-01")
        #expect(LocalDate(dayNumber: last).iso == "2101-12-31")
        #expect(last - first + 1 == 203 * 365 + 49)
        for iso in ["0001-01-01", "9999-12-31", "1600-02-29"] {
            let date = try Self.date(iso)
            #expect(LocalDate(dayNumber: date.dayNumber) == date)
        }
    }

    @Test("ISO weekdays run Monday 1 to Sunday 7", arguments: [
        ("2026-11-25", 3), ("2026-11-28", 6), ("2026-11-29", 7), ("2026-11-30", 1), ("1970-01-01", 4),
        ("1969-12-28", 7), ("2000-01-01", 6), ("2024-02-29", 4),
    ])
    func isoWeekday(iso: String, weekday: Int) throws {
        let date = try Self.date(iso)
        #expect(date.isoWeekday == weekday)
        #expect(date.isWeekend == (weekday >= 6))
    }

    @Test("adding days and counting days are inverse")
    func addingDays() throws {
        let start = try Self.date("2026-02-27")
        #expect(start.adding(days: 2).iso == "2026-03-01")
        #expect(start.adding(days: -58).iso == "2025-12-31")
        #expect(start.days(until: try Self.date("2026-03-01")) == 2)
        #expect(try Self.date("2026-03-01").days(until: start) == -2)
    }

    @Test("dates order by year, then month, then day")
    func ordering() throws {
        let dates = try ["2026-01-02", "2025-12-31", "2026-01-10", "2026-02-01"].map(Self.date)
        #expect(dates.sorted().map(\.iso) == ["2025-12-31", "2026-01-02", "2026-01-10", "2026-02-01"])
    }

    @Test("dates encode and decode as ISO strings, and a bad one fails to decode")
    func codable() throws {
        let date = try Self.date("2024-02-29")
        let data = try JSONEncoder().encode([date])
        #expect(String(decoding: data, as: UTF8.self) == "[\"2024-02-29\"]")
        #expect(try JSONDecoder().decode([LocalDate].self, from: data) == [date])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([LocalDate].self, from: Data("[\"2023-02-29\"]".utf8))
        }
    }
}
