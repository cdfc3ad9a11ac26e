import GRDB
import VisorDomain
import VisorRegister

/// One ordered run of a list: rows matching `condition`, ordered by `keys`
/// then id. A sort is a sequence of segments — e.g. "custody" is the people in
/// custody by name, then those in the community by name — so that each run is
/// a range scan of one index and no order needs an index of its own.
struct ListSegment {
    /// Tables the rows come from; `n` is always the nominal.
    var from = "nominal n"
    var condition: String
    var arguments: StatementArguments = []
    /// Sort-key expressions (text), most significant first.
    var keys: [String]
    /// The expression of the row id within the order (`n.id`, or `k.nominal_id` for name keys).
    var idExpression = "n.id"
    /// For a segment read through name keys: the keys' range, and the condition on the nominal alone
    /// (counting takes them apart, see `ListCounter`).
    var nameKeyRange: (lower: String, upper: String, nominalCondition: String, arguments: StatementArguments)?
    /// True when the segment is `nominal n` ordered by `n.sort_key` and its condition reads only columns of
    /// the owner index (owner, sort key): an agency's rows can then be read owner first (`OwnerFirstBatch`).
    var ownerIndexed = false

    /// Rows after (or before) a position in this segment, in the segment's order (reversed when backwards).
    func sql(columns: String, scope: String, after position: ListPosition?, backwards: Bool, limit: Int)
        -> (String, StatementArguments) {
        var clauses = ["(\(condition))", "(\(scope))"]
        var arguments = self.arguments
        if let position {
            let tuple = "(" + (keys + [idExpression]).joined(separator: ", ") + ")"
            let marks = "(" + Array(repeating: "?", count: keys.count + 1).joined(separator: ", ") + ")"
            clauses.append("\(tuple) \(backwards ? "<" : ">") \(marks)")
            arguments += StatementArguments(position.keys) + [position.id]
        }
        let direction = backwards ? " DESC" : ""
        let order = (keys + [idExpression]).map { $0 + direction }.joined(separator: ", ")
        let keyColumns = keys.enumerated().map { "\($1) AS key\($0)" }.joined(separator: ", ")
        let sql = """
            SELECT \(columns), \(keyColumns.isEmpty ? "" : keyColumns + ",") \(idExpression) AS row_id
            FROM \(from) JOIN agency owner ON owner.id = n.owner_agency_id
            WHERE \(clauses.joined(separator: " AND "))
            ORDER BY \(order) LIMIT \(limit)
            """
        return (sql, arguments)
    }
}

/// The segments of each sort order, and of a search.
enum ListSegments {
    static func segments(for sort: NominalSort, agencies: [Agency]) -> [ListSegment] {
        switch sort {
        case .name:
            [ListSegment(condition: "1", keys: ["n.sort_key"], ownerIndexed: true)]
        case .dateOfBirth:
            [ListSegment(condition: "1", keys: ["n.date_of_birth"])]
        case .releaseDate:
            [ListSegment(condition: "n.release_date IS NOT NULL", keys: ["n.release_date"]),
             ListSegment(condition: "n.release_date IS NULL", keys: ["n.sort_key"])]
        case .custody:
            [ListSegment(condition: "n.custody_status = 'in_custody'", keys: ["n.sort_key"]),
             ListSegment(condition: "n.custody_status = 'community'", keys: ["n.sort_key"])]
        case .mappa:
            MAPPACategory.allCases.flatMap { category in
                MAPPALevel.allCases.map { level in
                    ListSegment(condition: "n.mappa_category = \(category.rawValue) AND n.mappa_level = \(level.rawValue)",
                                keys: ["n.sort_key"])
                }
            }
        case .owner:
            agencies.sorted { ($0.name, $0.id) < ($1.name, $1.id) }.map {
                ListSegment(condition: "n.owner_agency_id = \($0.id)", keys: ["n.sort_key"], ownerIndexed: true)
            }
        }
    }

    /// A name search: surnames starting with the word (by the sort key's
    /// index), then other names and aliases starting with it (by the name keys).
    static func segments(forName word: String, dateOfBirth: LocalDate?) -> [ListSegment] {
        let upper = word + "\u{10FFFF}"
        let dob = dateOfBirth.map { " AND n.date_of_birth = '\($0.iso)'" } ?? ""
        let surname = ListSegment(condition: "n.sort_key >= ? AND n.sort_key < ?" + dob, arguments: [word, upper],
                                  keys: ["n.sort_key"], ownerIndexed: dateOfBirth == nil)
        let notSurname = "NOT (n.sort_key >= ? AND n.sort_key < ?)" + dob
        let other = ListSegment(
            from: "name_key k JOIN nominal n ON n.id = k.nominal_id",
            condition: "k.key >= ? AND k.key < ? AND " + notSurname,
            arguments: [word, upper, word, upper], keys: ["k.key"], idExpression: "k.nominal_id",
            nameKeyRange: (word, upper, notSurname, [word, upper]))
        return [surname, other]
    }

    /// An exact identifier: at most one row.
    static func segments(for identifier: IdentifierValue) -> [ListSegment] {
        let (column, value): (String, String) = switch identifier {
        case .pnc(let pnc): ("n.pnc_id", pnc.canonical)
        case .cro(let cro): ("n.cro_number", cro.canonical)
        case .noms(let noms): ("n.noms_number", noms.canonical)
        case .crn(let crn): ("n.crn", crn.canonical)
        }
        return [ListSegment(condition: "\(column) = ?", arguments: [value], keys: [])]
    }
}
