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
        let spaced = name.lowercased().replacingAmpersands()
        let words = spaced.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).filter { $0 != "and" }
        return NameFolding.fold(words.joined())
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
