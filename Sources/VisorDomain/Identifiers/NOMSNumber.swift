/// A prison (NOMS) number: a letter, four digits, two letters (`A1234BC`). No check character.
public struct NOMSNumber: Hashable, Sendable, CustomStringConvertible {
    public let canonical: String

    public init(parsing text: some StringProtocol) throws(IdentifierError) {
        let chars = Array(text)
        guard chars.count == 7, chars[0].isASCIIUppercaseLetter,
              chars[1...4].allSatisfy({ $0.isASCII && $0.isNumber }),
              chars[5].isASCIIUppercaseLetter, chars[6].isASCIIUppercaseLetter else {
            throw IdentifierError("not a NOMS number (expected a letter, four digits, two letters, e.g. A1234BC)")
        }
        canonical = String(text)
    }

    public var description: String { canonical }
}
