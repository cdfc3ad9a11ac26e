import Testing
@testable import VisorDomain

/// NOMS (prison) numbers `A1234BC` and CRNs `X123456`: no check character, no case folding.
@Suite("NOMS number and CRN")
struct NOMSAndCRNTests {
    static func nomsMessage(_ text: String) -> String? {
        do throws(IdentifierError) {
            _ = try NOMSNumber(parsing: text)
            return nil
        } catch {
            return error.message
        }
    }

    static func crnMessage(_ text: String) -> String? {
        do throws(IdentifierError) {
            _ = try CRN(parsing: text)
            return nil
        } catch {
            return error.message
        }
    }

    @Test("NOMS numbers of the form letter, four digits, two letters", arguments: ["A1234BC", "Z0000ZZ", "G4433XY"])
    func validNOMS(input: String) throws {
        let noms = try NOMSNumber(parsing: input)
        #expect(noms.canonical == input)
        #expect(noms.description == input)
    }

    @Test("bad NOMS numbers are refused with the expected form in the message",
          arguments: [
              "", "a1234BC", "A1234bc", "A123BC", "A12345BC", "A1234B", "A1234BCD", "11234BC", "AA234BC",
              "A1234B1", " A1234BC", "A1234BC ", "A-1234BC", "Á1234BC", "A１234BC", "NONE",
          ])
    func invalidNOMS(input: String) throws {
        let message = try #require(Self.nomsMessage(input))
        #expect(message.hasPrefix("not a NOMS number"))
        #expect(message.contains("A1234BC"))
    }

    @Test("a CRN is one uppercase letter and six digits", arguments: ["X123456", "A000000", "Z999999"])
    func validCRN(input: String) throws {
        let crn = try CRN(parsing: input)
        #expect(crn.canonical == input)
        #expect(crn.description == input)
    }

    @Test("a lower-case or malformed CRN is refused",
          arguments: [
              "x123456", "", "X12345", "X1234567", "XX23456", "1234567", "X12345A", " X123456", "X123456 ",
              "X 123456", "X12-456", "É123456", "X１23456",
          ])
    func invalidCRN(input: String) throws {
        let message = try #require(Self.crnMessage(input))
        #expect(message.hasPrefix("not a CRN"))
        #expect(message.contains("X123456"))
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
