import Foundation
import GRDB
import Synchronization
import VisorDomain
import VisorRegister

/// Evaluates the rules R1–R16 against the whole register, on read connections
/// of its own (a rebuild of the kept actions, `visor bench rules`, and readers
/// of a register whose kept actions this process may not rebuild). Thread-safe:
/// call it from any queue; concurrent calls each see one consistent database state.
///
/// A full evaluation reads one snapshot of the database on two connections
/// at once: the nominal rules (with R4, R7 and R9's comparison of nominals
/// with the stored extracts' cases) in slices of nominal ids (`NominalScan`),
/// the others (R1, R2, the reading of the extracts' cases, R12, R13, R14's
/// sign-ins, R15) as tasks of their own; each rule's candidates are
/// pre-filtered in SQL and turned into actions by the pure rules of
/// `VisorDomain` (`RuleEngine`).
public final class RuleEvaluator: Sendable {
    let database: AppDatabase
    private let workers: Int
    private let readers = Mutex<(any RuleReading & Sendable)?>(nil)
    private let sliceSize: Int64

    /// Nominal ids per slice of a full evaluation: small enough that two
    /// workers finish together, large enough that each slice's setup is noise.
    static let defaultSliceSize: Int64 = 32_768

    public convenience init(database: AppDatabase, workers: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.init(database: database, workers: workers, sliceSize: RuleEvaluator.defaultSliceSize)
    }

    /// With `sliceSize` ids per slice (tests use small ones to cross many slice boundaries).
    init(database: AppDatabase, workers: Int, sliceSize: Int64) {
        self.database = database
        self.workers = max(1, min(workers, 4))
        self.sliceSize = max(1, sliceSize)
    }

    /// Every action visible as of `date` (overdue, due, and upcoming up to
    /// `horizonDays` ahead), unsorted.
    public func evaluate(asOf date: LocalDate, policy: Policy, horizonDays: Int) throws(StoreError) -> [Action] {
        try evaluation(asOf: date, policy: policy, horizonDays: horizonDays).actions
    }

    /// A full evaluation.
    public func evaluation(asOf date: LocalDate, policy: Policy, horizonDays: Int) throws(StoreError)
        -> RuleEvaluation {
        let window = RuleWindow(asOf: date, policy: policy, horizonDays: horizonDays)
        let result: RuleEvaluation
        do {
            result = try RuleEvaluator.evaluate(window, on: try connections(), sliceSize: sliceSize)
        } catch {
            throw AppDatabase.storeError(error, path: database.path, creating: false)
        }
        return result
    }

    /// A full evaluation in `window` on `reader`'s connections: one database state throughout.
    static func evaluate(_ window: RuleWindow, on reader: some RuleReading,
                         sliceSize: Int64 = RuleEvaluator.defaultSliceSize) throws -> RuleEvaluation {
        let (directory, ended, span) = try PhaseTrace.rules.measure("directory") { try reader.read { db in
            (try RuleDirectory(db), try EndedPartnerships(db, scope: nil),
             try Int64.fetchOne(db, sql: "SELECT min(id) FROM nominal").map {
                 ($0, try Int64.fetchOne(db, sql: "SELECT max(id) FROM nominal") ?? $0)
             })
        } }
        let slices = RuleEvaluator.slices(span, size: sliceSize)
        let cases = ExtractCaseMatches(directory: directory)
        // The stored extracts first: the slices need their cases (and wait for them).
        var tasks: [@Sendable (Database) throws -> FullOutput] = (0..<cases.partCount).map { part in
            { db in .extractCases(try cases.load(db, part: part, window: window)) }
        }
        tasks.append({ db in .cases(try RuleEvaluator.caseActions(db, window)) })
        tasks.append({ db in .agency(try RuleEvaluator.userActions(db, window, directory)) })
        tasks += slices.enumerated().map { index, range in
            { db in
                let scanned = try PhaseTrace.rules.measure("scan \(index)") {
                    try NominalScan.run(db, scope: .range(range.low, range.high), window: window,
                                        directory: directory, endedPartnerships: ended, cases: cases)
                }
                return .slice(index, scanned)
            }
        }
        let outputs = try PhaseTrace.rules.measure("tasks") { try reader.run(tasks.enumerated().map { index, task in
            { db in try PhaseTrace.rules.measure("task \(index)") { try task(db) } }
        }) }
        return PhaseTrace.rules.measure("assemble") {
            RuleEvaluator.assemble(outputs, slices: slices, window: window, directory: directory)
        }
    }

    /// The evaluator's own read connections, opened on first use.
    func connections() throws -> any RuleReading & Sendable {
        try readers.withLock { readers in
            if let readers { return readers }
            let opened: any RuleReading & Sendable = database.isInMemory ? WriterReads(writer: database.writer)
                : try ParallelReads(path: database.connectionPath, workers: workers)
            readers = opened
            return opened
        }
    }

