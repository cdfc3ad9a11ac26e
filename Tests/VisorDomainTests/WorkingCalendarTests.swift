import Testing
@testable import VisorDomain

/// Working days skip Saturdays, Sundays and England and Wales bank holidays (2024–2030).
@Suite("Working calendar")
struct WorkingCalendarTests {
    static let calendar = WorkingCalendar(bankHolidays: EnglandAndWalesBankHolidays.dates)

    static func date(_ iso: String) throws -> LocalDate { try #require(LocalDate(iso: iso)) }

    @Test("adding working days skips weekends and bank holidays (outside 2024–2030 only weekends)", arguments: [
        // An ordinary week.
        ("2026-11-25", 1, "2026-11-26"),
        ("2026-11-23", 4, "2026-11-27"),
        // Across a weekend.
        ("2026-11-27", 1, "2026-11-30"),
        ("2026-11-25", 3, "2026-11-30"),
        ("2026-11-23", 5, "2026-11-30"),
        ("2026-11-23", 10, "2026-12-07"),
        // Starting on a weekend: the next working day is the first.
        ("2026-11-28", 1, "2026-11-30"),
        ("2026-11-29", 1, "2026-11-30"),
        // Christmas 2026: 25 December (Friday) and 28 December (Monday, for Boxing Day) are holidays.
        ("2026-12-24", 1, "2026-12-29"),
        ("2026-12-23", 2, "2026-12-29"),
        ("2026-12-24", 3, "2026-12-31"),
        ("2026-12-24", 4, "2027-01-04"),
        // Easter 2026: Good Friday 3 April and Easter Monday 6 April.
        ("2026-04-02", 1, "2026-04-07"),
        // The early May and summer bank holidays.
        ("2026-05-01", 1, "2026-05-05"),
        ("2026-08-28", 3, "2026-09-03"),
        // Christmas 2027 falls on a weekend: substitutes on 27 and 28 December.
        ("2027-12-24", 1, "2027-12-29"),
        // New Year 2028 falls on a Saturday: substitute Monday 3 January.
        ("2027-12-31", 1, "2028-01-04"),
        // R4: a request on a Friday is answered within three working days.
        ("2026-11-27", 3, "2026-12-02"),
        // Outside 2024–2030 only weekends are skipped. Christmas 2023 (Monday) and Boxing Day are not listed.
        ("2023-12-22", 1, "2023-12-25"),
        ("2023-12-22", 2, "2023-12-26"),
        // Christmas 2031 (Thursday).
        ("2031-12-24", 1, "2031-12-25"),
        // Good Friday 2031 is 11 April.
        ("2031-04-10", 1, "2031-04-11"),
        // Weekends are still skipped.
        ("2031-12-26", 1, "2031-12-29"),
        ("2023-12-29", 1, "2024-01-02"),
    ])
    func addingWorkingDays(start: String, count: Int, expected: String) throws {
        #expect(Self.calendar.adding(workingDays: count, to: try Self.date(start)).iso == expected)
    }

    @Test("zero working days is the start date itself, even on a holiday or weekend",
          arguments: ["2026-11-25", "2026-12-25", "2026-11-28"])
    func zeroDays(start: String) throws {
        let date = try Self.date(start)
        #expect(Self.calendar.adding(workingDays: 0, to: date) == date)
    }

    @Test("a negative count goes back the same number of working days", arguments: [
        ("2026-12-29", -1, "2026-12-24"),
        ("2026-11-30", -1, "2026-11-27"),
        ("2026-11-30", -5, "2026-11-23"),
        ("2026-04-07", -1, "2026-04-02"),
    ])
    func negativeCount(start: String, count: Int, expected: String) throws {
        #expect(Self.calendar.adding(workingDays: count, to: try Self.date(start)).iso == expected)
    }

    @Test("working days are weekdays that are not bank holidays")
    func isWorkingDay() throws {
        #expect(Self.calendar.isWorkingDay(try Self.date("2026-11-25")))
        #expect(!Self.calendar.isWorkingDay(try Self.date("2026-11-28")))
        #expect(!Self.calendar.isWorkingDay(try Self.date("2026-11-29")))
        #expect(!Self.calendar.isWorkingDay(try Self.date("2026-12-25")))
        #expect(!Self.calendar.isWorkingDay(try Self.date("2026-12-28")))
        #expect(Self.calendar.isWorkingDay(try Self.date("2026-12-29")))
        // Without the holiday list, Christmas Day is a working day.
        #expect(WorkingCalendar(bankHolidays: []).isWorkingDay(try Self.date("2026-12-25")))
    }

    @Test("adding working days agrees with stepping one date at a time, 2023–2031, ±15 days")
    func agreesWithStepping() throws {
        let start = try Self.date("2023-12-01")
        for offset in stride(from: 0, to: 8 * 366, by: 3) {
            let from = start.adding(days: offset)
            for count in [-15, -6, -1, 1, 2, 5, 10, 15] {
                var expected = from
                var remaining = abs(count)
                while remaining > 0 {
                    expected = expected.adding(days: count < 0 ? -1 : 1)
                    if Self.calendar.isWorkingDay(expected) { remaining -= 1 }
                }
                #expect(Self.calendar.adding(workingDays: count, to: from) == expected, "\(from) \(count)")
            }
        }
    }

    @Test("a calendar, and a policy's, follow their holidays when they are changed")
    func changedHolidays() throws {
        let wednesday = try Self.date("2026-11-25")
        var calendar = WorkingCalendar(bankHolidays: [])
        #expect(calendar.adding(workingDays: 1, to: wednesday).iso == "2026-11-26")
        calendar.bankHolidays = [try Self.date("2026-11-26")]
        #expect(calendar.adding(workingDays: 1, to: wednesday).iso == "2026-11-27")
        var policy = Policy.standard
        #expect(policy.workingCalendar.adding(workingDays: 1, to: wednesday).iso == "2026-11-26")
        policy.bankHolidays.insert(try Self.date("2026-11-26"))
        policy.bankHolidays.insert(try Self.date("2026-11-27"))
        #expect(policy.workingCalendar.adding(workingDays: 1, to: wednesday).iso == "2026-11-30")
    }

    @Test("each year 2024–2030 has its eight bank holidays, all on weekdays",
          arguments: 2024...2030)
    func eightPerYear(year: Int) {
        let days = EnglandAndWalesBankHolidays.dates.filter { $0.year == year }
        #expect(days.count == 8)
        #expect(days.allSatisfy { !$0.isWeekend })
        #expect(EnglandAndWalesBankHolidays.isoDates.filter { $0.hasPrefix("\(year)-") }.count == 8)
    }

    @Test("every listed holiday is a real date and none is lost")
    func allListedDatesParse() {
        #expect(EnglandAndWalesBankHolidays.dates.count == EnglandAndWalesBankHolidays.isoDates.count)
        #expect(EnglandAndWalesBankHolidays.dates.count == 56)
        #expect(EnglandAndWalesBankHolidays.dates.allSatisfy { (2024...2030).contains($0.year) })
    }

    @Test("the fixed-rule holidays of each year are listed", arguments: 2024...2030)
    func standingRules(year: Int) throws {
        let days = EnglandAndWalesBankHolidays.dates
        // Easter (anonymous Gregorian computus): Good Friday and Easter Monday.
        let easter = try #require(Self.easterSunday(year))
        #expect(days.contains(easter.adding(days: -2)), "Good Friday \(year)")
        #expect(days.contains(easter.adding(days: 1)), "Easter Monday \(year)")
        // Early May: first Monday of May; spring: last Monday of May; summer: last Monday of August.
        #expect(days.contains(try Self.firstMonday(month: 5, year: year)))
        #expect(days.contains(try Self.lastMonday(month: 5, year: year)))
        #expect(days.contains(try Self.lastMonday(month: 8, year: year)))
        // New Year's Day, or the next Monday when it falls at a weekend.
        #expect(days.contains(try Self.substitute(for: Self.date("\(year)-01-01"))))
        // Christmas and Boxing Day, with substitutes.
        let christmas = try Self.date("\(year)-12-25")
        let boxing = try Self.date("\(year)-12-26")
        switch christmas.isoWeekday {
        case 5: // Friday: Boxing Day moves to Monday 28.
            #expect(days.contains(christmas) && days.contains(christmas.adding(days: 3)))
        case 6: // Saturday: Monday 27 and Tuesday 28.
            #expect(days.contains(christmas.adding(days: 2)) && days.contains(christmas.adding(days: 3)))
        case 7: // Sunday: Monday 26 and Tuesday 27.
            #expect(days.contains(boxing) && days.contains(christmas.adding(days: 2)))
        default:
            #expect(days.contains(christmas) && days.contains(boxing))
        }
    }

    static func easterSunday(_ year: Int) -> LocalDate? {
        let a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4
        let f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1
        return LocalDate(year: year, month: month, day: day)
    }

    static func firstMonday(month: Int, year: Int) throws -> LocalDate {
        let first = try #require(LocalDate(year: year, month: month, day: 1))
        return first.adding(days: (8 - first.isoWeekday) % 7)
    }

    static func lastMonday(month: Int, year: Int) throws -> LocalDate {
        let last = try #require(LocalDate(year: year, month: month, day: LocalDate.daysIn(month: month, year: year)))
        return last.adding(days: -((last.isoWeekday + 6) % 7))
    }

    static func substitute(for date: LocalDate) -> LocalDate {
        switch date.isoWeekday {
        case 6: date.adding(days: 2)
        case 7: date.adding(days: 1)
        default: date
        }
    }
}
