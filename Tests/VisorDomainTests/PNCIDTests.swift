import Testing
@testable import VisorDomain

/// The PNC ID vectors of domain.md, and the two-digit-year rule.
@Suite("PNC ID")
struct PNCIDTests {
    /// The year the tests pretend it is, unless a test says otherwise.
    static let currentYear = 2026

    /// The message a user would see for `text`, or nil when it parses.
    static func message(_ text: String, currentYear: Int = currentYear) -> String? {
        identifierMessage { () throws(IdentifierError) in try PNCID(parsing: text, currentYear: currentYear) }
    }

    @Test("domain.md's worked example: 79/163001B is stored as 1979/0163001B")
    func workedExample() throws {
        let pnc = try PNCID(parsing: "79/163001B", currentYear: Self.currentYear)
        #expect(pnc.canonical == "1979/0163001B")
        #expect(pnc.description == "1979/0163001B")
        #expect(pnc.year == 1979)
        #expect(pnc.serial == 163_001)
        #expect(pnc.check == "B")
    }

    @Test("valid vectors of domain.md, in every accepted form, give their stored form",
          arguments: [
              ("2008/0056560Z", "2008/0056560Z"),
              ("20030011985X", "2003/0011985X"),
              ("81/34U", "1981/0000034U"),
              ("02/73319Z", "2002/0073319Z"),
              ("033Y", "2003/0000003Y"),
              ("79/163001B", "1979/0163001B"),
              ("1979/0163001B", "1979/0163001B"),
              ("1979/163001B", "1979/0163001B"),
              ("79163001B", "1979/0163001B"),
              ("790163001B", "1979/0163001B"),
              ("19790163001B", "1979/0163001B"),
          ])
    func validVectors(input: String, stored: String) throws {
        let pnc = try PNCID(parsing: input, currentYear: Self.currentYear)
        #expect(pnc.canonical == stored)
    }

    @Test("every accepted form of one id parses to the same (equal, hashable) value")
    func formsAreEqual() throws {
        let forms = ["2008/0056560Z", "08/56560Z", "08/0056560Z", "20080056560Z", "0856560Z", "080056560Z"]
        let parsed = try forms.map { try PNCID(parsing: $0, currentYear: Self.currentYear) }
        #expect(Set(parsed).count == 1)
        #expect(parsed.allSatisfy { $0.canonical == "2008/0056560Z" })
    }

    @Test("a stored id parses back to itself")
    func canonicalRoundTrips() throws {
        for (year, serial) in [(1979, 163_001), (2008, 56560), (2003, 3), (1900, 9_999_999), (2026, 1)] {
            let built = PNCID(year: year, serial: serial)
            let reparsed = try PNCID(parsing: built.canonical, currentYear: Self.currentYear)
            #expect(reparsed == built)
            #expect(reparsed.canonical == built.canonical)
        }
    }

    @Test("packed ids are equal exactly when the ids are (duplicate detection in an extract)")
    func packedIdentifiesTheID() throws {
        let ids = [(1979, 163_001), (2008, 56560), (2008, 56561), (2009, 56560), (1900, 9_999_999), (1901, 0)]
            .map { PNCID(year: $0.0, serial: $0.1) }
        #expect(Set(ids.map(\.packed)).count == ids.count)
        let sameID = try PNCID(parsing: "08/56560Z", currentYear: Self.currentYear)
        #expect(sameID.packed == PNCID(year: 2008, serial: 56560).packed)
    }

    @Test("a wrong check character says which it is and which was expected",
          arguments: [
              ("20030011985Z", "Z", "X"),
              ("2001/0171310S", "S", "W"),
              ("79/163001C", "C", "B"),
              ("033Z", "Z", "Y"),
          ])
    func invalidCheck(input: String, given: String, expected: String) {
        #expect(Self.message(input) == "check character is \(given), expected \(expected)")
    }

    @Test("a malformed id is refused as not a PNC ID, not as a bad check character",
          arguments: [
              "1X23/1234567A", "1923/1234567AA", "TOTALLYINVALID",
              "79/163001", "79/163001b", "/163001B", "979/163001B", "79/B", "79/12345678B",
              "2003001198X", "200300119851X", "3Y", "79//163001B", "79/16300 1B",
              "79/-63001B", "７９/163001B", "79/163001B ",
          ])
    func invalidForm(input: String) throws {
        let message = try #require(Self.message(input))
        #expect(message.hasPrefix("not a PNC ID"), "\(input): \(message)")
        #expect(!message.hasPrefix("check character"))
    }

    @Test("an empty value is reported as missing")
    func empty() {
        #expect(Self.message("") == "a PNC ID is required")
    }

    @Test("the check letter is the domain.md alphabet at (yy × 10^7 + serial) mod 23")
    func checkAlphabet() {
        let alphabet = Array("ZABCDEFGHJKLMNPQRTUVWXY")
        for serial in 0..<23 {
            #expect(PNCID.checkCharacter(year: 2000, serial: serial) == alphabet[serial])
        }
        // The century does not enter the check: only yy does.
        #expect(PNCID.checkCharacter(year: 1979, serial: 163_001) == "B")
        #expect(PNCID.checkCharacter(year: 2079, serial: 163_001) == "B")
        #expect(!alphabet.contains("I") && !alphabet.contains("O") && !alphabet.contains("S"))
    }

    // MARK: Two-digit years

    @Test("YY at most this year's last two digits is 20YY, later YY is 19YY",
          arguments: [
              (2026, "26", 2026), (2026, "27", 1927), (2026, "00", 2000), (2026, "99", 1999),
              (2026, "08", 2008), (2031, "30", 2030), (2031, "31", 2031), (2031, "32", 1932),
              (2000, "00", 2000), (2000, "01", 1901),
          ])
    func twoDigitYear(currentYear: Int, yy: String, fullYear: Int) throws {
        let serial = 12345
        let check = PNCID.checkCharacter(year: fullYear, serial: serial)
        let pnc = try PNCID(parsing: "\(yy)/\(serial)\(check)", currentYear: currentYear)
        #expect(pnc.year == fullYear)
        // The short form without a slash follows the same rule.
        let short = try PNCID(parsing: "\(yy)\(serial)\(check)", currentYear: currentYear)
        #expect(short.year == fullYear)
    }

    @Test("the same short id means a different year as the clock moves on")
    func clockMatters() throws {
        let before = try PNCID(parsing: "27/12345" + String(PNCID.checkCharacter(year: 27, serial: 12345)),
                               currentYear: 2026)
        let after = try PNCID(parsing: "27/12345" + String(PNCID.checkCharacter(year: 27, serial: 12345)),
                              currentYear: 2027)
        #expect(before.canonical == "1927/0012345" + String(before.check))
        #expect(after.canonical == "2027/0012345" + String(after.check))
        #expect(before != after)
    }

    @Test("a four-digit year is taken as written, whatever the clock")
    func fourDigitYear() throws {
        let pnc = try PNCID(parsing: "1999/0000001" + String(PNCID.checkCharacter(year: 1999, serial: 1)),
                            currentYear: 2026)
        #expect(pnc.year == 1999)
        let old = try PNCID(parsing: "1926/0000001" + String(PNCID.checkCharacter(year: 1926, serial: 1)),
                            currentYear: 2026)
        #expect(old.year == 1926)
    }

    @Test("ids sort by their stored form")
    func ordering() throws {
        let a = try PNCID(parsing: "79/163001B", currentYear: Self.currentYear)
        let b = try PNCID(parsing: "2008/0056560Z", currentYear: Self.currentYear)
        #expect(a < b)
        #expect([b, a].sorted() == [a, b])
    }
}
