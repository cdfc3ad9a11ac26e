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
        return try cases(db, where: """
            c.mappa_category = 2 AND c.mappa_level >= 2 AND c.release_date IS NOT NULL AND c.release_date <= ?
            """, bound: latest, caseFilter: caseFilter).map {
            .init(extractCase: $0.extractCase, releaseDate: $0.found.releaseDate)
        }
    }

    static func r2Candidates(_ db: Database, window: RuleWindow,
                             caseFilter: String? = nil) throws -> [R2CreateCategory3Nominal.Candidate] {
        try cases(db, where: "c.mappa_category >= 3 AND c.mapp_entry_date IS NOT NULL AND c.mapp_entry_date <= ?",
                  bound: window.bound, caseFilter: caseFilter).map {
            .init(extractCase: $0.extractCase, mappEntryDate: $0.found.mappEntryDate)
        }
    }

    /// The stored extracts' cases meeting `condition` (whose one argument is `bound`) that no
    /// nominal matches, each as the rules see it and as the extract holds it.
    private static func cases(_ db: Database, where condition: String, bound: LocalDate,
                              caseFilter: String?) throws -> [(extractCase: RuleCase, found: ReconciliationCase)] {
        let rows = try SQLiteCursor(db, sql: """
            SELECT s.area_id, \(ExtractCaseColumn.selectList)
            FROM extract_case c JOIN extract_snapshot s ON s.id = c.snapshot_id
            WHERE \(condition) AND \(noNominal)\(caseFilter.map { " AND (\($0))" } ?? "")
            """, arguments: [bound.iso], cached: caseFilter == nil)
        var cases: [(extractCase: RuleCase, found: ReconciliationCase)] = []
        while try rows.next() {
            let area = rows.int64(0)
            let found = try ExtractCaseColumn.decode(rows.row, at: 1, area: area)
            cases.append((RuleCase(areaID: area, crn: found.crn, pncID: found.pncID, category: found.category,
                                   level: found.level), found))
        }
        return cases
    }
}
