import GRDB
import VisorDomain
import VisorRegister

/// Which nominals a scan covers: a range of ids (a slice of a full
/// evaluation) or a list (a re-evaluation after a change).
enum NominalScope: Sendable {
    case range(NominalID, NominalID)
    case ids([NominalID])

    /// The SQL condition on `column`; ids are integers, so they are written inline.
    func condition(_ column: String) -> String {
        switch self {
        case let .range(low, high): "\(column) >= \(low) AND \(column) < \(high)"
        case let .ids(ids): "\(column) IN (\(ids.map(String.init).joined(separator: ",")))"
        }
    }
}

/// One nominal's rows in the tables beside `nominal`, gathered by merging
/// cursors sorted by nominal id with the scan of `nominal` itself: each table
/// is read once, in index order, instead of one lookup per nominal.
struct NominalSides {
    /// Last view of the record per user (R14).
    var views: [(user: UserID, on: LocalDate)] = []
    /// Validations and reviews (R10).
    var checks: [(kind: RecordCheck.Kind, on: LocalDate, by: UserID)] = []
    /// MAPP meetings, by held date (R11).
    var meetings: [(held: LocalDate, nextReview: LocalDate?)] = []
    /// Agencies that are active partners, full or restricted (R3, R5, R6).
    var partners: [AgencyID] = []
    /// Agencies with a pending partner request (R3).
    var pendingRequesters: [AgencyID] = []

    /// Empties the lists, touching only those with rows (most nominals have
    /// no meeting, partner or request: a million rows pass through here).
    mutating func removeAll() {
        if !views.isEmpty { views.removeAll(keepingCapacity: true) }
        if !checks.isEmpty { checks.removeAll(keepingCapacity: true) }
        if !meetings.isEmpty { meetings.removeAll(keepingCapacity: true) }
        if !partners.isEmpty { partners.removeAll(keepingCapacity: true) }
        if !pendingRequesters.isEmpty { pendingRequesters.removeAll(keepingCapacity: true) }
    }
}

/// A cursor over rows whose first column is a nominal id, in ascending order.
struct MergeStream {
    private let cursor: SQLiteCursor
    private var current: NominalID?

    private let row: SQLiteRow

    init(_ db: Database, sql: String) throws {
        cursor = try SQLiteCursor(db, sql: sql, cached: false)
        row = cursor.row
        current = try cursor.next() ? row.int64(0) : nil
    }

    /// Calls `body` for each row of nominal `id`, skipping rows of lower ids
    /// (nominals the scan passed over, such as archived ones).
    @inline(__always)
    mutating func rows(of id: NominalID, _ body: (SQLiteRow) throws -> Void) throws {
        while let next = current, next < id { current = try cursor.next() ? row.int64(0) : nil }
        while let next = current, next == id {
            try body(row)
            current = try cursor.next() ? row.int64(0) : nil
        }
    }

    func close() { cursor.close() }
}

/// The five side tables, merged with a scan of `nominal` over one scope.
struct NominalSideStreams {
    private var views: MergeStream
    private var checks: MergeStream
    private var meetings: MergeStream
    private var partners: MergeStream
    private var pending: MergeStream

    init(_ db: Database, scope: NominalScope) throws {
        views = try MergeStream(db, sql: """
            SELECT nominal_id, user_id, last_viewed_on FROM record_view
            WHERE \(scope.condition("nominal_id")) ORDER BY nominal_id
            """)
        checks = try MergeStream(db, sql: """
            SELECT nominal_id, kind, checked_on, by_user_id FROM record_check INDEXED BY record_check_for_rules
            WHERE \(scope.condition("nominal_id")) ORDER BY nominal_id
            """)
        meetings = try MergeStream(db, sql: """
            SELECT nominal_id, held_on, next_review_on FROM mapp_meeting INDEXED BY mapp_meeting_for_rules
            WHERE \(scope.condition("nominal_id")) ORDER BY nominal_id, held_on
            """)
        partners = try MergeStream(db, sql: """
            SELECT nominal_id, agency_id FROM partnership
            WHERE state = 'active' AND \(scope.condition("nominal_id")) ORDER BY nominal_id
            """)
        pending = try MergeStream(db, sql: """
            SELECT nominal_id, requesting_agency_id FROM partner_request
            WHERE state = 'pending' AND \(scope.condition("nominal_id")) ORDER BY nominal_id
            """)
    }

    /// Fills `sides` with the rows of nominal `id`. A value the schema
    /// forbids throws `RegisterDamage`, as in the nominal's own row.
    mutating func gather(_ id: NominalID, into sides: inout NominalSides) throws {
        sides.removeAll()
        try views.rows(of: id) { row in
            sides.views.append((row.int64(1), try row.requiredDate(2, of: .nominal(id), "record_view.last_viewed_on")))
        }
        try checks.rows(of: id) { row in
            let kind: RecordCheck.Kind
            let bytes = row.bytes(1)
            if let bytes, NominalRow.equal(bytes, "validation") {
                kind = .validation
            } else if let bytes, NominalRow.equal(bytes, "review") {
                kind = .review
            } else {
                throw RegisterDamage(.nominal(id), column: "record_check.kind", in: row, at: 1, expected: "a check kind")
            }
            sides.checks.append((kind, try row.requiredDate(2, of: .nominal(id), "record_check.checked_on"), row.int64(3)))
        }
        try meetings.rows(of: id) { row in
            let held = try row.requiredDate(1, of: .nominal(id), "mapp_meeting.held_on")
            sides.meetings.append((held, try row.optionalDate(2, of: .nominal(id), "mapp_meeting.next_review_on")))
        }
        try partners.rows(of: id) { row in sides.partners.append(row.int64(1)) }
        try pending.rows(of: id) { row in sides.pendingRequesters.append(row.int64(1)) }
    }

    func close() {
        for stream in [views, checks, meetings, partners, pending] { stream.close() }
    }
}