    /// The id ranges of the slices; the first and last are open-ended, so
    /// that nominals created later still fall in a slice.
    static func slices(_ span: (NominalID, NominalID)?, size sliceSize: Int64) -> [(low: NominalID, high: NominalID)] {
        guard let (first, last) = span else { return [(Int64.min, Int64.max)] }
        var bounds: [NominalID] = []
        var start = first + sliceSize
        while start <= last {
            bounds.append(start)
            start += sliceSize
        }
        let lows = [Int64.min] + bounds
        let highs = bounds + [Int64.max]
        return zip(lows, highs).map { ($0, $1) }
    }

    /// What one task of a full evaluation found.
    enum FullOutput: Sendable {
        case slice(Int, NominalScan.Result)
        case cases([Action])
        case extractCases(ExtractCaseMatches.Part)
        case agency([Action])
    }

    /// The rules' actions on `facts`, keeping those the window shows.
    static func actions(of facts: RuleFacts, _ window: RuleWindow) -> [Action] {
        var actions = RuleEngine.evaluate(facts, policy: window.policy, asOf: window.asOf)
        actions.removeAll { !window.shows($0) }
        return actions
    }

    /// R1 and R2.
    static func caseActions(_ db: Database, _ window: RuleWindow, caseFilter: String? = nil) throws -> [Action] {
        var facts = RuleFacts()
        facts.r1 = try R01R02Query.r1Candidates(db, window: window, caseFilter: caseFilter)
        facts.r2 = try R01R02Query.r2Candidates(db, window: window, caseFilter: caseFilter)
        return actions(of: facts, window)
    }

    /// R12, R13, R14's sign-ins and R15, each from the few users it can concern.
    static func userActions(_ db: Database, _ window: RuleWindow, _ directory: RuleDirectory) throws -> [Action] {
        var facts = RuleFacts()
        facts.r12 = R12R13Query.r12Candidates(try R12R13Query.coverageUsers(db), directory: directory)
        let latest = R13RenewClearance.latestExpiry(dueBy: window.bound, policy: window.policy)
        facts.r13 = R12R13Query.r13Candidates(try R12R13Query.renewalUsers(db, latest: latest), asOf: window.asOf)
        facts.r14Logons = try R14Query.logonCandidates(db)
        facts.r15 = try R15Query.candidates(db)
        return actions(of: facts, window)
    }

    /// Puts the tasks' outputs together, adding R9's "reconcile" actions,
    /// which need every slice's first creation dates.
    static func assemble(_ outputs: [FullOutput], slices: [(low: NominalID, high: NominalID)], window: RuleWindow,
                         directory: RuleDirectory) -> RuleEvaluation {
        var evaluation = RuleEvaluation(
            asOf: window.asOf, policy: window.policy, horizonDays: window.horizonDays,
            slices: slices.map { RuleEvaluation.Slice(low: $0.low, high: $0.high, actions: []) },
            caseActions: [], caseDiscrepancies: [:], missingCases: [:], agencyActions: [],
            firstCreatedByOwner: [:], directory: directory)
        for output in outputs {
            switch output {
            case let .slice(index, scanned):
                evaluation.slices[index].actions = scanned.actions
                evaluation.slices[index].deferred = scanned.deferred
                evaluation.slices[index].views = scanned.views
                evaluation.firstCreatedByOwner.merge(scanned.firstCreatedByOwner) { min($0, $1) }
                evaluation.caseDiscrepancies.merge(scanned.caseDiscrepancies) { $0 + $1 }
                evaluation.missingCases.merge(scanned.missingCases) { $0 + $1 }
            case .cases(let actions): evaluation.caseActions = actions
            case .extractCases(let part):
                evaluation.caseDiscrepancies.merge(part.byCase) { $0 + $1 }
            case .agency(let actions): evaluation.agencyActions = actions
            }
        }
        evaluation.agencyActions += areaActions(evaluation, window: window)
        return evaluation
    }

    /// R9's "reconcile", per probation area.
    static func areaActions(_ evaluation: RuleEvaluation, window: RuleWindow) -> [Action] {
        areaActions(evaluation.directory, firstCreated: evaluation.firstCreatedByOwner, window: window)
    }

    /// R9's "reconcile", per probation area, given each owner's earliest active nominal.
    static func areaActions(_ directory: RuleDirectory, firstCreated: [AgencyID: LocalDate],
                            window: RuleWindow) -> [Action] {
        var facts = RuleFacts()
        facts.r9Areas = R09Query.areaCandidates(directory, firstCreated: firstCreated)
        return RuleEngine.actions(of: .r9, facts: facts, policy: window.policy, asOf: window.asOf)
            .filter(window.shows)
    }
}
