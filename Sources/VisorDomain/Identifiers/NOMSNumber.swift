/// A prison (NOMS) number: a letter, four digits, two letters (`A1234BC`). No check character.
public struct NOMSNumber: Hashable, Sendable, CustomStringConvertible {
    public let canonical: String

    public init(parsing text: some StringProtocol) throws(IdentifierError) {
        guard let bytes = asciiBytes(text), bytes.count == 7, ASCIIBytes.isUppercase(bytes[0]),
              ASCIIBytes.number(bytes[1...4]) != nil, ASCIIBytes.isUppercase(bytes[5]),
              ASCIIBytes.isUppercase(bytes[6]) else {
            throw IdentifierError("not a NOMS number (expected a letter, four digits, two letters, e.g. A1234BC)",
                                  malformed: true)
        }
        canonical = String(text)
    }

    public var description: String { canonical }
}
