import Foundation
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
    package static func operatingSystemAccount(uid: uid_t) -> String {
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

    /// The operating-system account of this process, for audit events no one signed in to.
    package static var osUserName: String {
        if case .operator(let name) = Actor.currentOperator { return name }
        return "unknown"
    }
}
