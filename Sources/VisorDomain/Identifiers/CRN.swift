/// A case reference number of a local case-management system: one uppercase
/// letter and six digits (`X123456`). No check character.
public struct CRN: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let canonical: String

    public init(parsing text: some StringProtocol) throws(IdentifierError) {
        guard let bytes = asciiBytes(text), bytes.count == 7, ASCIIBytes.isUppercase(bytes[0]),
              ASCIIBytes.number(bytes[1...]) != nil else {
            throw IdentifierError("not a CRN (expected one uppercase letter and six digits, e.g. X123456)")
        }
        canonical = String(text)
    }

    /// Builds a CRN from a letter and a number below 1,000,000 (demo data).
    public init(letter: Character, number: Int) {
        precondition(letter.isASCIIUppercaseLetter && (0...999_999).contains(number))
        let digits = String(number)
        canonical = String(letter) + String(repeating: "0", count: 6 - digits.count) + digits
    }

    public var description: String { canonical }
    public static func < (lhs: CRN, rhs: CRN) -> Bool { lhs.canonical < rhs.canonical }
}
