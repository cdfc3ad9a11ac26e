import GRDB
import VisorDomain
import VisorRegister

/// The rules whose candidates are nominals: R3, R5, R6, R8, R10, R11, R14
/// (record views) and R16. Each has its own file (`R03Query` …) with its
/// pre-filter — a conservative condition on the row, using the window's
/// dates where the due date allows — and the code that fills its candidate.
///
/// They share one pass over the active nominals per scope, merged with the
/// tables beside `nominal` read in the same id order (`NominalSideStreams`),
/// so each row is read once whatever the number of rules it feeds. R10
/// (every active nominal is validated, then reviewed, for ever) and R14
/// (every managed record is viewed monthly) make almost every active nominal
/// a candidate, so no SQL condition can narrow this pass; and since every row
/// reaches Swift anyway, the rules' pre-filters run on its decoded columns —
/// as SQL `CASE` expressions they cost more than the rest of the pass
/// (measured: 0.8 s of CPU per million rows, against 0.6 s for reading them).
/// R3, R5, R6 and R11 (few candidates) are turned into actions by their rules
/// a batch at a time; R8, R10, R14's record views and R16 (hundreds of
/// thousands at a million nominals) are deferred with their due dates worked
/// out here, and their rules build them when they are listed
/// (`DeferredAction`, `DeferredView`).
enum NominalScan {
    /// Columns of the scan, by position.
    enum Column {
        static let id: Int32 = 0, crn: Int32 = 1, pncID: Int32 = 2, owner: Int32 = 3
        static let manager: Int32 = 4, createdOn: Int32 = 5, category: Int32 = 6, level: Int32 = 7
        static let createdBy: Int32 = 8, managerAssignedOn: Int32 = 9, custody: Int32 = 10
        static let establishment: Int32 = 11, custodyStart: Int32 = 12, releaseDate: Int32 = 13
        static let orderType: Int32 = 14, dutyChangedOn: Int32 = 15, probationArea: Int32 = 16
        static let homeForce: Int32 = 17, levelSince: Int32 = 18, mappEntryDate: Int32 = 19
        static let lastNotification: Int32 = 20, surname: Int32 = 21, forenames: Int32 = 22
        static let dateOfBirth: Int32 = 23, gender: Int32 = 24, ethnicity: Int32 = 25, noms: Int32 = 26
        static let rosh: Int32 = 27
    }

    static func sql(scope: NominalScope) -> String {
        """
        SELECT id, crn, pnc_id, owner_agency_id, manager_user_id, created_on, mappa_category, mappa_level,
               created_by, manager_assigned_on, custody_status, establishment_id, custody_start, release_date,
               order_type, duty_changed_on, probation_area_id, home_force_id, level_since, mapp_entry_date,
               last_notification, surname, forenames, date_of_birth, gender, ethnicity, noms_number, rosh_level
        FROM nominal
        WHERE \(scope.condition("id")) AND lifecycle = 'active'
        ORDER BY id
        """
    }

    /// What one scan found: the visible actions of its rules (and of R4 and
    /// R7, which read their own tables for the same nominals), per owner the
    /// earliest creation among the active nominals seen (R9's "first
    /// nominal"), and, in a full evaluation, R9's discrepancies of its
    /// nominals (`R9ScanPass`).
    struct Result: Sendable {
        var actions: [Action] = []
        var deferred: [DeferredAction] = []
        var views: [DeferredView] = []
        var firstCreatedByOwner: [AgencyID: LocalDate] = [:]
        var caseDiscrepancies: [RuleEvaluation.CaseKey: [Action]] = [:]
        var missingCases: [NominalID: [Action]] = [:]
    }

    /// Rows per batch of candidates handed to the rules: small enough to stay
    /// in cache, large enough that each call's setup is noise.
    static let batchSize = 1024

