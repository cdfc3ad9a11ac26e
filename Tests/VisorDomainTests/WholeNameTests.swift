import Testing
@testable import VisorDomain

@Suite("A stub search names the person whole")
struct WholeNameTests {
    static func matches(_ typed: String, _ surname: String, _ forenames: String) -> Bool {
        let words = typed.split(separator: " ").map { NameFolding.fold($0) }.filter { !$0.isEmpty }
        return WholeName.matches(words, surname: surname, forenames: forenames)
    }

    @Test("The whole folded surname, alone or with whole forenames, in any order", arguments: [
        "wojcik", "WÓJCIK", "Wój-cik", "lukasz wojcik", "wojcik jan", "jan lukasz wojcik",
    ])
    func whole(typed: String) {
        #expect(Self.matches(typed, "Wójcik", "Łukasz Jan"))
    }

    @Test("A prefix, a letter, a forename alone, a forename prefix or an extra word is not a name", arguments: [
        "w", "wojc", "lukasz", "wojcik luk", "wojcik smith", "wojcikk", "",
    ])
    func notWhole(typed: String) {
        #expect(!Self.matches(typed, "Wójcik", "Łukasz Jan"))
    }

    @Test("A surname of several words typed as one word or as its words in order")
    func severalWords() {
        #expect(Self.matches("van der berg", "Van der Berg", "Pieter"))
        #expect(Self.matches("vanderberg pieter", "Van der Berg", "Pieter"))
        #expect(Self.matches("pieter van der berg", "Van der Berg", "Pieter"))
        #expect(!Self.matches("berg", "Van der Berg", "Pieter"))
        #expect(!Self.matches("der berg van", "Van der Berg", "Pieter"))
        #expect(Self.matches("obrien", "Ó'Brien", "Dónal"))
        #expect(Self.matches("o brien", "Ó'Brien", "Dónal"))
    }
}
