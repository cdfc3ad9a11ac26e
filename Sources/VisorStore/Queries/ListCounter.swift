import GRDB
import VisorDomain
import VisorRegister

/// Counts a list's rows within a frame's budget, for the title and the search box.
///
/// Counting through the list's own query costs a row lookup and a partnership
/// probe for every row of the order until `cap` visible rows are found: at a
/// million nominals, an agency that sees 5% of them made the whole table pass
/// (about half a second a keystroke). Instead, a segment over `nominal` alone
/// is counted as
///
///     owned (index `nominal_by_owner`: owner = A and the segment's sort-key range)
///   + partnered (A's active partnerships: the range probing the partnership
///     index when the range is short, else the partnerships joined to their
///     nominal when they are few — leaving out owned ones as it goes)
///   − both (owned rows that A also partners, normally none),
///
/// each an index scan stopped at the cap. When both the range and the
/// partnerships are long (a prison's 20,000 partnerships and a one-letter
/// search), only the first `rangeBudget` entries of the range are probed and
/// the count is a lower bound (`isCapped`, shown "N+"). A segment read through
/// name keys (forenames, other surname words, aliases) must look up each key's
/// nominal, so it examines at most `keyBudget` keys; beyond that the count is
/// a lower bound too.
struct ListCounter {
    let plan: NominalListPlan
    let db: Database
    let cap: Int

    /// Name keys examined per count at most (each costs a nominal lookup).
    static let keyBudget = 500
    /// Visible rows scanned at most when further words are checked in Swift.
    static let scanBudget = 1_000
    /// Entries of a sort-key range probed against the partnership index at most (index only, ~0.2 µs each).
    static let rangeBudget = 10_000
    /// Partnered nominals looked up at most (a table row each, ~1.5 µs).
    static let lookupBudget = 2_500

    func count() throws -> ListCount {
        var total = 0
        var lowerBound = false
        for segment in plan.countSegments {
            let remaining = cap - total
            let counted: (count: Int, exact: Bool)
            if let range = segment.nameKeyRange {
                counted = try countNameKeys(range, remaining: remaining)
            } else {
                counted = try countNominals(segment.condition, segment.arguments, remaining: remaining)
            }
            total += counted.count
            lowerBound = lowerBound || !counted.exact
            if total > cap { return ListCount(count: cap, isCapped: true) }
        }
        return ListCount(count: total, isCapped: lowerBound)
    }

    /// Counts with `SELECT count(*) FROM (… LIMIT limit)`.
    private func count(_ sql: String, _ arguments: StatementArguments, limit: Int) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT count(*) FROM (\(sql) LIMIT \(max(0, limit)))", arguments: arguments) ?? 0
    }

    /// Visible rows of `nominal n` meeting `condition`, up to `remaining + 1`; not exact when the
    /// agency's partnerships in a long range would cost more than a frame to count.
    private func countNominals(_ condition: String, _ arguments: StatementArguments, remaining: Int) throws
        -> (count: Int, exact: Bool) {
        let limit = remaining + 1
        guard plan.isScoped else {
            return (try count("SELECT 1 FROM nominal n WHERE (\(condition))", arguments, limit: limit), true)
        }
        let agency = plan.agencyID
        let owned = try count("SELECT 1 FROM nominal n WHERE n.owner_agency_id = \(agency) AND (\(condition))",
                              arguments, limit: limit)
        if owned > remaining { return (owned, true) }
        let active = "p.agency_id = \(agency) AND p.state = 'active'"
        let probe = "EXISTS (SELECT 1 FROM partnership p WHERE p.nominal_id = n.id AND \(active))"
        // Enough partnered rows that, whatever the overlap, the total is known to pass the cap.
        let partnerLimit = limit + owned
        let partnered: Int
        if condition == "1" {
            partnered = try count("SELECT 1 FROM partnership p WHERE \(active)", [], limit: partnerLimit)
        } else {
            let rangeSize = try count("SELECT 1 FROM nominal n WHERE (\(condition))", arguments,
                                      limit: Self.rangeBudget + 1)
            if rangeSize > Self.rangeBudget {
                let partnerships = try count("SELECT 1 FROM partnership p WHERE \(active)", [],
                                             limit: Self.lookupBudget + 1)
                if partnerships <= Self.lookupBudget {
                    // From the partnerships: the nominal is looked up anyway, so owned ones are left out here.
                    return (owned + (try count("""
                        SELECT 1 FROM partnership p CROSS JOIN nominal n ON n.id = p.nominal_id
                        WHERE \(active) AND n.owner_agency_id <> \(agency) AND (\(condition))
                        """, arguments, limit: limit)), true)
                }
                // Too many either way: the partnered rows among the first stretch of the range, at least.
                let (window, windowArguments) = (
                    "SELECT n.id FROM nominal n WHERE (\(condition)) ORDER BY n.sort_key, n.id LIMIT \(Self.rangeBudget)",
                    arguments)
                return (owned + (try count("""
                    SELECT 1 FROM (\(window)) w CROSS JOIN nominal n ON n.id = w.id
                    WHERE EXISTS (SELECT 1 FROM partnership p WHERE p.nominal_id = w.id AND \(active))
                        AND n.owner_agency_id <> \(agency)
                    """, windowArguments, limit: limit)), false)
            }
            partnered = try count("SELECT 1 FROM nominal n WHERE (\(condition)) AND \(probe)", arguments,
                                  limit: partnerLimit)
        }
        guard owned > 0, partnered > 0 else { return (owned + partnered, true) }
        let both = try count("SELECT 1 FROM nominal n WHERE n.owner_agency_id = \(agency) AND (\(condition)) AND \(probe)",
                             arguments, limit: owned)
        return (owned + partnered - both, true)
    }

    /// Visible nominals found through name keys in a range, examining at most `keyBudget` keys.
    private func countNameKeys(
        _ range: (lower: String, upper: String, nominalCondition: String, arguments: StatementArguments),
        remaining: Int
    ) throws -> (count: Int, exact: Bool) {
        let keys = try count("SELECT 1 FROM name_key k WHERE k.key >= ? AND k.key < ?", [range.lower, range.upper],
                             limit: Self.keyBudget + 1)
        guard keys > 0 else { return (0, true) }
        let found = try Int.fetchOne(db, sql: """
            SELECT count(DISTINCT n.id) FROM (
                SELECT k.nominal_id FROM name_key k WHERE k.key >= ? AND k.key < ?
                ORDER BY k.key, k.nominal_id LIMIT \(Self.keyBudget)
            ) k CROSS JOIN nominal n ON n.id = k.nominal_id
            WHERE (\(range.nominalCondition)) AND (\(plan.scope))
            """, arguments: [range.lower, range.upper] + range.arguments) ?? 0
        return (min(found, remaining + 1), keys <= Self.keyBudget)
    }
}
