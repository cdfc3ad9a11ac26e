import GRDB
import VisorDomain
import VisorRegister

/// R1 and R2: cases of the stored extracts that no nominal (active or
/// archived) matches by crn or pnc_id yet. Partial indexes on the extract
/// pick the cases each rule can concern; the date bounds come from the due
/// dates (R1's own bound on the release date, `latestRelease(dueBy:)`; the
/// MAPP entry date, which is R2's due date).
enum R01R02Query {
    private static let noNominal = """
        NOT EXISTS (SELECT 1 FROM nominal n WHERE n.crn = c.crn)
        AND (c.pnc_id IS NULL OR NOT EXISTS (SELECT 1 FROM nominal n WHERE n.pnc_id = c.pnc_id))
        """

    /// `caseFilter`: an SQL condition on `c` and `s` narrowing the cases (a re-evaluation's).
    static func r1Candidates(_ db: Database, window: RuleWindow,
                             caseFilter: String? = nil) throws -> [R1CreateCategory2Nominal.Candidate] {
        let latest = R1CreateCategory2Nominal.latestRelease(dueBy: window.bound, policy: window.policy)
        let rows = try SQLiteCursor(db, sql: """
            SELECT s.area_id, \(ExtractCaseColumn.selectList)
            FROM extract_case c JOIN extract_snapshot s ON s.id = c.snapshot_id
            WHERE c.mappa_category = 2 AND c.mappa_level >= 2 AND c.release_date IS NOT NULL
              AND c.release_date <= ? AND \(noNominal)\(caseFilter.map { " AND (\($0))" } ?? "")
            """, arguments: [latest.iso], cached: caseFilter == nil)
        var candidates: [R1CreateCategory2Nominal.Candidate] = []
        while try rows.next() {
            let area = rows.int64(0)
            let found = try ExtractCaseColumn.decode(rows.row, at: 1, area: area)
            candidates.append(.init(areaID: area, crn: found.crn, pncID: found.pncID, category: found.category,
                                    level: found.level, releaseDate: found.releaseDate))
        }
        return candidates
    }

    static func r2Candidates(_ db: Database, window: RuleWindow,
                             caseFilter: String? = nil) throws -> [R2CreateCategory3Nominal.Candidate] {
        let rows = try SQLiteCursor(db, sql: """
            SELECT s.area_id, \(ExtractCaseColumn.selectList)
            FROM extract_case c JOIN extract_snapshot s ON s.id = c.snapshot_id
            WHERE c.mappa_category >= 3 AND c.mapp_entry_date IS NOT NULL AND c.mapp_entry_date <= ? AND \(noNominal)\(caseFilter.map { " AND (\($0))" } ?? "")
            """, arguments: [window.bound.iso], cached: caseFilter == nil)
        var candidates: [R2CreateCategory3Nominal.Candidate] = []
        while try rows.next() {
            let area = rows.int64(0)
            let found = try ExtractCaseColumn.decode(rows.row, at: 1, area: area)
            candidates.append(.init(areaID: area, crn: found.crn, pncID: found.pncID, category: found.category,
                                    level: found.level, mappEntryDate: found.mappEntryDate))
        }
        return candidates
    }
}
