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
/// thousands at a million nominals) are deferred with their due dates — asked
/// of the rules' own date functions, never worked out here — and their rules
/// build them when they are listed (`DeferredAction`, `DeferredView`).
///
/// The columns read are declared once (`Column`, which writes the SELECT);
/// a row the schema forbids stops the scan with `RegisterDamage`.
enum NominalScan {
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
            // A row the schema would have refused stops the evaluation, naming it (`RegisterDamage`).
            let row = try NominalRow(scan.row)
            try streams.gather(row.id, into: &sides)
            note(row, in: &result, firstCreated: &firstCreated)
            try r9?.visit(row, context)
            try add(row, sides, context, to: &facts)
            if let action = try R08Query.deferred(row, sides, context) { result.deferred.append(action) }
            if let action = R10Query.deferred(row, sides, context) { result.deferred.append(action) }
            if let action = try R16Query.deferred(row, sides, context) { result.deferred.append(action) }
            if let view = try R14Query.deferredView(row, sides, context) { result.views.append(view) }
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
    private static func add(_ row: NominalRow, _ sides: NominalSides, _ context: ScanContext,
                            to facts: inout RuleFacts) throws(RegisterDamage) {
        if let c = try R03Query.candidate(row, sides, context) { facts.r3.append(c) }
        if let c = try R05R06Query.r5Candidate(row, sides, context) { facts.r5.append(c) }
        if let c = try R05R06Query.r6Candidate(row, sides, context) { facts.r6.append(c) }
        if let c = try R11Query.candidate(row, sides, context) { facts.r11.append(c) }
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
