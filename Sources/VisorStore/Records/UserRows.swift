import Foundation
import GRDB
import VisorDomain
import VisorRegister

/// Reads users with their current roles and clearances.
package enum UserRows {
    static let columns = """
        id, username, full_name, agency_id, staff_id, active, created_at, acknowledged_at, last_sign_in_at
        """

    static func user(_ db: Database, row: Row) throws -> User {
        let id: UserID = row["id"]
        let roles = try Role.fetchSet(db, sql: "SELECT role FROM user_role WHERE user_id = ? AND revoked_on IS NULL",
                                      arguments: [id])
        let clearances = try Row.fetchAll(
            db, sql: "SELECT kind, granted_on, expires_on FROM clearance WHERE user_id = ? ORDER BY expires_on",
            arguments: [id]
        ).map { Clearance(kind: $0["kind"], grantedOn: $0["granted_on"], expiresOn: $0["expires_on"]) }
        return User(id: id, username: row["username"], fullName: row["full_name"], agencyID: row["agency_id"],
                    roles: roles, clearances: clearances, staffID: row["staff_id"], isActive: row["active"],
                    createdAt: row["created_at"], acknowledgedAt: row["acknowledged_at"],
                    lastSignInAt: row["last_sign_in_at"])
    }

    static func find(_ db: Database, username: String) throws -> User? {
        guard let row = try Row.fetchOne(db, sql: "SELECT \(columns) FROM user_account WHERE username = ?",
                                         arguments: [username]) else { return nil }
        return try user(db, row: row)
    }

    static func find(_ db: Database, id: UserID) throws -> User? {
        guard let row = try Row.fetchOne(db, sql: "SELECT \(columns) FROM user_account WHERE id = ?",
                                         arguments: [id]) else { return nil }
        return try user(db, row: row)
    }

    /// Inserts a user with roles and one clearance; returns its id.
    package static func insert(_ db: Database, username: String, fullName: String, agencyID: AgencyID, staffID: String?,
                       passwordHash: String, roles: [Role], clearance: Clearance?, createdAt: Date,
                       createdOn: LocalDate, acknowledgedAt: Date?) throws -> UserID {
        try db.execute(sql: """
            INSERT INTO user_account (username, full_name, agency_id, staff_id, password_hash, created_at, created_on,
                                      acknowledged_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [username, fullName, agencyID, staffID, passwordHash, createdAt, createdOn, acknowledgedAt])
        let id = db.lastInsertedRowID
        for role in roles {
            try db.execute(sql: "INSERT INTO user_role (user_id, role, granted_on) VALUES (?, ?, ?)",
                           arguments: [id, role, createdOn])
        }
        if let clearance {
            try db.execute(sql: "INSERT INTO clearance (user_id, kind, granted_on, expires_on) VALUES (?, ?, ?, ?)",
                           arguments: [id, clearance.kind, clearance.grantedOn, clearance.expiresOn])
        }
        return id
    }
}

extension AppDatabase {
    /// The user with this user name, if any.
    public func user(named username: String) throws(StoreError) -> User? {
        try read { db in try UserRows.find(db, username: username) }
    }

    /// The user with this id, if any.
    public func user(id: UserID) throws(StoreError) -> User? {
        try read { db in try UserRows.find(db, id: id) }
    }
}
