/// A Criminal Records Office number `NNNNNN/YYC`, always valid; the serial is
/// zero-padded to six digits and the check letter is the PNC alphabet at
/// `int(YY ‖ serial6) mod 23`. Placeholders such as `NONE` or `0000` are refused.
public struct CRONumber: Hashable, Sendable, CustomStringConvertible {
    public let serial: Int
    public let year: Int
    public let check: Character

    public init(parsing text: some StringProtocol) throws(IdentifierError) {
        let raw = String(text)
        let parts = raw.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].isAllASCIIDigits, (1...6).contains(parts[0].count),
              parts[1].count == 3, let last = parts[1].last, last.isASCIIUppercaseLetter,
              parts[1].dropLast().isAllASCIIDigits,
              let serial = Int(parts[0]), let year = Int(parts[1].dropLast()) else {
            throw IdentifierError("not a CRO number (expected NNNNNN/YYC, e.g. 265416/21G)")
        }
        guard serial > 0 else { throw IdentifierError("not a CRO number: the serial cannot be zero") }
        let expected = CRONumber.checkCharacter(serial: serial, year: year)
        guard expected == last else { throw IdentifierError("check character is \(last), expected \(expected)") }
        self.serial = serial
        self.year = year
        self.check = last
    }

    /// Builds a valid number from its parts (used to generate demo data).
    public init(serial: Int, year: Int) {
        precondition((1...999_999).contains(serial) && (0...99).contains(year))
        self.serial = serial
        self.year = year
        self.check = CRONumber.checkCharacter(serial: serial, year: year)
    }

    public static func checkCharacter(serial: Int, year: Int) -> Character {
        CheckCharacter.forNumber(Int64(year) * 1_000_000 + Int64(serial))
    }

    /// `NNNNNN/YYC`.
    public var canonical: String {
        let s = String(serial), y = String(year)
        return String(repeating: "0", count: 6 - s.count) + s + "/" + (y.count == 1 ? "0" : "") + y + String(check)
    }

    public var description: String { canonical }
}
