import Testing
@testable import VisorDomain

/// CRO numbers `NNNNNN/YYC` (domain.md).
@Suite("CRO number")
struct CRONumberTests {
    static func message(_ text: String) -> String? {
        identifierMessage { () throws(IdentifierError) in try CRONumber(parsing: text) }
    }

    @Test("domain.md's valid vector 265416/21G")
    func validVector() throws {
        let cro = try CRONumber(parsing: "265416/21G")
        #expect(cro.serial == 265_416)
        #expect(cro.year == 21)
        #expect(cro.check == "G")
        #expect(cro.canonical == "265416/21G")
        #expect(cro.description == "265416/21G")
    }

    @Test("domain.md's invalid vector 85227/65G names the right check letter")
    func invalidVector() {
        #expect(Self.message("85227/65G") == "check character is G, expected L")
    }

    @Test("a short serial is zero-padded to six digits in the stored form",
          arguments: [
              ("85227/65L", "085227/65L"),
              ("085227/65L", "085227/65L"),
          ])
    func zeroPadding(input: String, canonical: String) throws {
        #expect(try CRONumber(parsing: input).canonical == canonical)
    }

    @Test("padding does not change the check: int(YY ‖ serial6) mod 23")
    func paddedSerialCheck() throws {
        for (serial, year) in [(1, 5), (42, 0), (999_999, 99), (7, 21)] {
            let check = CRONumber.checkCharacter(serial: serial, year: year)
            let yy = year < 10 ? "0\(year)" : "\(year)"
            let cro = try CRONumber(parsing: "\(serial)/\(yy)\(check)")
            let serial6 = String(repeating: "0", count: 6 - String(serial).count) + String(serial)
            #expect(cro.canonical == "\(serial6)/\(yy)\(check)")
            #expect(try CRONumber(parsing: cro.canonical) == cro)
            #expect(CRONumber(serial: serial, year: year) == cro)
        }
    }

    @Test("the check is the PNC alphabet at YY × 10^6 + serial")
    func checkFormula() {
        let alphabet = Array("ZABCDEFGHJKLMNPQRTUVWXY")
        #expect(CRONumber.checkCharacter(serial: 265_416, year: 21) == alphabet[21_265_416 % 23])
        #expect(CRONumber.checkCharacter(serial: 85227, year: 65) == alphabet[65_085_227 % 23])
        #expect(CRONumber.checkCharacter(serial: 1, year: 0) == "A")
    }

    @Test("placeholders and malformed values are refused as not a CRO number",
          arguments: [
              "NONE", "0000", "", "265416/21", "265416/2G", "1234567/21G", "/21G", "265416-21G",
              "265416/21g", "26541A/21G", "265416/21GG", " 265416/21G", "265416/21G ", "265416//21G",
              "265416/21/G", "N/A", "-1/21G",
          ])
    func invalidForm(input: String) throws {
        let message = try #require(Self.message(input))
        #expect(message.hasPrefix("not a CRO number"), "\(input): \(message)")
    }

    @Test("an all-zero serial is refused even with the matching check letter")
    func zeroSerial() throws {
        let check = CRONumber.checkCharacter(serial: 0, year: 21)
        let message = try #require(Self.message("000000/21\(check)"))
        #expect(message.hasPrefix("not a CRO number"))
        #expect(message.contains("zero"))
    }
}
