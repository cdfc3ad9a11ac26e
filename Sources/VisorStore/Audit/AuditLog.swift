import Foundation
import GRDB
import VisorDomain
import VisorRegister

/// Appends to the audit trail. Only appends: the schema's triggers refuse
/// any update or deletion. Each event is chained to the one before it
/// (`AuditChain`): it takes the last id plus one and the last event's hash,
/// read inside the caller's write transaction, where SQLite's write lock keeps
/// any other connection from appending in between.
package enum AuditLog {
    package static func append(_ db: Database, at: Date, actor: Actor, action: AuditEvent.Action,
                       nominalID: NominalID? = nil, detail: String = "") throws {
        let userID: UserID?
        let osUser: String?
        switch actor {
        case .user(let user): (userID, osUser) = (user.id, nil)
        case .operator(let name): (userID, osUser) = (nil, name)
        }
        try append(db, at: at, userID: userID, osUser: osUser, action: action, nominalID: nominalID, detail: detail)
    }

    package static func append(_ db: Database, at: Date, userID: UserID?, osUser: String?, action: AuditEvent.Action,
                       nominalID: NominalID? = nil, detail: String = "") throws {
        // One step down the rowid b-tree, however long the trail: an import's many events stay linear.
        let last = try db.cachedStatement(sql: "SELECT id, hash FROM audit_event ORDER BY id DESC LIMIT 1")
        var id: Int64 = 1
        var previous = AuditChain.genesis
        if let row = try Row.fetchOne(last) {
            id = row[0] as Int64 + 1
            previous = (row[1] as Data?).map { Array($0) } ?? []
        }
        let values: [DatabaseValue] = [
            id.databaseValue, at.databaseValue, userID?.databaseValue ?? .null, osUser?.databaseValue ?? .null,
            action.rawValue.databaseValue, nominalID?.databaseValue ?? .null, detail.databaseValue,
        ]
        var hasher = AuditChainHasher()
        hasher.start(previous: previous)
        for value in values { hasher.add(value) }
        let statement = try db.cachedStatement(sql: """
            INSERT INTO audit_event (\(AuditChain.coveredColumns), hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        try statement.execute(arguments: StatementArguments(values + [Data(hasher.digest().bytes).databaseValue]))
    }
}
