/// A Criminal Records Office number `NNNNNN/YYC`, always valid; the serial is
/// zero-padded to six digits and the check letter is the PNC alphabet at
/// `int(YY ‖ serial6) mod 23`. Placeholders such as `NONE` or `0000` are refused.
public struct CRONumber: Hashable, Sendable, CustomStringConvertible {
    public let serial: Int
    public let year: Int
    public let check: Character

    public init(parsing text: some StringProtocol) throws(IdentifierError) {
        let formError = IdentifierError("not a CRO number (expected NNNNNN/YYC, e.g. 265416/21G)", malformed: true)
        guard let bytes = asciiBytes(text), let slash = bytes.firstIndex(of: 0x2F), (1...6).contains(slash),
              bytes.count == slash + 4, let last = bytes.last, last >= 0x41, last <= 0x5A,
              let serial = ASCIIBytes.number(bytes[0..<slash]),
              let year = ASCIIBytes.number(bytes[(slash + 1)..<(slash + 3)]) else { throw formError }
        guard serial > 0 else { throw IdentifierError("not a CRO number: the serial cannot be zero", malformed: true) }
        let check = Character(Unicode.Scalar(last))
        let expected = CRONumber.checkCharacter(serial: serial, year: year)
        guard expected == check else {
            throw IdentifierError("check character is \(check), expected \(expected)", malformed: true)
        }
        self.serial = serial
        self.year = year
        self.check = check
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
