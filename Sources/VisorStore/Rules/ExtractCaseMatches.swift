import Dispatch
import GRDB
import Synchronization
import VisorDomain
import VisorRegister

/// R9's discrepancies in a full evaluation. One SQL join of every stored
/// case with its nominal read each matched nominal's row at random — a
/// 16 KiB page per case, about 8 µs, and a third of a second at a million
/// nominals, alone on one worker. Instead, the cases are read with the id
/// of the nominal each matches (by crn, else by pnc_id, among all nominals),
/// found through those two indexes alone; the nominal scan, which reads
/// every active row anyway, compares each row with the cases matching it as
/// it passes (`R9ScanPass`).
///
/// The cases are read half a stored extract per task (by the parity of the
/// CRN's last digits, so that both workers share a large extract; more
/// pieces re-read the extract more often than they balance), before any
/// slice of the scan; a slice waits (`index()`) until every part is in.
final class ExtractCaseMatches: Sendable {
    /// A case of a stored extract, with the nominal it matches.
    struct Case: Sendable {
        let key: RuleEvaluation.CaseKey
        let reconciledOn: LocalDate
        let value: ReconciliationCase
        let nominal: NominalID?
    }

    /// The cases matched to nominals, sorted by nominal id.
    struct Index: Sendable {
        var matches: [(nominal: NominalID, found: Case)] = []

        /// The matches of the nominals with ids from `low` up to `high` (excluded).
        func matches(from low: NominalID, to high: NominalID) -> ArraySlice<(nominal: NominalID, found: Case)> {
            matches[matches.partitioningIndex { $0.nominal >= low }..<matches.partitioningIndex { $0.nominal >= high }]
        }
    }

    /// What reading one stored extract found besides its cases.
    struct Part: Sendable {
        /// Discrepancies of the cases no nominal matches.
        var byCase: [RuleEvaluation.CaseKey: [Action]] = [:]
        /// The nominal each case matched.
        var caseNominals: [RuleEvaluation.CaseKey: NominalID] = [:]
    }

    let snapshots: [RuleDirectory.Snapshot]
    /// Parts each extract is read in.
    static let piecesPerExtract = 2
    /// Parts to read: call `load` once for each of `0..<partCount`.
    var partCount: Int { snapshots.count * ExtractCaseMatches.piecesPerExtract }
    private let loaded = DispatchGroup()
    /// Extracts not read yet: a group dropped while entered crashes, so the
    /// deinitializer leaves for those never read (an evaluation that failed).
    private let unread: Atomic<Int>
    private let parts: Mutex<[[Case]]>
    private let built = Mutex<Index?>(nil)

    init(directory: RuleDirectory) {
        snapshots = directory.snapshots
        let count = directory.snapshots.count * ExtractCaseMatches.piecesPerExtract
        unread = Atomic(count)
        parts = Mutex(Array(repeating: [], count: count))
        for _ in 0..<count { loaded.enter() }
    }

    deinit {
        for _ in 0..<max(0, unread.load(ordering: .relaxed)) { loaded.leave() }
    }

    /// Reads the cases of the `part`th part. Call once per part; slices
    /// waiting in `index()` go on when every part is read (or failed).
    func load(_ db: Database, part: Int, window: RuleWindow) throws -> Part {
        defer {
            unread.subtract(1, ordering: .relaxed)
            loaded.leave()
        }
        let pieces = ExtractCaseMatches.piecesPerExtract
        let snapshot = snapshots[part / pieces]
        // The case's columns, then the nominal it matches.
        let matchAt = Int32(ExtractCaseColumn.allCases.count)
        let rows = try SQLiteCursor(db, sql: """
            SELECT \(ExtractCaseColumn.selectList), \(R09Query.matchedNominal)
            FROM extract_case c
            WHERE c.snapshot_id = \(snapshot.id) AND abs(CAST(substr(c.crn, 6, 2) AS INTEGER)) % \(pieces) = \(part % pieces)
            """, cached: false)
        var cases: [Case] = []
        var found = Part()
        while try rows.next() {
            let value = try ExtractCaseColumn.decode(rows.row, at: 0, area: snapshot.areaID)
            let key = RuleEvaluation.CaseKey(areaID: snapshot.areaID, crn: value.crn)
            let nominal = rows.optionalInt64(matchAt)
            if let nominal { found.caseNominals[key] = nominal }
            if nominal != nil {
                cases.append(Case(key: key, reconciledOn: snapshot.reconciledOn, value: value, nominal: nominal))
                continue
            }
            let pair = R9Reconcile.PairCandidate(areaID: snapshot.areaID, reconciledOn: snapshot.reconciledOn,
                                                 extractCase: value, nominal: nil)
            let actions = CaseDiscrepancies.actions(pair, window)
            if !actions.isEmpty { found.byCase[key, default: []] += actions }
        }
        parts.withLock { $0[part] = cases }
        return found
    }

