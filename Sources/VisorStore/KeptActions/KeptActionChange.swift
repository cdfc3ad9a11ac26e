import GRDB
import VisorDomain
import VisorRegister

/// What one write touched, and the re-evaluation that keeps the kept actions
/// true in the same transaction: made before the write changes anything (it
/// notes the touched nominals' identifiers, for R1, R2 and R9's cases they
/// matched), committed after it.
///
///     var change = try KeptActionChange(db, nominals: [id])
///     … the write …
///     try change.commit(db, today: today)
package struct KeptActionChange {
    package private(set) var nominals: Set<NominalID>
    /// The CRNs and PNC IDs the touched nominals had before the write (canonical).
    private var crnsBefore: Set<String> = []
    private var pncsBefore: Set<String> = []
    /// The agency part (users, roles, clearances, sign-ins, reconciliations) needs working out again.
    package var agencies = false
    /// Agencies whose partner queue changed though none of their actions may have (a requester's).
    package var queues: Set<AgencyID> = []
    /// Nominals whose listed data or visibility the write changes, and the agencies that listed them
    /// before it: their lists, and the lists that show them after, are announced (`ListChange`).
    private var listedNominals: Set<NominalID> = []
    private var listedBefore: Set<AgencyID> = []
    /// Every agency's list changed (an import).
    package var allLists = false

    /// Notes, before the write, that it changes how `nominals` are listed (names, dates, category,
    /// level, custody, owner, lifecycle, partners).
    package mutating func listed(_ db: Database, nominals: Set<NominalID>) throws {
        listedNominals.formUnion(nominals)
        listedBefore.formUnion(try ListChange.agencies(db, of: nominals))
    }

    /// Past this many nominals a bulk write rebuilds the kept actions instead (`KeptActionsRebuild`).
    package static let largest = 5_000

    package init(_ db: Database, nominals: Set<NominalID> = [], agencies: Bool = false) throws {
        self.nominals = nominals
        self.agencies = agencies
        try note(db, nominals)
    }

    /// Adds nominals the write is about to change (their identifiers as they are now).
    package mutating func touch(_ db: Database, nominals more: Set<NominalID>) throws {
        let new = more.subtracting(nominals)
        nominals.formUnion(new)
        try note(db, new)
    }

    /// Adds a nominal the write created (it had no identifiers before).
    package mutating func created(_ id: NominalID) { nominals.insert(id) }

    private mutating func note(_ db: Database, _ ids: Set<NominalID>) throws {
        for (crn, pnc) in try KeptActionChange.identifiers(db, of: ids) {
            if let crn { crnsBefore.insert(crn) }
            if let pnc { pncsBefore.insert(pnc) }
        }
    }

    /// Re-evaluates what the write touched and makes the kept actions agree, announcing the agencies
    /// whose actions or queue changed. Nothing to do while a rebuild is due (it will see the write).
    package func commit(_ db: Database, today: LocalDate) throws {
        if allLists {
            try AgencyCounter.lists.announceAll(db)
        } else if !listedNominals.isEmpty {
            try AgencyCounter.lists.announce(db, listedBefore.union(try ListChange.agencies(db, of: listedNominals)))
        }
        let state = try KeptActionsState.read(db)
        // Most sign-ins and record views touch no action: nothing to read beyond the state.
        guard !nominals.isEmpty || agencies || state.datedAsOf != today else {
            try AgencyCounter.actions.announce(db, queues)
            return
        }
        let policy = try KeptActionsState.policy(db)
        guard state.isCurrent(for: policy) else {
            if state.complete {
                var stale = state
                stale.complete = false
                try stale.write(db)
            }
            return
        }
        let window = RuleWindow.unbounded(asOf: today, policy: policy)
        var changed = queues
        let directory = try PhaseTrace.rules.measure("kept: directory") { try RuleDirectory(db) }
        if !nominals.isEmpty {
            changed.formUnion(try PhaseTrace.rules.measure("kept: nominals") {
                try replaceNominals(db, window, directory)
            })
        }
        if agencies || state.datedAsOf != today {
            changed.formUnion(try PhaseTrace.rules.measure("kept: agencies") {
                try KeptActionRow.replace(db, where: "part = 'agency'",
                                          with: try KeptAgencyActions.rows(db, window, directory))
            })
            var dated = state
            dated.datedAsOf = today
            try dated.write(db)
        }
        try AgencyCounter.actions.announce(db, changed)
    }

    /// The rules on the touched nominals, and on the stored extracts' cases they match now or matched
    /// before (R1, R2, R9), with every nominal those cases match.
    private func replaceNominals(_ db: Database, _ window: RuleWindow, _ directory: RuleDirectory) throws
        -> Set<AgencyID> {
        var crns = crnsBefore, pncs = pncsBefore
        for (crn, pnc) in try KeptActionChange.identifiers(db, of: nominals) {
            if let crn { crns.insert(crn) }
            if let pnc { pncs.insert(pnc) }
        }
        var revisited = nominals
        var cases: [RuleEvaluation.CaseKey] = []
        var caseFilter: String?
        if !directory.snapshots.isEmpty, !crns.isEmpty || !pncs.isEmpty {
            let filter = "c.crn IN (\(KeptActionChange.list(crns))) OR c.pnc_id IN (\(KeptActionChange.list(pncs)))"
            var caseCRNs = Set<String>(), casePNCs = Set<String>()
            let found = try SQLiteCursor(db, sql: """
                SELECT s.area_id, c.crn, c.pnc_id FROM extract_case c JOIN extract_snapshot s ON s.id = c.snapshot_id
                WHERE \(filter)
                """, cached: false)
            while try found.next() {
                guard let crn = found.crn(1) else { continue }
                cases.append(RuleEvaluation.CaseKey(areaID: found.int64(0), crn: crn))
                caseCRNs.insert(crn.canonical)
                if let pnc = found.pncID(2) { casePNCs.insert(pnc.canonical) }
            }
            if !cases.isEmpty {
                caseFilter = filter
                // Every nominal those cases can match: one may have lost its case to a touched nominal.
                revisited.formUnion(try NominalID.fetchAll(db, sql: """
                    SELECT id FROM nominal WHERE crn IN (\(KeptActionChange.list(caseCRNs)))
                    UNION SELECT id FROM nominal WHERE pnc_id IN (\(KeptActionChange.list(casePNCs)))
                    """))
            }
        }
        let scope = NominalScope.ids(revisited.sorted())
        let scanned = try NominalScan.run(db, scope: scope, window: window, directory: directory,
                                          endedPartnerships: try EndedPartnerships(db, scope: scope))
        var nominalRows: [KeptActionRow] = []
        KeptActionRow.appendNominalRows(to: &nominalRows, actions: scanned.actions, deferred: scanned.deferred,
                                        views: scanned.views, policy: window.policy, asOf: window.asOf)
        var caseRows: [KeptActionRow] = []
        if !directory.snapshots.isEmpty {
            let found = try CaseDiscrepancies(db, window: window, directory: directory,
                                              caseFilter: caseFilter ?? "0", scope: scope)
            for actions in found.missingCases.values {
                nominalRows += actions.map { KeptActionRow(part: .nominal, action: $0) }
            }
            for (key, actions) in found.byCase {
                caseRows += actions.map { KeptActionRow(part: .case, action: $0, caseKey: key) }
            }
            if let caseFilter {
                for action in try RuleEvaluator.caseActions(db, window, caseFilter: caseFilter) {
                    guard let crn = action.crn else { continue }
                    caseRows.append(KeptActionRow(part: .case, action: action,
                                                  caseKey: RuleEvaluation.CaseKey(areaID: action.agencyID, crn: crn)))
                }
            }
        }
        var changed = try KeptActionRow.replace(db, where: "part = 'nominal' AND \(scope.condition("nominal_id"))",
                                                with: nominalRows)
        if !cases.isEmpty {
            let keys = Set(cases).map { "(\($0.areaID), '\($0.crn.canonical)')" }.sorted().joined(separator: ",")
            changed.formUnion(try KeptActionRow.replace(
                db, where: "part = 'case' AND (case_area_id, case_crn) IN (VALUES \(keys))", with: caseRows))
        }
        return changed
    }

    /// Moves the change counter of each agency in `agencies`.
    /// The canonical CRN and PNC ID of each of `ids`.
    static func identifiers(_ db: Database, of ids: Set<NominalID>) throws -> [(crn: String?, pnc: String?)] {
        guard !ids.isEmpty else { return [] }
        return try Row.fetchAll(db, sql: """
            SELECT crn, pnc_id FROM nominal WHERE \(NominalScope.ids(ids.sorted()).condition("id"))
            """).map { ($0["crn"], $0["pnc_id"]) }
    }

    /// Canonical identifiers hold only letters, digits and '/': safe to write inline.
    static func list(_ values: Set<String>) -> String {
        values.isEmpty ? "NULL" : values.sorted().map { "'\($0)'" }.joined(separator: ",")
    }
}
