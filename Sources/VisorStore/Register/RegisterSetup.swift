import Foundation
import GRDB
import VisorDomain
import VisorRegister

extension AppDatabase {
    /// Creates an empty register: the agencies of `agencies.md` and a first
    /// administrator (roles administrator and account_creator, one clearance
    /// granted today for 5 years, instruction not yet acknowledged).
    /// Refuses a database that already holds a register.
    public func createRegister(adminUsername: String, agencyName: String, password: String,
                               clearance kind: ClearanceKind) throws(StoreError) -> User {
        guard !adminUsername.isEmpty, adminUsername.count <= 64,
              adminUsername.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }) else {
            throw .badInput("user name \"\(adminUsername)\": use 1 to 64 letters, digits, '.', '_' or '-'")
        }
        guard !password.isEmpty else { throw .badInput("the password is empty") }
        guard try !holdsRegister() else {
            throw .cannotCreate("\(path) already holds a register; it was not changed")
        }
        let hash = try PasswordHasher.hash(password)
        let now = clock.now()
        let today = LondonTime.date(of: now)
        let userID: UserID = try change(agencies: true) { db, _ in
            guard try Int.fetchOne(db, sql: "SELECT count(*) FROM user_account") == 0 else {
                throw StoreError.cannotCreate("\(self.path) already holds a register; it was not changed")
            }
            try AgencyRows.insertCatalog(db, createdOn: today)
            let key = Agency.matchKey(agencyName)
            let matches = try AgencyID.fetchAll(db, sql: "SELECT id FROM agency WHERE match_key = ?", arguments: [key])
            guard matches.count == 1, let agencyID = matches.first else {
                throw StoreError.badInput("agency \"\(agencyName)\": "
                    + (matches.isEmpty ? "not one of the agencies of agencies.md" : "matches more than one agency"))
            }
            let id = try UserRows.insert(
                db, username: adminUsername, fullName: adminUsername, agencyID: agencyID, staffID: nil,
                passwordHash: hash, roles: [.administrator, .accountCreator],
                clearance: Clearance(kind: kind, grantedOn: today, expiresOn: today.adding(years: 5)),
                createdAt: now, createdOn: today, acknowledgedAt: nil)
            try db.execute(sql: "INSERT INTO meta (key, value) VALUES ('register', 'live'), ('created_on', ?)",
                           arguments: [today])
            try AuditLog.append(db, at: now, userID: id, osUser: Actor.osUserName, action: .createRegister,
                                detail: "first administrator \(adminUsername)")
            return id
        }
        guard let user = try self.user(id: userID) else { throw .io("the new administrator was not found") }
        return user
    }
}
