import Foundation
import GRDB
import VisorDomain

/// Who an operation is performed by: a signed-in user, or the operator (a
/// command-line read without `--as`), audited under the operating-system user.
public enum Actor: Hashable, Sendable {
    case user(User)
    case `operator`(osUser: String)

    /// The operating-system user running this process.
    public static var currentOperator: Actor {
        let name = ProcessInfo.processInfo.environment["USER"].flatMap { $0.isEmpty ? nil : $0 }
            ?? String(cString: getlogin() ?? strdup("unknown"))
        return .operator(osUser: name)
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
