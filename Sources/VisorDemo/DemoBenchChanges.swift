import Foundation
import GRDB
import VisorDomain
import VisorRegister
import VisorStore

extension AppDatabase {
    /// For `visor bench rules`: moves an active category 1 or 2 nominal with
    /// id `near` or the next one between level 1 and level 2, as an edit of
    /// its MAPPA data would (level date, duty date, update time); returns its
    /// id. Not audited: benchmarks run on demonstration registers only.
    public func benchChangeLevel(near id: NominalID) throws(StoreError) -> NominalID {
        let now = clock.now()
        let today = LondonTime.date(of: now)
        return try change { db, kept in
            guard try meta(db, "register") == "demo" else {
                throw StoreError.refused("the rules benchmark changes data: it runs on demonstration registers only")
            }
            guard let found = try Int64.fetchOne(db, sql: """
                SELECT id FROM nominal WHERE id >= ? AND mappa_category IN (1, 2) AND lifecycle = 'active'
                ORDER BY id LIMIT 1
                """, arguments: [id]) else { throw StoreError.badInput("no nominal to change from id \(id)") }
            try db.execute(sql: """
                UPDATE nominal SET mappa_level = CASE mappa_level WHEN 1 THEN 2 ELSE 1 END,
                    level_since = CASE mappa_level WHEN 1 THEN ? ELSE NULL END,
                    duty_changed_on = ?, updated_at = ? WHERE id = ?
                """, arguments: [today, today, now, found])
            try kept.touch(db, nominals: [found])
            return found
        }
    }

    private func meta(_ db: Database, _ key: String) throws -> String? {
        try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [key])
    }
}
