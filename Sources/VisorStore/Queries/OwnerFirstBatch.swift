import GRDB
import VisorDomain
import VisorRegister

/// One batch of a segment's rows for a user who sees only their agency's
/// records (owned or partnered), read owner first.
///
/// Read through the sort-key index, such a page looked up the table row of
/// every nominal in its stretch of the order to learn its owner: with an
/// agency that sees 5% of a million nominals, some 1,200 random page reads for
/// 60 rows (3–10 ms a keystroke). Owner first, the agency's own rows come from
/// the owner index (`owner, sort key, id`) in order without touching the
/// table; partnered rows are found in the same stretch of the sort-key index
/// by probing the partnership index, both index-only; then only the rows of
/// the page are read in full.
///
/// Correct because the batch is the first `limit` rows of (owned ∪ partnered):
/// when `limit` owned rows are found, every row of the batch lies at or
/// before the last of them, so partnered rows are needed only up to there.
enum OwnerFirstBatch {
    /// The rows of one batch in the segment's order (reversed when backwards), and whether the
    /// segment may hold more beyond them.
    static func rows(_ segment: ListSegment, _ plan: NominalListPlan, _ db: Database, after cursor: ListPosition?,
                     backwards: Bool, limit: Int) throws -> (rows: [Row], full: Bool) {
        guard plan.isScoped, segment.ownerIndexed else {
            let (sql, arguments) = segment.sql(columns: plan.columns, scope: plan.scope, after: cursor,
                                               backwards: backwards, limit: limit)
            let rows = try Row.fetchAll(db, sql: sql, arguments: arguments)
            return (rows, rows.count == limit)
        }
        let agency = plan.agencyID
        let after = backwards ? "<" : ">"
        let direction = backwards ? " DESC" : ""
        let order = " ORDER BY n.sort_key\(direction), n.id\(direction) LIMIT \(limit)"
        // The window's bounds come before the segment's own: SQLite bounds the index scan by the first
        // it meets, and the segment's (a whole surname prefix) would make it scan the rest of the prefix.
        func window(_ bound: (key: String, id: Int64)?) -> (sql: String, arguments: StatementArguments) {
            var terms: [String] = []
            var arguments: StatementArguments = []
            if let cursor, let key = cursor.keys.first {
                terms.append("(n.sort_key, n.id) \(after) (?, ?)")
                arguments += [key, cursor.id]
            }
            if let bound {
                terms.append("(n.sort_key, n.id) \(backwards ? ">=" : "<=") (?, ?)")
                arguments += [bound.key, bound.id]
            }
            terms.append("(\(segment.condition))")
            arguments += segment.arguments
            return (terms.joined(separator: " AND "), arguments)
        }
        func keys(_ sql: String, _ arguments: StatementArguments) throws -> [(key: String, id: Int64)] {
            try Row.fetchAll(db, sql: sql, arguments: arguments).map { ($0["key0"], $0["row_id"]) }
        }
        let ownedWindow = window(nil)
        let owned = try keys("""
            SELECT n.sort_key AS key0, n.id AS row_id FROM nominal n
            WHERE n.owner_agency_id = \(agency) AND \(ownedWindow.sql)
            """ + order, ownedWindow.arguments)
        let partneredWindow = window(owned.count == limit ? owned.last : nil)
        let partnered = try keys("""
            SELECT n.sort_key AS key0, n.id AS row_id FROM nominal n
            WHERE \(partneredWindow.sql) AND EXISTS (SELECT 1 FROM partnership p
                WHERE p.nominal_id = n.id AND p.agency_id = \(agency) AND p.state = 'active')
            """ + order, partneredWindow.arguments)
        // SQLite orders text by its bytes: so must the merge.
        func precedes(_ a: (key: String, id: Int64), _ b: (key: String, id: Int64)) -> Bool {
            if a.key != b.key { return a.key.utf8.lexicographicallyPrecedes(b.key.utf8) != backwards }
            return (a.id < b.id) != backwards
        }
        var seen = Set<Int64>()
        let batch = (owned + partnered).filter { seen.insert($0.id).inserted }.sorted(by: precedes).prefix(limit)
        let full = owned.count == limit || partnered.count == limit
        guard !batch.isEmpty else { return ([], full) }
        let marks = Array(repeating: "?", count: batch.count).joined(separator: ", ")
        let fetched = try Row.fetchAll(db, sql: """
            SELECT \(plan.columns), n.sort_key AS key0, n.id AS row_id
            FROM nominal n JOIN agency owner ON owner.id = n.owner_agency_id
            WHERE n.id IN (\(marks))
            """, arguments: StatementArguments(batch.map(\.id)))
        let byID = Dictionary(fetched.map { (($0["row_id"] as Int64), $0) }, uniquingKeysWith: { first, _ in first })
        return (batch.compactMap { byID[$0.id] }, full)
    }
}
