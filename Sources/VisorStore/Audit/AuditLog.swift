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
/// any update or deletion.
enum AuditLog {
    static func append(_ db: Database, at: Date, actor: Actor, action: AuditEvent.Action,
                       nominalID: NominalID? = nil, detail: String = "") throws {
        let userID: UserID?
        let osUser: String?
        switch actor {
        case .user(let user): (userID, osUser) = (user.id, nil)
        case .operator(let name): (userID, osUser) = (nil, name)
        }
        try append(db, at: at, userID: userID, osUser: osUser, action: action, nominalID: nominalID, detail: detail)
    }

    static func append(_ db: Database, at: Date, userID: UserID?, osUser: String?, action: AuditEvent.Action,
                       nominalID: NominalID? = nil, detail: String = "") throws {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO audit_event (at, user_id, os_user, action, nominal_id, detail) VALUES (?, ?, ?, ?, ?, ?)
            """)
        try statement.execute(arguments: [at, userID, osUser, action, nominalID, detail])
    }
}
