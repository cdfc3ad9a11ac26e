/// Gender as recorded: `M`, `F`, `X` (other) or `U` (not known).
public enum Gender: String, CaseIterable, Codable, Sendable {
    case male = "M", female = "F", other = "X", notKnown = "U"
}

/// ONS 2011 ethnicity code, or `NS` (not stated).
public enum Ethnicity: String, CaseIterable, Codable, Sendable {
    case w1 = "W1", w2 = "W2", w3 = "W3", w4 = "W4"
    case m1 = "M1", m2 = "M2", m3 = "M3", m4 = "M4"
    case a1 = "A1", a2 = "A2", a3 = "A3", a4 = "A4", a5 = "A5"
    case b1 = "B1", b2 = "B2", b3 = "B3"
    case o1 = "O1", o2 = "O2"
    case notStated = "NS"

    /// The broad group, for equality monitoring.
    public var group: String {
        switch rawValue.first {
        case "W": "White"
        case "M": "Mixed"
        case "A": "Asian"
        case "B": "Black"
        case "O": "Other"
        default: "Not stated"
        }
    }
}

/// MAPPA category: 1 registered sexual offenders, 2 violent offenders,
/// 3 other dangerous offenders, 4 terrorist or terrorism-risk offenders.
public enum MAPPACategory: Int, CaseIterable, Codable, Sendable, Comparable {
    case one = 1, two = 2, three = 3, four = 4
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// MAPPA level: 1 ordinary agency management; 2 and 3 multi-agency through MAPP meetings.
public enum MAPPALevel: Int, CaseIterable, Codable, Sendable, Comparable {
    case one = 1, two = 2, three = 3
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
    /// Levels 2 and 3 are managed through MAPP meetings.
    public var isMultiAgency: Bool { self != .one }
}

public enum CustodyStatus: String, CaseIterable, Codable, Sendable {
    case inCustody = "in_custody", community
}

public enum ReleaseDateType: String, CaseIterable, Codable, Sendable {
    case actual, potential
}

public enum OrderType: String, CaseIterable, Codable, Sendable {
    case licence, communityOrder = "community_order", none
}

/// OASys risk of serious harm.
public enum RoSHLevel: String, CaseIterable, Codable, Sendable {
    case low, medium, high, veryHigh = "very_high"
}

public enum Lifecycle: String, CaseIterable, Codable, Sendable {
    case active, archived
}

/// How a nominal came to be on the register.
public enum NominalSource: String, CaseIterable, Codable, Sendable {
    case entered, imported, demo
}
