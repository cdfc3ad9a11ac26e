/// A column of the case-management extract, in the order of `spec/nominals-csv.md`
/// (the order faults are reported in).
public enum ExtractColumn: String, CaseIterable, Sendable, Hashable {
    case crn
    case pncID = "pnc_id"
    case croNumber = "cro_number"
    case nomsNumber = "noms_number"
    case surname, forenames
    case dateOfBirth = "date_of_birth"
    case gender, ethnicity
    case mappaCategory = "mappa_category"
    case mappaLevel = "mappa_level"
    case managingAgency = "managing_agency"
    case managingUnit = "managing_unit"
    case custodyStatus = "custody_status"
    case establishment
    case custodyStartDate = "custody_start_date"
    case releaseDate = "release_date"
    case releaseDateType = "release_date_type"
    case mappEntryDate = "mapp_entry_date"
    case orderType = "order_type"
    case offenderManager = "offender_manager"
    case policeForce = "police_force"
    case probationArea = "probation_area"
    case roshLevel = "rosh_level"
    case roshDate = "rosh_date"
    case lastNotificationDate = "last_notification_date"

    public var isRequired: Bool {
        switch self {
        case .crn, .surname, .forenames, .dateOfBirth, .gender, .mappaCategory, .mappaLevel,
             .managingAgency, .managingUnit, .custodyStatus, .orderType:
            true
        default:
            false
        }
    }
}

/// Where each known column sits in a file, from its header line.
public struct ExtractHeader: Sendable {
    /// Index of each column present in the file.
    public let positions: [ExtractColumn: Int]
    /// The same, by column ordinal: looked up for every field of every row.
    private let positionByOrdinal: [Int?]
    /// Number of fields every row must have.
    public let fieldCount: Int
    /// Header names that are not extract columns (ignored, with a warning).
    public let unknownColumns: [String]
    /// Required columns the header lacks (an error for the whole file).
    public let missingColumns: [ExtractColumn]
    /// Columns named more than once (an error for the whole file: which one holds the value?).
    public let repeatedColumns: [Repetition]

    /// A column named again: the indexes of its first field and of the repeat.
    public struct Repetition: Hashable, Sendable {
        public let column: ExtractColumn
        public let first: Int
        public let again: Int
    }

    /// More unknown columns than this refuse the file: a header that wide is
    /// not an extract with a few local additions, and a warning per column would
    /// bury the one line that says so.
    public static let maximumUnknownColumns = 200

    /// Reads a header: names matched without regard to case or surrounding spaces, in any order.
    public init(fields: [String]) {
        var positions: [ExtractColumn: Int] = [:]
        var unknown: [String] = []
        var repeated: [Repetition] = []
        for (index, raw) in fields.enumerated() {
            // A byte-order mark at the start of the file is accepted and ignored.
            let unmarked = index == 0 && raw.unicodeScalars.first == "\u{FEFF}"
                ? String(raw.unicodeScalars.dropFirst()) : raw
            let name = unmarked.trimmingSpaces().lowercased()
            if let column = ExtractColumn(rawValue: name) {
                if let first = positions[column] {
                    repeated.append(Repetition(column: column, first: first, again: index))
                } else {
                    positions[column] = index
                }
            } else {
                unknown.append(raw)
            }
        }
        self.positions = positions
        self.positionByOrdinal = ExtractColumn.allCases.map { positions[$0] }
        self.fieldCount = fields.count
        self.unknownColumns = unknown
        self.missingColumns = ExtractColumn.allCases.filter { $0.isRequired && positions[$0] == nil }
        self.repeatedColumns = repeated
    }

    /// Why the whole file is refused, as `line 1: …` faults: missing required
    /// columns, repeated columns, too many unknown ones; empty when the header is usable.
    public var faults: [RowFault] {
        var faults = missingColumns.map { RowFault(line: 1, column: $0, value: "", reason: "missing required column") }
        faults += repeatedColumns.map {
            RowFault(line: 1, column: $0.column, value: "", reason: "column repeated (fields \($0.first + 1) and \($0.again + 1))")
        }
        if unknownColumns.count > ExtractHeader.maximumUnknownColumns {
            faults.append(.wholeRow(line: 1, reason: "\(unknownColumns.count) unknown columns "
                + "(at most \(ExtractHeader.maximumUnknownColumns)): is this a nominals extract?"))
        }
        return faults
    }
}

extension ExtractHeader {
    /// The index of `column` in each row, nil when the file lacks it.
    public func position(of column: ExtractColumn) -> Int? { positionByOrdinal[column.ordinal] }
}

extension ExtractColumn {
    /// Position in the spec's column order (0 for crn); a switch, not a lookup,
    /// because it runs for every field of every row.
    public var ordinal: Int {
        switch self {
        case .crn: 0
        case .pncID: 1
        case .croNumber: 2
        case .nomsNumber: 3
        case .surname: 4
        case .forenames: 5
        case .dateOfBirth: 6
        case .gender: 7
        case .ethnicity: 8
        case .mappaCategory: 9
        case .mappaLevel: 10
        case .managingAgency: 11
        case .managingUnit: 12
        case .custodyStatus: 13
        case .establishment: 14
        case .custodyStartDate: 15
        case .releaseDate: 16
        case .releaseDateType: 17
        case .mappEntryDate: 18
        case .orderType: 19
        case .offenderManager: 20
        case .policeForce: 21
        case .probationArea: 22
        case .roshLevel: 23
        case .roshDate: 24
        case .lastNotificationDate: 25
        }
    }
}

extension StringProtocol {
    func trimmingSpaces() -> String {
        var slice = Substring(self)
        while slice.first == " " { slice = slice.dropFirst() }
        while slice.last == " " { slice = slice.dropLast() }
        return String(slice)
    }
}
