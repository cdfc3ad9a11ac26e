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
        let formError = IdentifierError("not a PNC ID (expected YYYY/NNNNNNNC, e.g. 2008/0056560Z)", malformed: true)
        guard !text.isEmpty else { throw IdentifierError("a PNC ID is required") }
        // Every valid form is ASCII, so bytes and characters coincide; runs once per extract row.
        guard let bytes = asciiBytes(text), bytes.count <= 16, let last = bytes.last, last >= 0x41, last <= 0x5A else { throw formError }
        let bodyEnd = bytes.count - 1
        let yearRange: Range<Int>
        let serialRange: Range<Int>
        if let slash = bytes[..<bodyEnd].firstIndex(of: 0x2F) {
            yearRange = 0..<slash
            serialRange = (slash + 1)..<bodyEnd
            guard yearRange.count == 2 || yearRange.count == 4 else {
                throw IdentifierError("not a PNC ID: the year must have 2 or 4 digits", malformed: true)
            }
        } else if bytes.count == 12 {
            yearRange = 0..<4
            serialRange = 4..<bodyEnd
        } else if (4...10).contains(bytes.count) {
            yearRange = 0..<2
            serialRange = 2..<bodyEnd
        } else {
            throw formError
        }
        guard (1...7).contains(serialRange.count), let yearValue = ASCIIBytes.number(bytes[yearRange]),
              let serialValue = ASCIIBytes.number(bytes[serialRange]) else { throw formError }
        let fullYear: Int
        if yearRange.count == 2 {
            let century = currentYear / 100 * 100
            fullYear = yearValue <= currentYear % 100 ? century + yearValue : century - 100 + yearValue
        } else {
            fullYear = yearValue
        }
        let check = Character(Unicode.Scalar(last))
        let expected = PNCID.checkCharacter(year: fullYear, serial: serialValue)
        guard expected == check else {
            throw IdentifierError("check character is \(check), expected \(expected)", malformed: true)
        }
        self.year = fullYear
        self.serial = serialValue
        self.check = check
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
        String(unsafeUninitializedCapacity: 13) { buffer in
            ASCIIBytes.writeDigits(year, into: buffer, at: 0..<4)
            buffer[4] = UInt8(ascii: "/")
            ASCIIBytes.writeDigits(serial, into: buffer, at: 5..<12)
            buffer[12] = check.asciiValue ?? UInt8(ascii: "?")
            return 13
        }
    }

    /// The id as one integer, distinct for distinct ids (the check letter follows from the rest).
    public var packed: Int { year * 10_000_000 + serial }

    public var description: String { canonical }

    public static func < (lhs: PNCID, rhs: PNCID) -> Bool { lhs.canonical < rhs.canonical }
}
