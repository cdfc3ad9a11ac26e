import Foundation
import GRDB
import VisorDomain
import VisorRegister

/// The `partnership` table: starting, ending and reading one agency's
/// partnership on one nominal.
enum PartnershipRows {
    /// Starts an active partnership; the partial unique index refuses a second active one.
    @discardableResult
    static func start(_ db: Database, nominalID: NominalID, agencyID: AgencyID, restricted: Bool, by user: User,
                      at now: Date, reason: String?) throws -> Int64 {
        try db.execute(sql: """
            INSERT INTO partnership (nominal_id, agency_id, restricted, state, started_at, started_by, reason)
            VALUES (?, ?, ?, 'active', ?, ?, ?)
            """, arguments: [nominalID, agencyID, restricted, now, user.id, reason])
        return db.lastInsertedRowID
    }

    /// The id of the agency's active partnership on the nominal, if any.
    static func activeID(_ db: Database, nominalID: NominalID, agencyID: AgencyID) throws -> Int64? {
        try Int64.fetchOne(db, sql: """
            SELECT id FROM partnership WHERE nominal_id = ? AND agency_id = ? AND state = 'active'
            """, arguments: [nominalID, agencyID])
    }

    /// Ends an active partnership, only if it is still active; false when another step ended it first.
    static func end(_ db: Database, id: Int64, by user: User, at now: Date, reason: String) throws -> Bool {
        try db.execute(sql: """
            UPDATE partnership SET state = 'ended', ended_at = ?, ended_on = ?, ended_by = ?, reason = ?
            WHERE id = ? AND state = 'active'
            """, arguments: [now, LondonTime.date(of: now), user.id, reason, id])
        return db.changesCount == 1
    }

    /// The partnership `id` as `visor partners add|end` prints it.
    static func view(_ db: Database, id: Int64) throws -> PartnershipView {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT p.nominal_id, p.agency_id, p.restricted, p.state, p.started_at, p.started_by, p.ended_at,
                   p.ended_by, p.reason, n.crn
            FROM partnership p JOIN nominal n ON n.id = p.nominal_id WHERE p.id = ?
            """, arguments: [id]) else { throw StoreError.io("partnership \(id) vanished inside its transaction") }
        let state: Partnership.State = row["state"]
        let ended = state == .ended
        return PartnershipView(
            nominalID: row["nominal_id"], crn: row["crn"], agency: try PartnerRecords.agency(db, id: row["agency_id"]),
            restricted: row["restricted"], state: state,
            changedBy: try PartnerRecords.userName(db, id: ended ? row["ended_by"] : row["started_by"]),
            changedAt: ended ? row["ended_at"] : row["started_at"], reason: row["reason"])
    }
}
