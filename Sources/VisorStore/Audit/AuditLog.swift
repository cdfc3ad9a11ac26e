import Foundation
import GRDB
import VisorDomain

/// Who an operation is performed by: a signed-in user, or the operator (a
/// command-line read without `--as`), audited under the operating-system user.
public enum Actor: Hashable, Sendable {
    case user(User)
    case `operator`(osUser: String)

    /// The operating-system account running this process, named from its user id — not from
    /// `$USER`, which whoever starts the process may set to anything.
    public static var currentOperator: Actor {
        .operator(osUser: operatingSystemAccount(uid: getuid()))
    }

    /// The account name of `uid` from the system's user database, else "uid N".
    static func operatingSystemAccount(uid: uid_t) -> String {
        var entry = passwd()
        var found: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getpwuid_r(uid, &entry, &buffer, buffer.count, &found) == 0, found != nil, let name = entry.pw_name,
              !String(cString: name).isEmpty else { return "uid \(uid)" }
        return String(cString: name)
    }

    public var viewer: Viewer {
        switch self {
        case .user(let user): Viewer(user: user)
        case .operator: .operator
        }
    }

    public var user: User? {
        if case .user(let user) = self { return user }
        return nil
    }
}

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