    /// Scans `scope`, turning each batch of candidates into actions at once;
    /// with `cases` (a full evaluation's slice), compares its nominals with
    /// the stored extracts' cases too.
    static func run(_ db: Database, scope: NominalScope, window: RuleWindow, directory: RuleDirectory,
                    endedPartnerships: EndedPartnerships, cases: ExtractCaseMatches? = nil) throws -> Result {
        var result = Result()
        var facts = RuleFacts()
        facts.r4 = try R04Query.candidates(db, window: window, directory: directory, scope: scope)
        facts.r7 = try R07Query.candidates(db, window: window, directory: directory, scope: scope)
        // Waits, if need be, for the cases still being read by the other worker.
        var r9: R9ScanPass?
        if let cases, case let .range(low, high) = scope, !cases.snapshots.isEmpty {
            r9 = R9ScanPass(cases.index(), from: low, to: high)
        }
        let scan = try SQLiteCursor(db, sql: sql(scope: scope), cached: false)
        var streams = try NominalSideStreams(db, scope: scope)
        defer { streams.close() }
        var sides = NominalSides()
        if case let .range(low, high) = scope {
            // About one view action per row: grown once, not doubled from empty.
            let span = high.subtractingReportingOverflow(low)
            result.views.reserveCapacity(Int(span.overflow ? RuleEvaluator.defaultSliceSize : min(span.partialValue,
                                                                                         RuleEvaluator.defaultSliceSize)))
        }
        let context = ScanContext(window: window, directory: directory, ended: endedPartnerships)
        var rows = 0
        // Earliest creation per owner, indexed by agency id (a hashed lookup per row cost more).
        var firstCreated: [LocalDate?] = []
        while try scan.next() {
            guard let row = NominalRow(scan.row) else { continue }
            try streams.gather(row.id, into: &sides)
            note(row, in: &result, firstCreated: &firstCreated)
            r9?.visit(row, context)
            add(row, sides, context, to: &facts)
            if let action = R08Query.deferred(row, sides, context) { result.deferred.append(action) }
            if let action = R10Query.deferred(row, sides, context) { result.deferred.append(action) }
            if let action = R16Query.deferred(row, sides, context) { result.deferred.append(action) }
            if let view = R14Query.deferredView(row, sides, context) { result.views.append(view) }
            rows += 1
            if rows % batchSize == 0 { flush(&facts, into: &result.actions, window) }
        }
        flush(&facts, into: &result.actions, window)
        if let r9 {
            result.caseDiscrepancies = r9.byCase
            result.missingCases = r9.missingCases
        }
        for (owner, first) in firstCreated.enumerated() {
            if let first { result.firstCreatedByOwner[AgencyID(owner)] = first }
        }
        return result
    }

    /// Adds the row's candidate of each rule whose pre-filter it passes.
    private static func add(_ row: NominalRow, _ sides: NominalSides, _ context: ScanContext, to facts: inout RuleFacts) {
        if let c = R03Query.candidate(row, sides, context) { facts.r3.append(c) }
        if let c = R05R06Query.r5Candidate(row, sides, context) { facts.r5.append(c) }
        if let c = R05R06Query.r6Candidate(row, sides, context) { facts.r6.append(c) }
        if let c = R11Query.candidate(row, sides, context) { facts.r11.append(c) }
    }

    /// Records the row's creation date per owner.
    private static func note(_ row: NominalRow, in result: inout Result, firstCreated: inout [LocalDate?]) {
        let owner = row.owner
        let created = row.createdOn
        if owner >= 0, owner < 1_000_000 {
            let index = Int(owner)
            if index >= firstCreated.count { firstCreated += Array(repeating: nil, count: index + 1 - firstCreated.count) }
            if let first = firstCreated[index], first <= created {} else { firstCreated[index] = created }
        } else if let first = result.firstCreatedByOwner[owner], first <= created {} else {
            result.firstCreatedByOwner[owner] = created
        }
    }

    /// Turns the batch's candidates into the actions the window shows, and empties it.
    private static func flush(_ facts: inout RuleFacts, into actions: inout [Action], _ window: RuleWindow) {
        for rule in RuleID.allCases {
            for action in RuleEngine.actions(of: rule, facts: facts, policy: window.policy, asOf: window.asOf)
            where window.shows(action) {
                actions.append(action)
            }
        }
        facts.r3.removeAll(keepingCapacity: true)
        facts.r4.removeAll(keepingCapacity: true)
        facts.r5.removeAll(keepingCapacity: true)
        facts.r6.removeAll(keepingCapacity: true)
        facts.r7.removeAll(keepingCapacity: true)
        facts.r8.removeAll(keepingCapacity: true)
        facts.r10.removeAll(keepingCapacity: true)
        facts.r11.removeAll(keepingCapacity: true)
        facts.r14Views.removeAll(keepingCapacity: true)
        facts.r16.removeAll(keepingCapacity: true)
    }
}

