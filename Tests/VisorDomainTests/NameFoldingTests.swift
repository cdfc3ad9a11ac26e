import Testing
@testable import VisorDomain

/// The folded search key of names (architecture.md): what a user types finds the person.
@Suite("Name folding")
struct NameFoldingTests {
    @Test("accents, special letters, case and punctuation fold away", arguments: [
        ("Wójcik", "wojcik"),
        ("Łukasz", "lukasz"),
        ("Ó'Brien", "obrien"),
        ("O'Brien", "obrien"),
        ("O’Brien", "obrien"),
        ("Søren", "soren"),
        ("Straße", "strasse"),
        ("STRASSE", "strasse"),
        ("Zoë", "zoe"),
        ("Mary-Jane", "maryjane"),
        ("Mary Jane", "maryjane"),
        ("SMITH", "smith"),
        ("Đorđević", "dordevic"),
        ("Ærøskøbing", "aeroskobing"),
        ("Œuvre", "oeuvre"),
        ("Yıldız", "yildiz"),
        ("İbrahim", "ibrahim"),
        ("Þórður", "thordur"),
        ("François", "francois"),
        ("Müller", "muller"),
        ("Ñúñez", "nunez"),
        ("Dvořák", "dvorak"),
        ("Henry VIII", "henryviii"),
        ("Smith 2nd", "smith2nd"),
        ("  de la  Cruz ", "delacruz"),
    ])
    func folds(name: String, key: String) {
        #expect(NameFolding.fold(name) == key)
    }

    @Test("precomposed and decomposed accents fold alike")
    func normalisationForms() {
        #expect(NameFolding.fold("Zo\u{EB}") == "zoe")
        #expect(NameFolding.fold("Zoe\u{308}") == "zoe")
        #expect(NameFolding.fold("W\u{F3}jcik") == NameFolding.fold("Wo\u{301}jcik"))
    }

    @Test("names in scripts without case or accents are unchanged", arguments: [
        "王秀英", "李", "김민준", "محمد", "דוד",
    ])
    func nonLatinUnchanged(name: String) {
        #expect(NameFolding.fold(name) == name)
        #expect(Array(NameFolding.fold(name).unicodeScalars) == Array(name.unicodeScalars))
    }

    @Test("Cyrillic and Greek are lower-cased")
    func otherCasedScripts() {
        #expect(NameFolding.fold("ИВАНОВ") == "иванов")
        #expect(NameFolding.fold("Παπαδόπουλος") == "παπαδοπουλος")
    }

    @Test("a name with nothing to search on folds to empty")
    func empty() {
        #expect(NameFolding.fold("") == "")
        #expect(NameFolding.fold(" -' ") == "")
        #expect(NameFolding.fold("–’") == "")
    }

    @Test("folding is idempotent, so a folded query matches a folded key", arguments: [
        "Wójcik", "Łukasz", "Ó'Brien", "Søren", "Straße", "Zoë", "Mary-Jane", "王秀英", "김민준", "ИВАНОВ",
    ])
    func idempotent(name: String) {
        let key = NameFolding.fold(name)
        #expect(NameFolding.fold(key) == key)
    }

    @Test("a user's unaccented query finds the accented name by prefix")
    func prefixSearch() {
        #expect(NameFolding.fold("Wójcik").hasPrefix(NameFolding.fold("woj")))
        #expect(NameFolding.fold("Ó'Brien").hasPrefix(NameFolding.fold("O Bri")))
        #expect(NameFolding.fold("王秀英").hasPrefix(NameFolding.fold("王秀")))
    }

    @Test("keys of a multi-word name: the whole, then each word", arguments: [
        ("Van der Berg", ["vanderberg", "van", "der", "berg"]),
        ("Mary-Jane", ["maryjane", "mary", "jane"]),
        ("Łukasz Jan", ["lukaszjan", "lukasz", "jan"]),
        ("Jean-Jean", ["jeanjean", "jean"]),
        ("Ó'Brien", ["obrien"]),
        ("Wójcik", ["wojcik"]),
        ("王秀英", ["王秀英"]),
        ("  Smith  ", ["smith"]),
        ("", []),
        ("- '", []),
        ("Smith - Jones", ["smithjones", "smith", "jones"]),
        ("Anne\tMarie", ["annemarie", "anne", "marie"]),
        ("José\u{00A0}María", ["josemaria", "jose", "maria"]),
        ("Zoë-Ann Ó Súilleabháin", ["zoeannosuilleabhain", "zoe", "ann", "o", "suilleabhain"]),
        ("Иван Петров", ["иванпетров", "иван", "петров"]),
    ])
    func keys(field: String, keys: [String]) {
        #expect(NameFolding.keys(of: field) == keys)
    }
}
