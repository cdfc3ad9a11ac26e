import Foundation
import Testing
@testable import VisorDomain

/// Europe/London civil time from the fixed UK summer-time rule.
@Suite("London time")
struct LondonTimeTests {
    /// The instant `iso` `hour`:`minute`:`second` UTC.
    static func utc(_ iso: String, _ hour: Int = 0, _ minute: Int = 0, _ second: Double = 0) throws -> Date {
        let date = try #require(LocalDate(iso: iso))
        return Date(timeIntervalSince1970: TimeInterval(date.dayNumber * 86_400 + hour * 3600 + minute * 60) + second)
    }

    @Test("GMT in winter, BST in summer")
    func offsets() throws {
        #expect(LondonTime.offsetSeconds(at: try Self.utc("2026-01-15", 12)) == 0)
        #expect(LondonTime.offsetSeconds(at: try Self.utc("2026-07-15", 12)) == 3600)
        #expect(LondonTime.offsetSeconds(at: try Self.utc("2026-12-31", 23, 59, 59)) == 0)
        #expect(LondonTime.offsetSeconds(at: try Self.utc("2026-06-21", 0)) == 3600)
    }

    @Test("summer time runs from the last Sunday of March to the last Sunday of October", arguments: [
        (2024, "2024-03-31", "2024-10-27"),
        (2025, "2025-03-30", "2025-10-26"),
        (2026, "2026-03-29", "2026-10-25"),
        (2027, "2027-03-28", "2027-10-31"),
        (2030, "2030-03-31", "2030-10-27"),
    ])
    func lastSundays(year: Int, march: String, october: String) {
        #expect(LondonTime.lastSunday(month: 3, year: year).iso == march)
        #expect(LondonTime.lastSunday(month: 10, year: year).iso == october)
        #expect(LondonTime.lastSunday(month: 3, year: year).isoWeekday == 7)
    }

    @Test("the clocks change at 01:00 UTC on those Sundays", arguments: [
        ("2026-03-29", "2026-10-25"), ("2027-03-28", "2027-10-31"), ("2024-03-31", "2024-10-27"),
    ])
    func switchInstants(march: String, october: String) throws {
        #expect(LondonTime.offsetSeconds(at: try Self.utc(march, 0, 59, 59)) == 0)
        #expect(LondonTime.offsetSeconds(at: try Self.utc(march, 0, 59, 59.999)) == 0)
        #expect(LondonTime.offsetSeconds(at: try Self.utc(march, 1)) == 3600)
        #expect(LondonTime.offsetSeconds(at: try Self.utc(october, 0, 59, 59)) == 3600)
        #expect(LondonTime.offsetSeconds(at: try Self.utc(october, 1)) == 0)
        // The day before each change is unaffected all day.
        let saturdayBefore = try #require(LocalDate(iso: march)).adding(days: -1).iso
        #expect(LondonTime.offsetSeconds(at: try Self.utc(saturdayBefore, 23, 30)) == 0)
    }

    @Test("ISO timestamps carry the London offset", arguments: [
        ("2026-01-15", 9, 30, 0.0, "2026-01-15T09:30:00+00:00"),
        ("2026-06-01", 8, 30, 0.0, "2026-06-01T09:30:00+01:00"),
        ("2026-03-29", 0, 59, 59.0, "2026-03-29T00:59:59+00:00"),
        ("2026-03-29", 1, 0, 0.0, "2026-03-29T02:00:00+01:00"),
        ("2026-10-25", 0, 30, 0.0, "2026-10-25T01:30:00+01:00"),
        ("2026-10-25", 1, 30, 0.0, "2026-10-25T01:30:00+00:00"),
        ("2026-06-30", 23, 30, 0.0, "2026-07-01T00:30:00+01:00"),
        ("2026-12-31", 23, 59, 59.9, "2026-12-31T23:59:59+00:00"),
        ("2027-01-01", 0, 0, 0.0, "2027-01-01T00:00:00+00:00"),
        ("1969-12-31", 23, 59, 59.5, "1969-12-31T23:59:59+00:00"),
    ])
    func iso(day: String, hour: Int, minute: Int, second: Double, expected: String) throws {
        #expect(LondonTime.iso(try Self.utc(day, hour, minute, second)) == expected)
    }

