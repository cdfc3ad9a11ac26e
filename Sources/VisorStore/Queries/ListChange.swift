import GRDB
import VisorDomain

/// A counter per agency that moves when what its nominal list shows may have changed: a nominal it
/// owns or partners created, edited, transferred or archived, a partnership started or ended, an
/// import. A terminal reads its list again only when its agency's counter moved — not after every
/// commit anywhere (a partner request, an entry, a view), which re-read a page and a count of the
/// list in every terminal open.
enum ListChange {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("lists: a change counter per agency") { db in
            try db.execute(sql: """
                CREATE TABLE list_change (
                    agency_id INTEGER PRIMARY KEY,
                    version INTEGER NOT NULL
                )
                """)
        }
    }

    /// The agencies whose lists show any of `nominals`: their owners and active partners.
    static func agencies(_ db: Database, of nominals: Set<NominalID>) throws -> Set<AgencyID> {
        guard !nominals.isEmpty else { return [] }
        let scope = NominalScope.ids(nominals.sorted())
        return Set(try AgencyID.fetchAll(db, sql: """
            SELECT owner_agency_id FROM nominal WHERE \(scope.condition("id"))
            UNION SELECT agency_id FROM partnership WHERE state = 'active' AND \(scope.condition("nominal_id"))
            """))
    }

}
