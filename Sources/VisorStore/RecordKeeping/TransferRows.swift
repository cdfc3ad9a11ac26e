import Foundation
import GRDB
import VisorDomain
import VisorRegister

/// Reads and writes `nominal_transfer`.
enum TransferRows {
    private static let select = """
        SELECT t.id, t.nominal_id, t.from_agency_id, t.to_agency_id, t.keep_partner, t.state, t.proposed_at,
               t.decided_at, t.reason, f.name AS from_name, o.name AS to_name, p.username AS proposed_by,
               d.username AS decided_by, n.surname, n.forenames
        FROM nominal_transfer t JOIN agency f ON f.id = t.from_agency_id JOIN agency o ON o.id = t.to_agency_id
        JOIN nominal n ON n.id = t.nominal_id
        LEFT JOIN user_account p ON p.id = t.proposed_by LEFT JOIN user_account d ON d.id = t.decided_by
        """

    static func view(_ row: Row) -> TransferView {
        TransferView(id: row["id"], nominalID: row["nominal_id"], from: row["from_name"], to: row["to_name"],
                     keepPartner: row["keep_partner"], state: TransferView.State(rawValue: row["state"]) ?? .pending,
                     proposedBy: row["proposed_by"], proposedAt: row["proposed_at"], decidedBy: row["decided_by"],
                     decidedAt: row["decided_at"], reason: row["reason"],
                     nominalName: Nominal.displayName(surname: row["surname"], forenames: row["forenames"]),
                     toAgencyID: row["to_agency_id"])
    }

    static func pending(_ db: Database, nominal id: NominalID) throws -> TransferView? {
        try Row.fetchOne(db, sql: select + " WHERE t.nominal_id = ? AND t.state = 'pending'", arguments: [id]).map(view)
    }

    static func find(_ db: Database, id: Int64) throws -> (view: TransferView, from: AgencyID, to: AgencyID)? {
        try Row.fetchOne(db, sql: select + " WHERE t.id = ?", arguments: [id]).map {
            (view($0), $0["from_agency_id"], $0["to_agency_id"])
        }
    }

    /// The transfers proposed to `user`'s agency, when `user` answers them (its CPC or deputy CPC).
    static func pendingTo(_ db: Database, answeredBy user: User) throws -> [TransferView] {
        guard user.hasWorkingRole, Viewer(user: user).isCPCOrDeputy else { return [] }
        return try Row.fetchAll(db, sql: select
            + " WHERE t.to_agency_id = ? AND t.state = 'pending' ORDER BY t.proposed_at, t.id",
                                arguments: [user.agencyID]).map(view)
    }
}
