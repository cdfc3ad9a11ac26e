/// A case reference number of a local case-management system: one uppercase
/// letter and six digits (`X123456`). No check character.
public struct CRN: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let canonical: String

    public init(parsing text: some StringProtocol) throws(IdentifierError) {
        guard let bytes = asciiBytes(text), bytes.count == 7, ASCIIBytes.isUppercase(bytes[0]),
              ASCIIBytes.number(bytes[1...]) != nil else {
            throw IdentifierError("not a CRN (expected one uppercase letter and six digits, e.g. X123456)",
                                  malformed: true)
        }
        canonical = String(text)
    }

    /// Builds a CRN from a letter and a number below 1,000,000 (demo data).
    public init(letter: Character, number: Int) {
        // Written byte by byte: rule evaluations build hundreds of thousands.
        guard let ascii = letter.asciiValue, (65...90).contains(ascii), (0...999_999).contains(number) else {
            preconditionFailure("a CRN is a letter A–Z and six digits")
        }
        canonical = String(unsafeUninitializedCapacity: 7) { buffer in
            buffer[0] = ascii
            ASCIIBytes.writeDigits(number, into: buffer, at: 1..<7)
            return 7
        }
    }

    /// The CRN as one integer, distinct for distinct CRNs: letter × 10⁶ + number.
    public var packed: Int {
        var value = 0
        for byte in canonical.utf8 {
            value = byte >= 0x41 ? Int(byte - 0x41) : value * 10 + Int(byte - 0x30)
        }
        return value
    }

    public var description: String { canonical }
    public static func < (lhs: CRN, rhs: CRN) -> Bool { lhs.canonical < rhs.canonical }
}
