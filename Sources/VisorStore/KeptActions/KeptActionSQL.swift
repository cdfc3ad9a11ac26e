import Foundation
import GRDB
import VisorDomain
import VisorRegister

/// The SQL of a read of the kept actions: the query's narrowing as
/// conditions the indexes answer (`KeptActionsSchema`), and domain.md's order.
struct KeptActionSQL {
    let query: ActionQuery
    let warningWindowDays: Int
    /// Leaves out the agency part (it is worked out afresh for another date than the one kept).
    var withoutAgencyPart = false

    var bound: LocalDate { query.bound(warningWindowDays: warningWindowDays) }
    var warningEnd: LocalDate { query.asOf.adding(days: warningWindowDays) }

    /// The conditions on `k` (`kept_action`), its values written inline: integers, rule numbers and
    /// ISO dates only, so that each query is planned for its own values.
    var conditions: String {
        var terms = ["k.due <= '\(bound.iso)'"]
        switch query.state {
        case nil: break
        case .overdue?: terms.append("k.due < '\(query.asOf.iso)'")
        case .due?: terms.append("k.due >= '\(query.asOf.iso)' AND k.due <= '\(warningEnd.iso)'")
        case .upcoming?: terms.append("k.due > '\(warningEnd.iso)'")
        }
        if let agency = query.agencyID { terms.append("k.agency_id = \(agency)") }
        if let user = query.userID { terms.append("k.user_id = \(user)") }
        if let nominal = query.nominalID { terms.append("k.nominal_id = \(nominal)") }
        if let rules = query.rules {
            terms.append("k.rule IN (\(rules.isEmpty ? "NULL" : rules.map { String($0.rawValue) }.sorted().joined(separator: ",")))")
        }
        if let text = query.text {
            // As `ListedAction.holds`: the rule, due date, summary and the nominal's name.
            let literal = "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
            terms.append("instr(lower('R' || k.rule || ' ' || k.due || ' ' || k.summary || ' ' || coalesce((SELECT "
                + "n2.surname || ', ' || n2.forenames FROM nominal n2 WHERE n2.id = k.nominal_id), '')), lower(\(literal))) > 0")
        }
        if withoutAgencyPart { terms.append("k.part <> 'agency'") }
        return terms.joined(separator: " AND ")
    }

    /// domain.md's order: the index gives state, due date, rule, CRN and nominal; SQLite sorts the
    /// rare ties left by user name, user and summary.
    static let order = """
        k.due, k.rule, k.crn IS NULL, k.crn, k.nominal_id IS NULL, k.nominal_id,
        u.username IS NULL, u.username, k.user_id IS NULL, k.user_id, k.summary
        """

    /// `CROSS JOIN` keeps `kept_action` the outer loop (SQLite's documented way to fix the join
    /// order): with a dozen agencies the planner otherwise loops over them and sorts every action in
    /// a temporary tree (300 MB for the nation), where the index already gives the order.
    ///
    /// Columns 0–11: rule, due, agency name, user name, nominal, crn, pnc_id, summary, user id,
    /// agency id, and the nominal's surname and forenames.
    var select: String {
        """
        SELECT k.rule, k.due, a.name, u.username, k.nominal_id, k.crn, k.pnc_id, k.summary, k.user_id, k.agency_id, \
        n.surname, n.forenames
        FROM kept_action k CROSS JOIN agency a ON a.id = k.agency_id LEFT JOIN user_account u ON u.id = k.user_id \
        LEFT JOIN nominal n ON n.id = k.nominal_id
        WHERE \(conditions)
        ORDER BY \(KeptActionSQL.order)
        """
    }

    /// The kept actions alone, in the order the index gives (due date, rule, CRN, nominal), for
    /// `streamActions`, which names agencies and users from `ActionNameBytes` and sorts the rare ties.
    /// Columns 0–7: rule, due, nominal, crn, pnc_id, summary, user id, agency id.
    var selectInIndexOrder: String {
        """
        SELECT k.rule, k.due, k.nominal_id, k.crn, k.pnc_id, k.summary, k.user_id, k.agency_id
        FROM kept_action k WHERE \(conditions)
        ORDER BY k.due, k.rule, k.crn IS NULL, k.crn, k.nominal_id IS NULL, k.nominal_id
        """
    }

    /// The state of an action due `due` (ISO bytes compare as dates do).
    func state(ofDue due: UnsafeBufferPointer<UInt8>) -> ActionState {
        if KeptActionSQL.compare(due, query.asOf.iso) < 0 { return .overdue }
        if KeptActionSQL.compare(due, warningEnd.iso) <= 0 { return .due }
        return .upcoming
    }

    static func compare(_ bytes: UnsafeBufferPointer<UInt8>, _ text: String) -> Int {
        var text = text
        return text.withUTF8 { other in compare(bytes, other) }
    }

    /// memcmp order, shorter first on a common prefix (SQLite's BINARY collation).
    static func compare(_ lhs: UnsafeBufferPointer<UInt8>, _ rhs: UnsafeBufferPointer<UInt8>) -> Int {
        let common = min(lhs.count, rhs.count)
        if common > 0, let left = lhs.baseAddress, let right = rhs.baseAddress {
            let result = memcmp(left, right, common)
            if result != 0 { return Int(result) }
        }
        return lhs.count - rhs.count
    }
}
