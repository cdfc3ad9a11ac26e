/// Working days: not Saturday, Sunday or a listed bank holiday.
public struct WorkingCalendar: Sendable, Hashable {
    public var bankHolidays: Set<LocalDate> {
        didSet { holidayDays = WorkingCalendar.dayNumbers(bankHolidays) }
    }
    /// The holidays as sorted day numbers: a rules evaluation adds working
    /// days for hundreds of thousands of nominals, and stepping through day
    /// numbers costs a fraction of stepping through hashed dates.
    private var holidayDays: [Int]

    public init(bankHolidays: Set<LocalDate>) {
        self.bankHolidays = bankHolidays
        holidayDays = WorkingCalendar.dayNumbers(bankHolidays)
    }

    public func isWorkingDay(_ date: LocalDate) -> Bool {
        !date.isWeekend && !bankHolidays.contains(date)
    }

    /// The date `count` working days after `date` (the start day itself is not
    /// counted); a negative `count` goes back that many working days.
    public func adding(workingDays count: Int, to date: LocalDate) -> LocalDate {
        let step = count < 0 ? -1 : 1
        var day = date.dayNumber
        // Days since a Thursday (1970-01-01): 2 is a Saturday, 3 a Sunday.
        var sinceThursday = (day % 7 + 7) % 7
        var remaining = count.magnitude
        while remaining > 0 {
            day += step
            sinceThursday = (sinceThursday + step + 7) % 7
            if sinceThursday != 2, sinceThursday != 3, !isHoliday(day) { remaining -= 1 }
        }
        return LocalDate(dayNumber: day)
    }

    private func isHoliday(_ day: Int) -> Bool {
        let index = holidayDays.partitioningIndex { $0 >= day }
        return index < holidayDays.endIndex && holidayDays[index] == day
    }

    private static func dayNumbers(_ dates: Set<LocalDate>) -> [Int] { dates.map(\.dayNumber).sorted() }
}

/// England and Wales bank holidays, 2024–2030 (gov.uk; 2027 onwards as announced
/// or by the standing rules, with substitute days for weekends).
public enum EnglandAndWalesBankHolidays {
    public static let dates: Set<LocalDate> = Set(isoDates.compactMap { LocalDate(iso: $0) })

    static let isoDates: [String] = [
        "2024-01-01", "2024-03-29", "2024-04-01", "2024-05-06", "2024-05-27", "2024-08-26", "2024-12-25", "2024-12-26",
        "2025-01-01", "2025-04-18", "2025-04-21", "2025-05-05", "2025-05-26", "2025-08-25", "2025-12-25", "2025-12-26",
        "2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31", "2026-12-25", "2026-12-28",
        "2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03", "2027-05-31", "2027-08-30", "2027-12-27", "2027-12-28",
        "2028-01-03", "2028-04-14", "2028-04-17", "2028-05-01", "2028-05-29", "2028-08-28", "2028-12-25", "2028-12-26",
        "2029-01-01", "2029-03-30", "2029-04-02", "2029-05-07", "2029-05-28", "2029-08-27", "2029-12-25", "2029-12-26",
        "2030-01-01", "2030-04-19", "2030-04-22", "2030-05-06", "2030-05-27", "2030-08-26", "2030-12-25", "2030-12-26",
    ]
}
