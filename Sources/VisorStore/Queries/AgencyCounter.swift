import GRDB
import VisorDomain

/// A version per agency, moved by the writes that concern it, so that a terminal learns in one
/// indexed read whether another terminal's commit concerns it: `agency_change` for its actions and
/// partner queue (`KeptActionChange`), `list_change` for its nominal list (`ListChange`).
struct AgencyCounter: Sendable {
    let table: String

    static let actions = AgencyCounter(table: "agency_change")
    static let lists = AgencyCounter(table: "list_change")

    func announce(_ db: Database, _ agencies: Set<AgencyID>) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO \(table) (agency_id, version) VALUES (?, 1)
            ON CONFLICT (agency_id) DO UPDATE SET version = version + 1
            """)
        for agency in agencies.sorted() { try statement.execute(arguments: [agency]) }
    }

    /// Every agency (an import, a rebuild).
    func announceAll(_ db: Database) throws {
        try announce(db, Set(try AgencyID.fetchAll(db, sql: "SELECT id FROM agency")))
    }

    func version(_ db: Database, of agency: AgencyID) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT version FROM \(table) WHERE agency_id = ?", arguments: [agency]) ?? 0
    }
}