    /// The matched cases by nominal id, once every extract is read.
    func index() -> Index {
        loaded.wait()
        return built.withLock { built in
            if let built { return built }
            let cases = parts.withLock { parts in parts.flatMap { $0 } }
            // In file order among a nominal's cases, so that every evaluation compares them alike.
            let matched = cases.enumerated().compactMap { offset, found in found.nominal.map { ($0, offset, found) } }
            let index = Index(matches: matched.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map { ($0.0, $0.2) })
            built = index
            return index
        }
    }
}

/// One slice's share of R9: walks the matched cases in nominal-id order
/// beside the scan, comparing each active nominal with the cases matching
/// it, and reporting those owned by an area with a stored extract that no
/// case matches (`missing_case`).
struct R9ScanPass {
    /// The slice's own copy of its matches, in nominal-id order: reading the
    /// shared index row by row made both workers bounce its reference
    /// counts' cache line between cores, and cost more than the comparisons.
    private let matches: [(nominal: NominalID, found: ExtractCaseMatches.Case)]
    private var position = 0
    var byCase: [RuleEvaluation.CaseKey: [Action]] = [:]
    var missingCases: [NominalID: [Action]] = [:]

    init(_ index: ExtractCaseMatches.Index, from low: NominalID, to high: NominalID) {
        matches = Array(index.matches(from: low, to: high))
    }

    mutating func visit(_ row: NominalRow, _ context: ScanContext) throws(RegisterDamage) {
        while position < matches.count, matches[position].nominal < row.id { position += 1 }
        var matched = false
        while position < matches.count, matches[position].nominal == row.id {
            matched = true
            try compare(matches[position].found, row, context)
            position += 1
        }
        if !matched, context.directory.hasSnapshot(row.owner),
           let snapshot = context.directory.snapshotOfArea[row.owner] {
            let nominal = try R09Query.nominal(row, context.directory)
            let pair = R9Reconcile.PairCandidate(areaID: snapshot.areaID, reconciledOn: snapshot.reconciledOn,
                                                 extractCase: nil, nominal: nominal)
            let actions = CaseDiscrepancies.actions(pair, context.window)
            if !actions.isEmpty { missingCases[row.id, default: []] += actions }
        }
    }

    /// The discrepancies of a case and its (active) nominal; most pairs agree
    /// on every compared field and are settled without building the pair.
    private mutating func compare(_ found: ExtractCaseMatches.Case, _ row: NominalRow, _ context: ScanContext)
        throws(RegisterDamage) {
        let value = found.value
        let release = try row.date(.releaseDate)
        let staffID = row.manager.flatMap { context.directory.staffID(of: $0) }
        guard value.category != row.category || value.level != row.level || value.custody != row.custody
            || value.releaseDate != release || value.offenderManager != staffID else { return }
        let nominal = ReconciliationNominal(
            nominalID: row.id, crn: row.crn, pncID: row.pncID, ownerAgencyID: row.owner, lifecycle: .active,
            category: row.category, level: row.level, custody: row.custody, releaseDate: release,
            managerStaffID: staffID)
        let pair = R9Reconcile.PairCandidate(areaID: found.key.areaID, reconciledOn: found.reconciledOn,
                                             extractCase: value, nominal: nominal)
        let actions = CaseDiscrepancies.actions(pair, context.window)
        if !actions.isEmpty { byCase[found.key, default: []] += actions }
    }
}
