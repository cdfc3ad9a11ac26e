import GRDB
import VisorDomain
import VisorRegister

/// One row of `kept_action`: an action and what a re-evaluation replaces it by.
struct KeptActionRow: Hashable, Sendable {
    /// What a re-evaluation replaces a row by (`KeptActionsSchema`).
    enum Part: String, Sendable {
        case nominal, `case`, agency
    }

    var part: Part
    var action: Action
    /// R1, R2 and R9's discrepancies: the case of a stored extract the action is about.
    var caseKey: RuleEvaluation.CaseKey?

    init(part: Part, action: Action, caseKey: RuleEvaluation.CaseKey? = nil) {
        self.part = part
        self.action = action
        self.caseKey = caseKey
    }

    /// The nominal part of a scan: its actions, and its deferred reviews and record views built now
    /// (those due within the kept window).
    static func appendNominalRows(to rows: inout [KeptActionRow], actions: [Action], deferred: [DeferredAction],
                                  views: [DeferredView], policy: Policy, asOf: LocalDate) {
        for action in actions { rows.append(KeptActionRow(part: .nominal, action: action)) }
        for review in deferred {
            if let action = review.action(policy: policy, asOf: asOf) { rows.append(KeptActionRow(part: .nominal, action: action)) }
        }
        for view in views {
            if let action = view.action(policy: policy, asOf: asOf) { rows.append(KeptActionRow(part: .nominal, action: action)) }
        }
    }

    static let columns = "part, rule, agency_id, user_id, nominal_id, crn, pnc_id, due, summary, case_area_id, case_crn"

    static let insertSQL = "INSERT INTO kept_action (\(columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"

    /// Writes the row with a prepared `insertSQL`.
    func insert(with statement: FastStatement) throws {
        statement.bind(1, part.rawValue)
        statement.bind(2, Int64(action.rule.rawValue))
        statement.bind(3, action.agencyID)
        statement.bind(4, action.userID)
        statement.bind(5, action.nominalID)
        statement.bind(6, action.crn?.canonical)
        statement.bind(7, action.pncID?.canonical)
        statement.bind(8, action.due)
        statement.bind(9, action.summary)
        statement.bind(10, caseKey?.areaID)
        statement.bind(11, caseKey?.crn.canonical)
        try statement.execute()
    }

    /// The rows `condition` selects (an SQL condition on `kept_action`), with their ids.
    static func fetch(_ db: Database, where condition: String) throws -> [(id: Int64, row: KeptActionRow)] {
        let rows = try SQLiteCursor(db, sql: "SELECT id, \(columns) FROM kept_action WHERE \(condition)", cached: false)
        var found: [(id: Int64, row: KeptActionRow)] = []
        while try rows.next() {
            let id = rows.int64(0)
            guard let part = rows.string(1).flatMap(Part.init(rawValue:)) else {
                throw RegisterDamage(.keptAction(id), column: "part", in: rows.row, at: 1, expected: "a part")
            }
            guard let rule = RuleID(rawValue: rows.int(2)) else {
                throw RegisterDamage(.keptAction(id), column: "rule", in: rows.row, at: 2, expected: "a rule")
            }
            guard let due = rows.date(8) else {
                throw RegisterDamage(.keptAction(id), column: "due", in: rows.row, at: 8, expected: "a date")
            }
            let action = Action(rule: rule, agencyID: rows.int64(3), userID: rows.optionalInt64(4),
                                nominalID: rows.optionalInt64(5), crn: rows.crn(6), pncID: rows.pncID(7), due: due,
                                summary: rows.string(9) ?? "")
            let caseKey = rows.optionalInt64(10).flatMap { area in
                rows.crn(11).map { RuleEvaluation.CaseKey(areaID: area, crn: $0) }
            }
            found.append((id, KeptActionRow(part: part, action: action, caseKey: caseKey)))
        }
        return found
    }

    /// Makes the rows `condition` selects exactly `rows`, touching only those that differ; returns
    /// the agencies whose actions changed.
    static func replace(_ db: Database, where condition: String, with rows: [KeptActionRow]) throws -> Set<AgencyID> {
        var unmatched: [KeptActionRow: [Int64]] = [:]
        for (id, row) in try fetch(db, where: condition) { unmatched[row, default: []].append(id) }
        var changed = Set<AgencyID>()
        let insert = try FastStatement(db, sql: insertSQL)
        for row in rows {
            // Already kept: left as it is.
            if var ids = unmatched[row], !ids.isEmpty {
                ids.removeLast()
                unmatched[row] = ids.isEmpty ? nil : ids
                continue
            }
            try row.insert(with: insert)
            changed.insert(row.action.agencyID)
        }
        let gone = unmatched.flatMap { row, ids in ids.map { (row, $0) } }
        for chunk in stride(from: 0, to: gone.count, by: 500) {
            let part = gone[chunk..<min(chunk + 500, gone.count)]
            try db.execute(sql: "DELETE FROM kept_action WHERE id IN (\(part.map { String($0.1) }.joined(separator: ",")))")
            for (row, _) in part { changed.insert(row.action.agencyID) }
        }
        return changed
    }
}
