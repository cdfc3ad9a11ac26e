import GRDB
import VisorDomain
import VisorRegister

/// R9's candidates: each probation area with its last reconciliation, and the
/// pairs of each stored extract — every case with the nominal it matches (by
/// crn, else by pnc_id, among all nominals) and every active nominal the area
/// owns that no case matches.
enum R09Query {
    /// "reconcile": every probation area; `firstCreated` gives the earliest
    /// creation among each owner's active nominals (from the nominal scan).
    static func areaCandidates(_ directory: RuleDirectory, firstCreated: [AgencyID: LocalDate])
        -> [R9Reconcile.AreaCandidate] {
        let reconciled = Dictionary(directory.snapshots.map { ($0.areaID, $0.reconciledOn) }) { first, _ in first }
        return directory.probationAreas.map { area in
            R9Reconcile.AreaCandidate(areaID: area, lastReconciledOn: reconciled[area],
                                      firstNominalCreatedOn: firstCreated[area])
        }
    }

    /// The nominal a case matches: by crn, else by pnc_id.
    static let matchedNominal = """
        coalesce((SELECT id FROM nominal WHERE crn = c.crn),
                 CASE WHEN c.pnc_id IS NOT NULL THEN (SELECT id FROM nominal WHERE pnc_id = c.pnc_id) END)
        """

    /// The cases of the stored extracts (those `caseFilter` allows, an SQL
    /// condition on `c`; `area`'s only) that may differ from the register:
    /// those without a nominal, and those whose nominal (active) differs in a
    /// compared field — SQL tells them apart, so the agreeing majority is
    /// never decoded. `matched` hears of every case matched to a nominal.
    static func casePairs(_ db: Database, directory: RuleDirectory, caseFilter: String? = nil,
                          area: AgencyID? = nil, matched: (RuleEvaluation.CaseKey, NominalID) -> Void = { _, _ in })
        throws -> [R9Reconcile.PairCandidate] {
        var pairs: [R9Reconcile.PairCandidate] = []
        for snapshot in directory.snapshots where area.map({ $0 == snapshot.areaID }) ?? true {
            // Whether the pair may differ, then the case's columns, then the nominal's.
            let caseAt: Int32 = 1
            let nominalAt = caseAt + Int32(ExtractCaseColumn.allCases.count)
            let rows = try SQLiteCursor(db, sql: """
                SELECT n.id IS NULL OR (n.lifecycle = 'active' AND (n.mappa_category <> c.mappa_category
                           OR n.mappa_level <> c.mappa_level OR n.custody_status <> c.custody_status
                           OR n.release_date IS NOT c.release_date OR u.staff_id IS NOT c.offender_manager)),
                       \(ExtractCaseColumn.selectList), \(PairNominalColumn.selectList)
                FROM extract_case c
                LEFT JOIN nominal n ON n.id = \(matchedNominal)
                LEFT JOIN user_account u ON u.id = n.manager_user_id
                WHERE c.snapshot_id = \(snapshot.id)\(caseFilter.map { " AND (\($0))" } ?? "")
                ORDER BY c.line
                """, cached: false)
            while try rows.next() {
                let row = rows.row
                if let nominal = row.optionalInt64(nominalAt + PairNominalColumn.id.rawValue) {
                    let line = row.int(caseAt + ExtractCaseColumn.line.rawValue)
                    let crn = try row.requiredCRN(caseAt + ExtractCaseColumn.crn.rawValue,
                                                  of: .extractCase(area: snapshot.areaID, line: line),
                                                  ExtractCaseColumn.crn.name)
                    matched(RuleEvaluation.CaseKey(areaID: snapshot.areaID, crn: crn), nominal)
                }
                guard rows.bool(0) else { continue }
                pairs.append(R9Reconcile.PairCandidate(
                    areaID: snapshot.areaID, reconciledOn: snapshot.reconciledOn,
                    extractCase: try ExtractCaseColumn.decode(row, at: caseAt, area: snapshot.areaID),
                    nominal: try PairNominalColumn.decode(row, at: nominalAt)))
            }
        }
        return pairs
    }

    /// The active nominals each area with a stored extract owns that no case
    /// of it matches (`scope` narrows them, `area` to one area's).
    static func unmatchedNominals(_ db: Database, directory: RuleDirectory, scope: NominalScope? = nil,
                                  area: AgencyID? = nil) throws -> [R9Reconcile.PairCandidate] {
        var pairs: [R9Reconcile.PairCandidate] = []
        for snapshot in directory.snapshots where area.map({ $0 == snapshot.areaID }) ?? true {
            let rows = try SQLiteCursor(db, sql: """
                SELECT \(PairNominalColumn.selectList)
                FROM nominal n LEFT JOIN user_account u ON u.id = n.manager_user_id
                WHERE n.owner_agency_id = \(snapshot.areaID) AND n.lifecycle = 'active'\(scope.map { " AND " + $0.condition("n.id") } ?? "")
                  AND (n.crn IS NULL OR NOT EXISTS (SELECT 1 FROM extract_case c
                                                    WHERE c.snapshot_id = \(snapshot.id) AND c.crn = n.crn))
                  AND (n.pnc_id IS NULL OR NOT EXISTS (
                        SELECT 1 FROM extract_case c WHERE c.snapshot_id = \(snapshot.id) AND c.pnc_id = n.pnc_id
                        AND NOT EXISTS (SELECT 1 FROM nominal m WHERE m.crn = c.crn)))
                ORDER BY n.id
                """, cached: false)
            while try rows.next() {
                pairs.append(R9Reconcile.PairCandidate(areaID: snapshot.areaID, reconciledOn: snapshot.reconciledOn,
                                                       extractCase: nil,
                                                       nominal: try PairNominalColumn.decode(rows.row, at: 0)))
            }
        }
        return pairs
    }

    /// The register's side of a pair from the nominal scan's row.
    static func nominal(_ row: NominalRow, _ directory: RuleDirectory) throws(RegisterDamage) -> ReconciliationNominal {
        ReconciliationNominal(
            nominalID: row.id, crn: row.crn, pncID: row.pncID, ownerAgencyID: row.owner, lifecycle: .active,
            category: row.category, level: row.level, custody: row.custody,
            releaseDate: try row.date(.releaseDate),
            managerStaffID: row.manager.flatMap { directory.staffID(of: $0) })
    }
}
