/// A calendar date (Europe/London civil date) with no time of day.
///
/// Rules work in calendar dates, so this type never touches `Date()` or a time
/// zone; conversion from an instant happens once, in `VisorClock`.
public struct LocalDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// A date only if it exists on the proleptic Gregorian calendar (2023-02-30 does not).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= LocalDate.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The date `dayNumber` days after 1970-01-01 (negative before it).
    public init(dayNumber: Int) {
        // Howard Hinnant's civil_from_days.
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m
        self.day = d
    }

    /// Parses strict ISO `YYYY-MM-DD`; nil for any other form or an impossible date.
    public init?(iso text: some StringProtocol) {
        // Parsed from bytes without copying: every row of an import holds several dates.
        var values = (0, 0, 0)
        var count = 0
        for byte in text.utf8 {
            switch count {
            case 4, 7:
                guard byte == 0x2D else { return nil }
            case 0..<10:
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                let digit = Int(byte - 0x30)
                if count < 4 { values.0 = values.0 * 10 + digit } else if count < 7 { values.1 = values.1 * 10 + digit }
                else { values.2 = values.2 * 10 + digit }
            default:
                return nil
            }
            count += 1
        }
        guard count == 10 else { return nil }
        self.init(year: values.0, month: values.1, day: values.2)
    }

    /// Days since 1970-01-01.
    public var dayNumber: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// ISO 8601 `YYYY-MM-DD`.
    public var iso: String {
        String(unsafeUninitializedCapacity: 10) { buffer in
            writeISO(into: buffer)
            return 10
        }
    }

    /// Writes `YYYY-MM-DD` into the first 10 bytes of `buffer`.
    public func writeISO(into buffer: UnsafeMutableBufferPointer<UInt8>) {
        ASCIIBytes.writeDigits(max(0, min(year, 9999)), into: buffer, at: 0..<4)
        buffer[4] = UInt8(ascii: "-")
        ASCIIBytes.writeDigits(month, into: buffer, at: 5..<7)
        buffer[7] = UInt8(ascii: "-")
        ASCIIBytes.writeDigits(day, into: buffer, at: 8..<10)
    }

    public var description: String { iso }

    /// 1 Monday … 7 Sunday (ISO weekday).
    public var isoWeekday: Int {
        // 1970-01-01 was a Thursday (4).
        let w = (dayNumber % 7 + 7) % 7
        return (w + 3) % 7 + 1
    }

    public var isWeekend: Bool { isoWeekday >= 6 }

    public func adding(days: Int) -> LocalDate { LocalDate(dayNumber: dayNumber + days) }

    /// Adds calendar months, clipping to the last day of the target month
    /// (31 August − 6 months = 28 or 29 February).
    public func adding(months: Int) -> LocalDate {
        let index = year * 12 + (month - 1) + months
        let y = index >= 0 ? index / 12 : (index - 11) / 12
        let m = index - y * 12 + 1
        let d = min(day, LocalDate.daysIn(month: m, year: y))
        return LocalDate(year: y, month: m, day: d) ?? self
    }

    /// Adds calendar years, clipping 29 February to 28 February.
    public func adding(years: Int) -> LocalDate { adding(months: years * 12) }

    /// Whole days from `self` to `other` (positive when `other` is later).
    public func days(until other: LocalDate) -> Int { other.dayNumber - dayNumber }

    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

extension LocalDate: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = LocalDate(iso: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an ISO date: \(text)")
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}
