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
            try kept.listed(db, nominals: [found])
            return found
        }
    }

    /// For `visor bench terminals`: up to `count` of `agency`'s offender managers made able to sign
    /// in with the password `demo` (the named users' hash); returns their user names, `om` first.
    public func benchTerminalUsers(count: Int, agency: String) throws(StoreError) -> [String] {
        try write { db in
            guard try meta(db, "register") == "demo" else {
                throw StoreError.refused("the terminals benchmark changes users: it runs on demonstration registers only")
            }
            let hash = try String.fetchOne(db, sql: "SELECT password_hash FROM user_account WHERE username = 'om'") ?? "!"
            let names = try String.fetchAll(db, sql: """
                SELECT u.username FROM user_account u JOIN agency a ON a.id = u.agency_id
                WHERE a.name = ? AND u.active = 1 AND u.acknowledged_at IS NOT NULL
                  AND EXISTS (SELECT 1 FROM user_role r WHERE r.user_id = u.id AND r.role = 'offender_manager'
                              AND r.revoked_on IS NULL)
                ORDER BY u.username <> 'om', u.id LIMIT ?
                """, arguments: [agency, count])
            for name in names where name != "om" {
                try db.execute(sql: "UPDATE user_account SET password_hash = ?, failed_sign_ins = 0, locked_until = NULL "
                    + "WHERE username = ?", arguments: [hash, name])
            }
            return names
        }
    }

    /// For `visor bench terminals`: active category 1 and 2 nominals `agency` owns, up to `count`.
    public func benchNominals(ownedBy agency: String, count: Int) throws(StoreError) -> [NominalID] {
        try read { db in
            try NominalID.fetchAll(db, sql: """
                SELECT n.id FROM nominal n JOIN agency a ON a.id = n.owner_agency_id
                WHERE a.name = ? AND n.mappa_category IN (1, 2) AND n.lifecycle = 'active' ORDER BY n.id LIMIT ?
                """, arguments: [agency, count])
        }
    }

    private func meta(_ db: Database, _ key: String) throws -> String? {
        try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [key])
    }
}

extension AppDatabase {
    /// For `visor bench write`: `count` active nominals `agency` owns that `user` did not create (so that
    /// they may validate them), spread over the register
    /// in a fixed pseudo-random order.
    public func benchWritableNominals(ownedBy agency: AgencyID, notCreatedBy user: UserID, count: Int)
        throws(StoreError) -> [NominalID] {
        try read { db in
            guard try meta(db, "register") == "demo" else {
                throw StoreError.refused("the write benchmark changes records: it runs on demonstration registers only")
            }
            return try NominalID.fetchAll(db, sql: """
                SELECT id FROM nominal WHERE owner_agency_id = ? AND lifecycle = 'active'
                  AND (created_by IS NULL OR created_by <> ?) ORDER BY (id * 2654435761) % 1000003 LIMIT ?
                """, arguments: [agency, user, count])
        }
    }
}
