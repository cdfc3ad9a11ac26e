import VisorDomain

/// The orders the nominal list can be sorted in, one per column.
public enum NominalSort: String, CaseIterable, Sendable {
    case name, dateOfBirth = "dob", mappa, owner, custody, releaseDate = "release"

    /// The column heading the order belongs to.
    public var title: String {
        switch self {
        case .name: "Name"
        case .dateOfBirth: "Date of birth"
        case .mappa: "Cat/Lvl"
        case .owner: "Owner"
        case .custody: "Custody"
        case .releaseDate: "Release"
        }
    }
}

/// What the list shows: an order and, optionally, the text typed in the search box.
public struct NominalListRequest: Sendable, Hashable {
    public var sort: NominalSort
    public var search: String

    public init(sort: NominalSort = .name, search: String = "") {
        self.sort = sort
        self.search = search
    }
}

/// A row's place in its list, for keyset paging: the segment it belongs to and
/// its sort keys (all text) and id. Opaque to callers.
public struct ListPosition: Sendable, Hashable {
    package let segment: Int
    package let keys: [String]
    package let id: Int64

    package init(segment: Int, keys: [String], id: Int64) {
        self.segment = segment
        self.keys = keys
        self.id = id
    }
}

/// One row of the nominal list. A stub row (a record the user may not see,
/// found by an exact search) carries only name, date of birth and owner.
public struct NominalListRow: Sendable, Hashable, Identifiable {
    public var id: NominalID
    public var surname: String
    public var forenames: String
    public var dateOfBirth: LocalDate
    public var category: MAPPACategory?
    public var level: MAPPALevel?
    public var ownerName: String
    public var custody: CustodyStatus?
    public var releaseDate: LocalDate?
    public var crn: CRN?
    public var pncID: PNCID?
    public var lifecycle: Lifecycle
    /// How much of the record this user may see: full, restricted or stub.
    public var access: RecordAccess
    public var position: ListPosition

    /// "SURNAME, Forenames".
    public var displayName: String { Nominal.displayName(surname: surname, forenames: forenames) }

    package init(id: NominalID, surname: String, forenames: String, dateOfBirth: LocalDate, category: MAPPACategory? = nil, level: MAPPALevel? = nil, ownerName: String, custody: CustodyStatus? = nil, releaseDate: LocalDate? = nil, crn: CRN? = nil, pncID: PNCID? = nil, lifecycle: Lifecycle, access: RecordAccess, position: ListPosition) {
        self.id = id
        self.surname = surname
        self.forenames = forenames
        self.dateOfBirth = dateOfBirth
        self.category = category
        self.level = level
        self.ownerName = ownerName
        self.custody = custody
        self.releaseDate = releaseDate
        self.crn = crn
        self.pncID = pncID
        self.lifecycle = lifecycle
        self.access = access
        self.position = position
    }
}

/// A page of rows in display order, with whether more exist beyond each end.
public struct NominalPage: Sendable, Hashable {
    public var rows: [NominalListRow]
    public var hasMoreBefore: Bool
    public var hasMoreAfter: Bool

    package init(rows: [NominalListRow], hasMoreBefore: Bool, hasMoreAfter: Bool) {
        self.rows = rows
        self.hasMoreBefore = hasMoreBefore
        self.hasMoreAfter = hasMoreAfter
    }
}

/// The number of rows a list holds, counted up to a cap so that counting never costs a frame.
public struct ListCount: Sendable, Hashable {
    public var count: Int
    public var isCapped: Bool

    /// "36,512" or "10,000+".
    public var text: String {
        let formatted = NumberText.grouped(count)
        return isCapped ? formatted + "+" : formatted
    }

    package init(count: Int, isCapped: Bool) {
        self.count = count
        self.isCapped = isCapped
    }
}

extension ListPosition {
    /// A position just before this row's, so that paging "after" it starts at the row itself.
    public var justBefore: ListPosition { ListPosition(segment: segment, keys: keys, id: id - 1) }
}
