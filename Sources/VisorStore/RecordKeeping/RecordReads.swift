import Foundation
import GRDB
import VisorDomain
import VisorRegister

extension AppDatabase {
    /// The record as `actor` may see it; the view is audited (for a user: and counted for R14, as
    /// the application's opening of a record is).
    public func showRecord(_ id: NominalID, for actor: Actor) throws(StoreError) -> RecordDetail {
        if let user = actor.user { return try openRecord(id, for: user, foundExactly: false) }
        let now = clock.now()
        return try write { db in
            let detail = try RecordSheet.read(db, id, viewer: actor.viewer)
            try AuditLog.append(db, at: now, actor: actor, action: .viewRecord, nominalID: id, detail: "command line: full")
            return detail
        }
    }

    public func recordHistory(_ id: NominalID, for actor: Actor) throws(StoreError) -> [RecordHistoryLine] {
        let now = clock.now()
        return try write { db in
            let detail = try RecordSheet.read(db, id, viewer: actor.viewer)
            guard detail.access == .full else {
                throw StoreError.refused("the history of nominal \(id) is shown to its owner and full partners")
            }
            try AuditLog.append(db, at: now, actor: actor, action: .viewRecord, nominalID: id, detail: "command line: history")
            return detail.history
        }
    }

    /// The transfers proposed to the user's agency, for its CPC and deputy CPC: the ones who answer
    /// them, and the only ones shown the record's name before it is theirs.
    public func incomingTransfers(for user: User) throws(StoreError) -> [TransferView] {
        try read { db in try TransferRows.pendingTo(db, answeredBy: user) }
    }
}

/// The record as a step's answer shows it: what `visor nominal show` prints.
enum RecordSheet {
    static func read(_ db: Database, _ id: NominalID, viewer: Viewer) throws -> RecordDetail {
        guard let detail = try RecordDetailReader(db: db).detail(id, viewer: viewer, foundExactly: false) else {
            throw try KeptRecords.notFound(db, id)
        }
        return detail
    }
}

extension AppDatabase {
    public func extractCaseValues(crn: CRN, for user: User) throws(StoreError) -> [CoreField: String] {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT c.* FROM extract_case c JOIN extract_snapshot s ON s.id = c.snapshot_id
                WHERE s.area_id = ? AND c.crn = ?
                """, arguments: [user.agencyID, crn.canonical]) else { return [:] }
            var values: [CoreField: String] = [
                .crn: row["crn"], .surname: row["surname"], .forenames: row["forenames"],
                .dateOfBirth: row["date_of_birth"], .category: String(row["mappa_category"] as Int),
                .level: String(row["mappa_level"] as Int), .custodyStatus: row["custody_status"],
            ]
            if let pnc: String = row["pnc_id"] { values[.pncID] = pnc }
            if let release: String = row["release_date"] { values[.releaseDate] = release }
            if let entry: String = row["mapp_entry_date"] { values[.mappEntryDate] = entry }
            return values
        }
    }
}

extension AppDatabase {
    public func managerCandidates(of agency: AgencyID) throws(StoreError) -> [String] {
        try read { db in
            try String.fetchAll(db, sql: """
                SELECT u.username FROM user_account u
                WHERE u.agency_id = ? AND u.active = 1
                  AND EXISTS (SELECT 1 FROM user_role r WHERE r.user_id = u.id AND r.role = 'offender_manager'
                              AND r.revoked_on IS NULL)
                ORDER BY u.username
                """, arguments: [agency])
        }
    }
}
