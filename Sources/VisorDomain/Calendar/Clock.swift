import Foundation

/// The source of the current instant. Domain code never calls `Date()`: it is
/// handed a clock (or an explicit date), so every rule can be run at a fixed date.
public protocol VisorClock: Sendable {
    /// The current instant.
    func now() -> Date
}

extension VisorClock {
    /// Today's calendar date in Europe/London.
    public func today() -> LocalDate { LondonTime.date(of: now()) }
}

/// A clock stopped at one instant, for tests and for `--at`/`--today`.
public struct FixedClock: VisorClock {
    public var instant: Date
    public init(_ instant: Date) { self.instant = instant }
    /// Noon (London) on `date`, so the calendar day is unambiguous.
    public init(date: LocalDate) { self.instant = LondonTime.instant(date, hour: 12) }
    public func now() -> Date { instant }
}

/// Europe/London civil time, computed from the UK's fixed summer-time rule
/// (last Sunday of March to last Sunday of October, changing at 01:00 UTC)
/// so that results never depend on the host's tz database.
public enum LondonTime {
    /// Offset from UTC in seconds at `instant` (0 or 3600).
    public static func offsetSeconds(at instant: Date) -> Int {
        let seconds = Int(floor(instant.timeIntervalSince1970))
        let utcDate = LocalDate(dayNumber: floorDiv(seconds, 86_400))
        let start = lastSunday(month: 3, year: utcDate.year).dayNumber * 86_400 + 3600
        let end = lastSunday(month: 10, year: utcDate.year).dayNumber * 86_400 + 3600
        return (seconds >= start && seconds < end) ? 3600 : 0
    }

    /// The London calendar date at `instant`.
    public static func date(of instant: Date) -> LocalDate {
        let seconds = Int(floor(instant.timeIntervalSince1970)) + offsetSeconds(at: instant)
        return LocalDate(dayNumber: floorDiv(seconds, 86_400))
    }

    /// The instant of `hour`:00 London time on `date`.
    public static func instant(_ date: LocalDate, hour: Int = 0, minute: Int = 0) -> Date {
        let local = date.dayNumber * 86_400 + hour * 3600 + minute * 60
        // The offset is decided at the UTC instant, which is at most an hour away.
        let guess = Date(timeIntervalSince1970: TimeInterval(local))
        let offset = offsetSeconds(at: guess.addingTimeInterval(-3600))
        return Date(timeIntervalSince1970: TimeInterval(local - offset))
    }

    /// ISO 8601 with the London offset, e.g. `2026-06-01T09:30:00+01:00`.
    public static func iso(_ instant: Date) -> String {
        let offset = offsetSeconds(at: instant)
        let seconds = Int(floor(instant.timeIntervalSince1970)) + offset
        let date = LocalDate(dayNumber: floorDiv(seconds, 86_400))
        let secondOfDay = seconds - floorDiv(seconds, 86_400) * 86_400
        return date.iso + "T" + pad(secondOfDay / 3600) + ":" + pad(secondOfDay / 60 % 60) + ":"
            + pad(secondOfDay % 60) + (offset == 0 ? "+00:00" : "+01:00")
    }

    /// `HH:MM` London time, for screens.
    /// "2026-11-28 10:00", London time: how screens show a moment.
    public static func dateAndTime(_ instant: Date) -> String {
        date(of: instant).iso + " " + clockTime(instant)
    }

    public static func clockTime(_ instant: Date) -> String {
        let seconds = Int(floor(instant.timeIntervalSince1970)) + offsetSeconds(at: instant)
        let secondOfDay = seconds - floorDiv(seconds, 86_400) * 86_400
        return pad(secondOfDay / 3600) + ":" + pad(secondOfDay / 60 % 60)
    }

    static func lastSunday(month: Int, year: Int) -> LocalDate {
        let last = LocalDate(year: year, month: month, day: LocalDate.daysIn(month: month, year: year))!
        return last.adding(days: -(last.isoWeekday % 7))
    }

    private static func floorDiv(_ a: Int, _ b: Int) -> Int { a >= 0 ? a / b : (a - b + 1) / b }
    private static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
