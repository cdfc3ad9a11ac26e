import GRDB
import VisorDomain
import VisorRegister

/// Keyset paging over a plan's segments: each page is one or a few index
/// range scans, never an OFFSET and never the whole list.
extension AppDatabase {
    /// Rows after `position` (from the top when nil), at most `limit`.
    public func nominalPage(_ request: NominalListRequest, for viewer: Viewer, after position: ListPosition?,
                            limit: Int) throws(StoreError) -> NominalPage {
        try read { db in
            let plan = try self.plan(request, viewer, db)
            let rows = try fetch(plan, db, from: position, backwards: false, limit: limit)
            return NominalPage(rows: rows.rows, hasMoreBefore: position != nil, hasMoreAfter: rows.more)
        }
    }

    /// Rows before `position` (from the bottom when nil), at most `limit`, in display order.
    public func nominalPage(_ request: NominalListRequest, for viewer: Viewer, before position: ListPosition?,
                            limit: Int) throws(StoreError) -> NominalPage {
        try read { db in
            let plan = try self.plan(request, viewer, db)
            let rows = try fetch(plan, db, from: position, backwards: true, limit: limit)
            return NominalPage(rows: rows.rows.reversed(), hasMoreBefore: rows.more, hasMoreAfter: position != nil)
        }
    }

    /// How many rows the list holds, counted up to `cap` — or, where counting
    /// exactly would cost more than a frame, at least how many (`isCapped`, shown "N+").
    public func countNominals(_ request: NominalListRequest, for viewer: Viewer, cap: Int = 10_000)
        throws(StoreError) -> ListCount {
        try read { db in
            let plan = try self.plan(request, viewer, db)
            if plan.filtersInSwift {
                // Several words, or stubs that must be named whole: the rows are filtered in Swift, so only a
                // bounded scan is counted.
                let limit = min(cap, ListCounter.scanBudget)
                let rows = try fetch(plan, db, from: nil, backwards: false, limit: limit, scanLimit: limit)
                return ListCount(count: rows.rows.count, isCapped: rows.more)
            }
            return try ListCounter(plan: plan, db: db, cap: cap).count()
        }
    }

    private func plan(_ request: NominalListRequest, _ viewer: Viewer, _ db: Database) throws -> NominalListPlan {
        let agencies = request.sort == .owner ? try AgencyRows.all(db) : []
        return NominalListPlan(request: request, viewer: viewer, agencies: agencies, currentYear: today.year)
    }

    /// Scans segment by segment from a position until `limit` rows pass the
    /// plan's word filter, at most `scanLimit` rows examined; `more` tells
    /// whether rows remain beyond.
    private func fetch(_ plan: NominalListPlan, _ db: Database, from position: ListPosition?, backwards: Bool,
                       limit: Int, scanLimit: Int = 5_000) throws -> (rows: [NominalListRow], more: Bool) {
        var rows: [NominalListRow] = []
        var seen = Set<NominalID>()
        var scanned = 0
        var segmentIndex = position?.segment ?? (backwards ? plan.segments.count - 1 : 0)
        var cursor = position
        while segmentIndex >= 0, segmentIndex < plan.segments.count {
            let segment = plan.segments[segmentIndex]
            let batch = max(limit + 1 - rows.count, 32)
            let (fetched, full) = try OwnerFirstBatch.rows(segment, plan, db, after: cursor, backwards: backwards,
                                                           limit: batch)
            let firstKeys = segment.nameKeyRange == nil ? nil
                : try NameKeyFirsts.keys(of: fetched.map { $0["id"] as NominalID }, db)
            for row in fetched {
                let listRow = plan.listRow(row, segment: segmentIndex, keyCount: segment.keys.count)
                scanned += 1
                cursor = listRow.position
                if let firstKeys, let word = segment.nameKeyRange?.lower, let key = listRow.position.keys.first,
                   firstKeys[listRow.id]?.first(where: { $0.hasPrefix(word) }) != key {
                    // A nominal with several name words starting as typed is listed once, at its first.
                    continue
                }
                guard plan.passes(listRow), seen.insert(listRow.id).inserted else { continue }
                if rows.count == limit { return (rows, true) }
                rows.append(listRow)
            }
            if scanned >= scanLimit { return (rows, true) }
            if full { continue }
            segmentIndex += backwards ? -1 : 1
            cursor = nil
        }
        return (rows, false)
    }
}

/// The name keys of nominals, sorted, as `NameKeys` stored them — so that a
/// nominal found by several keys in a search's range is listed only at the
/// first of them, whichever page that falls on.
enum NameKeyFirsts {
    static func keys(of ids: [NominalID], _ db: Database) throws -> [NominalID: [String]] {
        guard !ids.isEmpty else { return [:] }
        let list = ids.map(String.init).joined(separator: ",")
        var aliases: [NominalID: [(surname: String, forenames: String)]] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT nominal_id, surname, forenames FROM nominal_alias WHERE nominal_id IN (\(list))
            """) {
            aliases[row["nominal_id"], default: []].append((row["surname"], row["forenames"]))
        }
        var keys: [NominalID: [String]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, surname, forenames FROM nominal WHERE id IN (\(list))") {
            let id: NominalID = row["id"]
            keys[id] = NameKeys.keys(surname: row["surname"], forenames: row["forenames"], aliases: aliases[id] ?? [])
                .sorted()
        }
        return keys
    }
}
