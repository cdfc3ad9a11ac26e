/// The three MAPPA Responsible Authority agency kinds.
public enum AgencyKind: String, CaseIterable, Codable, Sendable, Comparable {
    case police
    case probation
    case prison

    public static func < (lhs: AgencyKind, rhs: AgencyKind) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// "police force", "probation area", "prison".
    public var noun: String {
        switch self {
        case .police: "police force"
        case .probation: "probation area"
        case .prison: "prison"
        }
    }
}

/// Register id of an agency.
public typealias AgencyID = Int64

/// A police force, probation area or prison establishment.
public struct Agency: Hashable, Sendable, Codable, Identifiable {
    public var id: AgencyID
    public var kind: AgencyKind
    public var name: String
    /// The date the agency joined the register (R12: "never covered" runs from here).
    public var createdOn: LocalDate

    public init(id: AgencyID, kind: AgencyKind, name: String, createdOn: LocalDate) {
        self.id = id
        self.kind = kind
        self.name = name
        self.createdOn = createdOn
    }

    /// The key agency names are matched on: case, punctuation, accents and `&`/`and` ignored.
    public static func matchKey(_ name: some StringProtocol) -> String {
        if name.utf8.allSatisfy({ $0 < 0x80 }) { return asciiMatchKey(name.utf8) }
        let spaced = name.lowercased().replacingAmpersands()
        let words = spaced.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).filter { $0 != "and" }
        return NameFolding.fold(words.joined())
    }
}

extension Agency {
    /// The same key for ASCII names without allocating words: extracts are
    /// matched a million times per import.
    fileprivate static func asciiMatchKey(_ bytes: some Sequence<UInt8>) -> String {
        var out: [UInt8] = []
        var word: [UInt8] = []
        func endWord() {
            if word != [0x61, 0x6E, 0x64] { out.append(contentsOf: word) }  // drop the word "and"
            word.removeAll(keepingCapacity: true)
        }
        for byte in bytes {
            switch byte {
            case 0x41...0x5A: word.append(byte + 32)
            case 0x61...0x7A, 0x30...0x39: word.append(byte)
            default: endWord()  // "&" and punctuation separate words; "&" itself is an "and"
            }
        }
        endWord()
        return String(decoding: out, as: UTF8.self)
    }
}

extension String {
    fileprivate func replacingAmpersands() -> String {
        var out = ""
        out.reserveCapacity(count)
        for c in self { out.append(c == "&" ? " and " : String(c)) }
        return out
    }
}
