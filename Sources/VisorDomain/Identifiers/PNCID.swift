/// A Police National Computer id, always valid; stored and shown as `YYYY/NNNNNNNC`.
///
/// Accepted input: `YY/N…C` or `YYYY/N…C` (serial of 1–7 digits), `YYYYNNNNNNNC`
/// (12 characters), or `YYN…C` (4 to 10 characters). The check letter is
/// `ZABCDEFGHJKLMNPQRTUVWXY[(yy × 10^7 + serial) mod 23]`. A two-digit year
/// YY means 20YY when YY is at most this year's last two digits, else 19YY —
/// which is why parsing needs the current year.
public struct PNCID: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let serial: Int
    public let check: Character

    /// Parses any accepted form; `currentYear` resolves two-digit years.
    public init(parsing text: some StringProtocol, currentYear: Int) throws(IdentifierError) {
        let raw = String(text)
        guard !raw.isEmpty else { throw IdentifierError("a PNC ID is required") }
        guard raw.count <= 16, let last = raw.last, last.isASCIIUppercaseLetter else {
            throw IdentifierError("not a PNC ID (expected YYYY/NNNNNNNC, e.g. 2008/0056560Z)")
        }
        let body = raw.dropLast()
        let yearText: Substring
        let serialText: Substring
        if let slash = body.firstIndex(of: "/") {
            yearText = body[..<slash]
            serialText = body[body.index(after: slash)...]
            guard yearText.count == 2 || yearText.count == 4 else {
                throw IdentifierError("not a PNC ID: the year must have 2 or 4 digits")
            }
        } else if raw.count == 12 {
            yearText = body.prefix(4)
            serialText = body.dropFirst(4)
        } else if (4...10).contains(raw.count) {
            yearText = body.prefix(2)
            serialText = body.dropFirst(2)
        } else {
            throw IdentifierError("not a PNC ID (expected YYYY/NNNNNNNC, e.g. 2008/0056560Z)")
        }
        guard yearText.isAllASCIIDigits, serialText.isAllASCIIDigits, (1...7).contains(serialText.count),
              let yearValue = Int(yearText), let serialValue = Int(serialText) else {
            throw IdentifierError("not a PNC ID (expected YYYY/NNNNNNNC, e.g. 2008/0056560Z)")
        }
        let fullYear: Int
        if yearText.count == 2 {
            let century = currentYear / 100 * 100
            fullYear = yearValue <= currentYear % 100 ? century + yearValue : century - 100 + yearValue
        } else {
            fullYear = yearValue
        }
        let expected = PNCID.checkCharacter(year: fullYear, serial: serialValue)
        guard expected == last else {
            throw IdentifierError("check character is \(last), expected \(expected)")
        }
        self.year = fullYear
        self.serial = serialValue
        self.check = last
    }

    /// Builds a valid id from its year and serial (used to generate demo data).
    public init(year: Int, serial: Int) {
        precondition((0...9999).contains(year) && (0...9_999_999).contains(serial))
        self.year = year
        self.serial = serial
        self.check = PNCID.checkCharacter(year: year, serial: serial)
    }

    public static func checkCharacter(year: Int, serial: Int) -> Character {
        CheckCharacter.forNumber(Int64(year % 100) * 10_000_000 + Int64(serial))
    }

    /// `YYYY/NNNNNNNC`.
    public var canonical: String {
        let y = String(year), s = String(serial)
        return String(repeating: "0", count: 4 - y.count) + y + "/"
            + String(repeating: "0", count: 7 - s.count) + s + String(check)
    }

    public var description: String { canonical }

    public static func < (lhs: PNCID, rhs: PNCID) -> Bool { lhs.canonical < rhs.canonical }
}
