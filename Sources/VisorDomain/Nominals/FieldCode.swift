/// A coded field written exactly as its code (no case folding: `m`,
/// `Licence` are refused), with the words that list what is allowed. The
/// import and the register's forms both say "must be …" with these words.
public protocol FieldCode: RawRepresentable<String>, Sendable {
    /// What may be written, as the messages list it: `M, F, X or U`.
    static var allowedValues: String { get }
}

extension Gender: FieldCode {
    public static var allowedValues: String { "M, F, X or U" }
}

extension Ethnicity: FieldCode {
    public static var allowedValues: String { "an ONS 2011 code (W1-W4, M1-M4, A1-A5, B1-B3, O1, O2) or NS" }
}

extension CustodyStatus: FieldCode {
    public static var allowedValues: String { "in_custody or community" }
}

extension ReleaseDateType: FieldCode {
    public static var allowedValues: String { "actual or potential" }
}

extension OrderType: FieldCode {
    public static var allowedValues: String { "licence, community_order or none" }
}

extension RoSHLevel: FieldCode {
    public static var allowedValues: String { "low, medium, high or very_high" }
}

extension AgencyKind: FieldCode {
    public static var allowedValues: String { "police, probation or prison" }
}

/// `mappa_category` as written: the digits 1 to 4 only (`02` is refused).
public enum MAPPACategoryCode: String, CaseIterable, FieldCode {
    case one = "1", two = "2", three = "3", four = "4"
    public static var allowedValues: String { "1, 2, 3 or 4" }
    /// The category the code writes.
    public var category: MAPPACategory {
        switch self {
        case .one: .one
        case .two: .two
        case .three: .three
        case .four: .four
        }
    }
}

/// `mappa_level` as written: the digits 1 to 3 only.
public enum MAPPALevelCode: String, CaseIterable, FieldCode {
    case one = "1", two = "2", three = "3"
    public static var allowedValues: String { "1, 2 or 3" }
    /// The level the code writes.
    public var level: MAPPALevel {
        switch self {
        case .one: .one
        case .two: .two
        case .three: .three
        }
    }
}