    @Test("the London date near midnight", arguments: [
        ("2026-06-30", 23, 30, "2026-07-01"),
        ("2026-06-30", 22, 59, "2026-06-30"),
        ("2026-06-30", 23, 0, "2026-07-01"),
        ("2026-12-31", 23, 30, "2026-12-31"),
        ("2027-01-01", 0, 0, "2027-01-01"),
        ("2026-03-28", 23, 30, "2026-03-28"),
        ("2026-10-24", 23, 30, "2026-10-25"),
        ("2026-10-25", 23, 30, "2026-10-25"),
        ("1969-12-31", 23, 30, "1969-12-31"),
    ])
    func londonDate(day: String, hour: Int, minute: Int, expected: String) throws {
        #expect(LondonTime.date(of: try Self.utc(day, hour, minute)).iso == expected)
    }

    @Test("clock time is London's hours and minutes")
    func clockTime() throws {
        #expect(LondonTime.clockTime(try Self.utc("2026-01-15", 9, 5)) == "09:05")
        #expect(LondonTime.clockTime(try Self.utc("2026-07-15", 9, 5)) == "10:05")
        #expect(LondonTime.clockTime(try Self.utc("2026-06-30", 23, 30)) == "00:30")
    }

    @Test("a London wall-clock time maps to the right instant")
    func instants() throws {
        let midsummerMidnight = LondonTime.instant(try #require(LocalDate(iso: "2026-07-01")))
        #expect(try midsummerMidnight == Self.utc("2026-06-30", 23))
        let winterNoon = LondonTime.instant(try #require(LocalDate(iso: "2026-01-01")), hour: 12)
        #expect(try winterNoon == Self.utc("2026-01-01", 12))
        let afterSpring = LondonTime.instant(try #require(LocalDate(iso: "2026-03-29")), hour: 2)
        #expect(try afterSpring == Self.utc("2026-03-29", 1))
        let beforeSpring = LondonTime.instant(try #require(LocalDate(iso: "2026-03-29")), hour: 0, minute: 30)
        #expect(try beforeSpring == Self.utc("2026-03-29", 0, 30))
        let afterAutumn = LondonTime.instant(try #require(LocalDate(iso: "2026-10-25")), hour: 2)
        #expect(try afterAutumn == Self.utc("2026-10-25", 2))
    }

    @Test("every existing wall-clock hour round-trips through instant, date and iso")
    func wallClockRoundTrip() throws {
        let start = try #require(LocalDate(iso: "2026-03-25"))
        var failures: [String] = []
        for offset in 0..<220 {
            let day = start.adding(days: offset)
            for hour in 0..<24 {
                // 01:00–01:59 does not exist on the spring-forward Sunday.
                if day.iso == "2026-03-29", hour == 1 { continue }
                let instant = LondonTime.instant(day, hour: hour, minute: 15)
                let expected = day.iso + "T" + (hour < 10 ? "0\(hour)" : "\(hour)") + ":15:00"
                if LondonTime.date(of: instant) != day || !LondonTime.iso(instant).hasPrefix(expected) {
                    failures.append("\(expected) -> \(LondonTime.iso(instant))")
                }
            }
        }
        #expect(failures.isEmpty)
    }

    @Test("London agrees with the host's Europe/London zone, where it has one")
    func agreesWithTimeZoneDatabase() throws {
        guard let london = TimeZone(identifier: "Europe/London") else { return }
        var failures: [String] = []
        let start = try Self.utc("2024-01-01")
        // Every 30 minutes for seven years.
        for step in 0..<(7 * 366 * 48) {
            let instant = start.addingTimeInterval(TimeInterval(step) * 1800)
            if LondonTime.offsetSeconds(at: instant) != london.secondsFromGMT(for: instant) {
                failures.append(LondonTime.iso(instant))
            }
        }
        #expect(failures.isEmpty)
    }

    @Test("a fixed clock's today is the London date", arguments: [
        "2026-11-25", "2026-03-29", "2026-10-25", "2026-07-01", "2024-02-29",
    ])
    func fixedClock(iso: String) throws {
        let date = try #require(LocalDate(iso: iso))
        #expect(FixedClock(date: date).today() == date)
        #expect(LondonTime.clockTime(FixedClock(date: date).now()) == "12:00")
    }

    @Test("a fixed clock just after midnight in summer is already the next day")
    func fixedClockInstant() throws {
        let clock = FixedClock(try Self.utc("2026-06-30", 23, 30))
        #expect(clock.today().iso == "2026-07-01")
    }
}
