import Testing
@testable import VisorDomain

/// NOMS (prison) numbers `A1234BC` and CRNs `X123456`: no check character, no case folding.
@Suite("NOMS number and CRN")
struct NOMSAndCRNTests {
    /// The two identifiers, with the form a refusal names and the example it gives.
    enum Kind: String, Sendable, CustomTestStringConvertible {
        case noms, crn

        var testDescription: String { rawValue }
        var refusal: String { self == .noms ? "not a NOMS number" : "not a CRN" }
        var example: String { self == .noms ? "A1234BC" : "X123456" }

        /// The stored form and description of `text`.
        func parse(_ text: String) throws(IdentifierError) -> (canonical: String, description: String) {
            switch self {
            case .noms:
                let noms = try NOMSNumber(parsing: text)
                return (noms.canonical, noms.description)
            case .crn:
                let crn = try CRN(parsing: text)
                return (crn.canonical, crn.description)
            }
        }

        func message(_ text: String) -> String? {
            identifierMessage { () throws(IdentifierError) in try parse(text) }
        }
    }

    /// Bad NOMS numbers, then lower-case or malformed CRNs.
    static let badNOMS = [
        "", "a1234BC", "A1234bc", "A123BC", "A12345BC", "A1234B", "A1234BCD", "11234BC", "AA234BC",
        "A1234B1", " A1234BC", "A1234BC ", "A-1234BC", "Á1234BC", "A１234BC", "NONE",
    ]
    static let badCRNs = [
        "x123456", "", "X12345", "X1234567", "XX23456", "1234567", "X12345A", " X123456", "X123456 ",
        "X 123456", "X12-456", "É123456", "X１23456",
    ]

    @Test("NOMS numbers of the form letter, four digits, two letters, and CRNs of one uppercase letter and six digits",
          arguments: [
              (Kind.noms, "A1234BC"), (.noms, "Z0000ZZ"), (.noms, "G4433XY"),
              (.crn, "X123456"), (.crn, "A000000"), (.crn, "Z999999"),
          ])
    func valid(kind: Kind, input: String) throws {
        let parsed = try kind.parse(input)
        #expect(parsed.canonical == input)
        #expect(parsed.description == input)
    }

    @Test("bad NOMS numbers and lower-case or malformed CRNs are refused with the expected form in the message",
          arguments: badNOMS.map { (Kind.noms, $0) } + badCRNs.map { (Kind.crn, $0) })
    func invalid(kind: Kind, input: String) throws {
        let message = try #require(kind.message(input))
        #expect(message.hasPrefix(kind.refusal))
        #expect(message.contains(kind.example))
    }

    @Test("a CRN built from a letter and a number is zero-padded and parses back")
    func builtCRN() throws {
        let crn = CRN(letter: "X", number: 42)
        #expect(crn.canonical == "X000042")
        #expect(try CRN(parsing: "X000042") == crn)
        #expect(CRN(letter: "B", number: 999_999).canonical == "B999999")
    }

    @Test("packed CRNs are equal exactly when the CRNs are")
    func packedIdentifiesTheCRN() throws {
        let crns = try ["A000000", "A000001", "B000000", "Z999999", "X123456", "Y123456"].map { try CRN(parsing: $0) }
        #expect(Set(crns.map(\.packed)).count == crns.count)
        #expect(try CRN(parsing: "X123456").packed == CRN(letter: "X", number: 123_456).packed)
    }

    @Test("CRNs sort by their text")
    func crnOrdering() throws {
        let crns = try ["X200000", "A999999", "X100000"].map { try CRN(parsing: $0) }
        #expect(crns.sorted().map(\.canonical) == ["A999999", "X100000", "X200000"])
    }
}
