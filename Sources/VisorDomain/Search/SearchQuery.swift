/// An identifier typed into a search: found by exact match only.
public enum IdentifierValue: Hashable, Sendable {
    case pnc(PNCID)
    case cro(CRONumber)
    case noms(NOMSNumber)
    case crn(CRN)
}

/// What the user typed in the search box, understood: an exact identifier (a
/// PNC ID in any accepted form, CRO, NOMS number or CRN, in either case), or
/// name words folded as names are (accents, case and punctuation ignored),
/// optionally with a date of birth (`wojcik 1985-03-01`).
public enum SearchQuery: Hashable, Sendable {
    case identifier(IdentifierValue)
    case name(words: [String], dateOfBirth: LocalDate?)

    /// Nil when the text holds nothing to search for.
    public static func parse(_ text: String, currentYear: Int) -> SearchQuery? {
        let tokens = text.split(whereSeparator: { $0.isWhitespace }).map(String.init)
        guard !tokens.isEmpty else { return nil }
        if tokens.count == 1, let identifier = identifier(tokens[0], currentYear: currentYear) {
            return .identifier(identifier)
        }
        var words: [String] = []
        var dateOfBirth: LocalDate?
        for token in tokens {
            if dateOfBirth == nil, let date = LocalDate(iso: token) {
                dateOfBirth = date
                continue
            }
            let folded = NameFolding.fold(token)
            if !folded.isEmpty { words.append(folded) }
        }
        guard !words.isEmpty || dateOfBirth != nil else { return nil }
        return .name(words: words, dateOfBirth: dateOfBirth)
    }

    /// An identifier, if the token is one (identifiers always hold a digit).
    public static func identifier(_ token: String, currentYear: Int) -> IdentifierValue? {
        guard token.contains(where: \.isNumber) else { return nil }
        let upper = token.uppercased()
        if let crn = try? CRN(parsing: upper) { return .crn(crn) }
        if let noms = try? NOMSNumber(parsing: upper) { return .noms(noms) }
        if let cro = try? CRONumber(parsing: upper) { return .cro(cro) }
        if let pnc = try? PNCID(parsing: upper, currentYear: currentYear) { return .pnc(pnc) }
        return nil
    }

    /// True when the search may show stubs of records the user cannot see
    /// (domain.md: an exact identifier, or name and date of birth).
    public var isExact: Bool {
        switch self {
        case .identifier: true
        case .name(let words, let dateOfBirth): dateOfBirth != nil && !words.isEmpty
        }
    }
}
