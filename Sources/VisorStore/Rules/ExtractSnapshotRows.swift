import Foundation
import GRDB
import VisorDomain
import VisorRegister

/// The stored local case extracts: replacing an area's, and comparing it with the register.
enum ExtractSnapshotRows {
    /// Replaces the area's stored extract (its cases go with it) by `cases`.
    static func replace(_ db: Database, area: AgencyID, fileName: String, at now: Date, on today: LocalDate,
                        by user: UserID, cases: [ExtractCase]) throws {
        try db.execute(sql: "DELETE FROM extract_snapshot WHERE area_id = ?", arguments: [area])
        try db.execute(sql: """
            INSERT INTO extract_snapshot (area_id, file_name, reconciled_at, reconciled_on, reconciled_by, case_count)
            VALUES (?, ?, ?, ?, ?, ?)
            """, arguments: [area, fileName, now, today, user, cases.count])
        let snapshot = db.lastInsertedRowID
        let insert = try FastStatement(db, sql: """
            INSERT INTO extract_case (snapshot_id, line, crn, pnc_id, surname, forenames, date_of_birth,
                mappa_category, mappa_level, custody_status, release_date, mapp_entry_date, offender_manager)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for row in cases {
            insert.bind(1, snapshot)
            insert.bind(2, row.line)
            insert.bind(3, row.crn.canonical)
            insert.bind(4, row.pncID?.canonical)
            insert.bind(5, row.surname)
            insert.bind(6, row.forenames)
            insert.bind(7, row.dateOfBirth)
            insert.bind(8, row.category)
            insert.bind(9, row.level)
            insert.bind(10, row.custody)
            insert.bind(11, row.releaseDate)
            insert.bind(12, row.mappEntryDate)
            insert.bind(13, row.offenderManager)
            try insert.execute()
        }
    }

    /// The discrepancies between the area's stored extract and the register
    /// (nominals-csv.md): each case matched to a nominal by crn, else by
    /// pnc_id, and each active nominal the area owns that no case matches.
    /// Archived nominals are kept read-only and raise none. By kind, then
    /// cases in file order, then nominals by id.
    static func discrepancies(_ db: Database, area: AgencyID) throws -> [Discrepancy] {
        let directory = try RuleDirectory(db)
        let pairs = try R09Query.casePairs(db, directory: directory, area: area)
            + R09Query.unmatchedNominals(db, directory: directory, area: area)
        let found = pairs.filter { $0.nominal?.lifecycle != .archived }.flatMap(Reconciliation.discrepancies(of:))
        let rank = Dictionary(uniqueKeysWithValues: DiscrepancyKind.allCases.enumerated().map { ($1, $0) })
        return found.enumerated().sorted { left, right in
            let (l, r) = (rank[left.element.kind] ?? 0, rank[right.element.kind] ?? 0)
            return l != r ? l < r : left.offset < right.offset
        }.map(\.element)
    }
}

extension Reconciliation {
    /// The discrepancies of an R9 pair.
    static func discrepancies(of pair: R9Reconcile.PairCandidate) -> [Discrepancy] {
        discrepancies(case: pair.extractCase, nominal: pair.nominal)
    }
}

extension AppDatabase {
    /// The discrepancies between an area's stored extract and the register as it is now.
    public func discrepancies(area: AgencyID) throws(StoreError) -> [Discrepancy] {
        try read { db in try ExtractSnapshotRows.discrepancies(db, area: area) }
    }
}
