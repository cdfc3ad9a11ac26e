/// An agency named in an extract: one the register has, or (with
/// `--add-agencies`) one to be created.
public enum AgencyReference: Hashable, Sendable {
    case known(AgencyID)
    case new(AgencyKind, String)
}

/// One validated row of a case-management extract.
public struct ExtractCase: Hashable, Sendable {
    public var line: Int
    public var crn: CRN
    public var pncID: PNCID?
    public var croNumber: CRONumber?
    public var nomsNumber: NOMSNumber?
    public var surname: String
    public var forenames: String
    public var dateOfBirth: LocalDate
    public var gender: Gender
    public var ethnicity: Ethnicity?
    public var category: MAPPACategory
    public var level: MAPPALevel
    public var managingAgency: AgencyKind
    public var managingUnit: AgencyReference
    public var custody: CustodyStatus
    public var establishment: AgencyReference?
    public var custodyStart: LocalDate?
    public var releaseDate: LocalDate?
    public var releaseDateType: ReleaseDateType?
    public var mappEntryDate: LocalDate?
    public var orderType: OrderType
    public var offenderManager: String?
    public var policeForce: AgencyReference?
    public var probationArea: AgencyReference?
    public var rosh: RoSHLevel?
    public var roshDate: LocalDate?
    public var lastNotification: LocalDate?
}

/// Why a row (or the whole file) was rejected, printed as
/// `line N: COLUMN: VALUE: REASON`.
public struct RowFault: Error, Hashable, Sendable, CustomStringConvertible {
    public var line: Int
    /// The column's canonical name, or `*` when the fault is the whole row.
    public var column: String
    public var value: String
    public var reason: String

    public init(line: Int, column: String, value: String, reason: String) {
        self.line = line
        self.column = column
        self.value = value
        self.reason = reason
    }

    public init(line: Int, column: ExtractColumn, value: String, reason: String) {
        self.init(line: line, column: column.rawValue, value: value, reason: reason)
    }

    /// A fault of the whole row (column count, unclosed quote, blank line).
    public static func wholeRow(line: Int, reason: String) -> RowFault {
        RowFault(line: line, column: "*", value: "", reason: reason)
    }

    /// The contract line: the value cut at 60 characters, its unsafe characters escaped.
    public var description: String {
        "line \(line): \(column): \(RowFault.display(value)): \(reason)"
    }

    /// The value cut at 60 characters, then escaped (`TerminalText`).
    static func display(_ value: String) -> String {
        TerminalText.escaped(value.count > 60 ? String(value.prefix(60)) : value)
    }
}