/// What the nominal rules' builders share during one scan, with the dates
/// their pre-filters compare against worked out once.
struct ScanContext {
    let window: RuleWindow
    let directory: RuleDirectory
    let ended: EndedPartnerships
    /// R8: which fields the policy's minimum data set asks for.
    let r8: R08Query.Fields
    /// R10: the policy's working days.
    let calendar: WorkingCalendar
    /// R14: the latest assignment or view whose 30 days end by the window's end (and its day number).
    let r14Latest: LocalDate
    let r14LatestDay: Int32
    /// R16: the latest last notification whose year ends by the window's end (three days allowed for clipping).
    let r16Latest: LocalDate

    init(window: RuleWindow, directory: RuleDirectory, ended: EndedPartnerships) {
        self.window = window
        self.directory = directory
        self.ended = ended
        r8 = R08Query.Fields(window.policy.minimumDataSet)
        calendar = window.policy.workingCalendar
        r14Latest = window.bound.adding(days: -window.policy.r14ManagerViewDays)
        r14LatestDay = Int32(r14Latest.dayNumber)
        r16Latest = window.bound.adding(years: -window.policy.r16NotificationYears).adding(days: 3)
    }
}

/// The current row of the scan: the columns every rule reads, decoded once;
/// the others are read from `columns` by the rules that need them.
struct NominalRow {
    typealias Column = NominalScan.Column
    let columns: SQLiteRow
    let id: NominalID
    let owner: AgencyID
    let manager: UserID?
    let createdOn: LocalDate
    let category: MAPPACategory
    let level: MAPPALevel
    let inCustody: Bool
    /// The CRN's letter and number (`letter × 1,000,000 + number`, −1 for
    /// none) and the PNC ID's year (−1 for none) and serial: integers, since
    /// most rows become a compact `DeferredView` and never need the values.
    let crnKey: Int32
    let pncYear: Int16
    let pncSerial: Int32

    /// Nil for a row the schema's constraints would have refused.
    init?(_ columns: SQLiteRow) {
        guard let created = columns.date(Column.createdOn), let category = columns.category(Column.category),
              let level = columns.level(Column.level), let custody = columns.bytes(Column.custody) else { return nil }
        self.columns = columns
        id = columns.int64(Column.id)
        owner = columns.int64(Column.owner)
        manager = columns.optionalInt64(Column.manager)
        createdOn = created
        self.category = category
        self.level = level
        // `in_custody` or `community`: the first letter tells them apart.
        inCustody = custody.first == UInt8(ascii: "i")
        crnKey = NominalRow.crnKey(columns.bytes(Column.crn))
        (pncYear, pncSerial) = NominalRow.pncParts(columns.bytes(Column.pncID))
    }

    var custody: CustodyStatus { inCustody ? .inCustody : .community }
    var crn: CRN? { NominalRow.crn(crnKey) }
    var pncID: PNCID? { NominalRow.pncID(year: pncYear, serial: pncSerial) }

    static func crnKey(_ bytes: UnsafeBufferPointer<UInt8>?) -> Int32 {
        guard let bytes, bytes.count == 7, (65...90).contains(bytes[0]) else { return -1 }
        var number: Int32 = 0
        for index in 1..<7 {
            let digit = Int32(bytes[index]) &- 48
            guard (0...9).contains(digit) else { return -1 }
            number = number * 10 + digit
        }
        return Int32(bytes[0] - 65) * 1_000_000 + number
    }

    static func crn(_ key: Int32) -> CRN? {
        guard key >= 0 else { return nil }
        return CRN(letter: Character(Unicode.Scalar(UInt8(65 + key / 1_000_000))), number: Int(key % 1_000_000))
    }

    /// Year and serial of a canonical PNC ID (`YYYY/NNNNNNNC`); the check
    /// character is recomputed from them, which the schema stored valid.
    static func pncParts(_ bytes: UnsafeBufferPointer<UInt8>?) -> (Int16, Int32) {
        guard let bytes, bytes.count == 13 else { return (-1, 0) }
        var year: Int32 = 0
        var serial: Int32 = 0
        for index in 0..<4 { year = year * 10 + Int32(bytes[index]) &- 48 }
        for index in 5..<12 { serial = serial * 10 + Int32(bytes[index]) &- 48 }
        guard (0...9999).contains(year), (0...9_999_999).contains(serial) else { return (-1, 0) }
        return (Int16(year), serial)
    }

    static func pncID(year: Int16, serial: Int32) -> PNCID? {
        year < 0 ? nil : PNCID(year: Int(year), serial: Int(serial))
    }
}
