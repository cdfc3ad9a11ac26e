import Foundation
import GRDB
import VisorDomain
import VisorRegister

extension AppDatabase {
    /// The one message for an unknown user or a wrong password, so that
    /// neither reveals which user names exist.
    public static let incorrectCredentials = "Incorrect user name or password"

    /// Checks a user name and password, counting failures towards the lockout
    /// (policy: 5 in a row lock the account for 15 minutes), refusing a user
    /// whose clearance does not meet a role's requirement, and auditing every
    /// attempt. Throws `.refused` with the message to show.
    public func signIn(username: String, password: String, channel: SignInChannel,
                       policy: Policy = .standard) throws(StoreError) -> User {
        let now = clock.now()
        let today = LondonTime.date(of: now)
        // The slow hash runs outside the write transaction so sign-ins do not block other writers.
        let stored = try read { db in
            try String.fetchOne(db, sql: "SELECT password_hash FROM user_account WHERE username = ?",
                                arguments: [username])
        }
        // Unknown users and accounts that can never sign in (no real hash) verify against a dummy hash of the
        // same cost, so that every refusal takes the time of a wrong password.
        let real = stored.flatMap { PasswordHasher.isHash($0) ? $0 : nil }
        let passwordMatches = PasswordHasher.verify(password, against: real ?? AppDatabase.dummyHash) && real != nil
        let outcome: Result<User, StoreError> = try change { db, kept in
            guard let user = try UserRows.find(db, username: username) else {
                try AuditLog.append(db, at: now, userID: nil, osUser: Actor.osUserName,
                                    action: .signInFailed, detail: "unknown user name \(username.prefix(64))")
                return .failure(.refused(AppDatabase.incorrectCredentials))
            }
            let lockedUntil = try Date.fetchOne(db, sql: "SELECT locked_until FROM user_account WHERE id = ?",
                                                arguments: [user.id])
            if let lockedUntil, lockedUntil > now {
                try AuditLog.append(db, at: now, userID: user.id, osUser: nil, action: .signInFailed,
                                    detail: "\(channel.rawValue): account locked")
                // Only someone who knows the password learns that the account is locked;
                // to anyone else a locked account looks like any wrong guess.
                guard passwordMatches else { return .failure(.refused(AppDatabase.incorrectCredentials)) }
                return .failure(.refused("Account locked after repeated failures: try again after "
                    + LondonTime.clockTime(lockedUntil) + " or ask your account creator"))
            }
            guard passwordMatches else {
                let failures = (try Int.fetchOne(db, sql: "SELECT failed_sign_ins FROM user_account WHERE id = ?",
                                                 arguments: [user.id]) ?? 0) + 1
                if failures >= policy.lockoutFailures {
                    let until = now.addingTimeInterval(TimeInterval(policy.lockoutMinutes * 60))
                    try db.execute(sql: "UPDATE user_account SET failed_sign_ins = 0, locked_until = ? WHERE id = ?",
                                   arguments: [until, user.id])
                    try AuditLog.append(db, at: now, userID: user.id, osUser: nil, action: .accountLocked,
                                        detail: "\(failures) failed sign-ins in a row")
                } else {
                    try db.execute(sql: "UPDATE user_account SET failed_sign_ins = ? WHERE id = ?",
                                   arguments: [failures, user.id])
                }
                try AuditLog.append(db, at: now, userID: user.id, osUser: nil, action: .signInFailed,
                                    detail: "\(channel.rawValue): wrong password")
                return .failure(.refused(AppDatabase.incorrectCredentials))
            }
            guard user.isActive else {
                try AuditLog.append(db, at: now, userID: user.id, osUser: nil, action: .signInFailed,
                                    detail: "\(channel.rawValue): account disabled")
                // As for an unknown user: a disabled account does not reveal that the name exists.
                return .failure(.refused(AppDatabase.incorrectCredentials))
            }
            let lacking = user.rolesLackingClearance(on: today, policy: policy)
            if let role = lacking.first {
                let kinds = policy.clearanceKinds(for: role).map(\.rawValue).sorted().joined(separator: " or ")
                try AuditLog.append(db, at: now, userID: user.id, osUser: nil, action: .signInFailed,
                                    detail: "\(channel.rawValue): no valid clearance for \(role.rawValue)")
                return .failure(.refused("Your clearance does not allow the role \(role.rawValue): "
                    + "it needs a valid \(kinds) clearance. Ask your account creator."))
            }
            if channel == .application {
                // The first sign-in of the day moves R14's sign-in clock (the agency part of the kept actions).
                let before = try String.fetchOne(db, sql: "SELECT last_sign_in_on FROM user_account WHERE id = ?",
                                                 arguments: [user.id])
                kept.agencies = before != today.iso
                try db.execute(sql: """
                    UPDATE user_account SET failed_sign_ins = 0, locked_until = NULL, last_sign_in_at = ?,
                        last_sign_in_on = ? WHERE id = ?
                    """, arguments: [now, today, user.id])
            } else {
                try db.execute(sql: "UPDATE user_account SET failed_sign_ins = 0, locked_until = NULL WHERE id = ?",
                               arguments: [user.id])
            }
            try AuditLog.append(db, at: now, userID: user.id, osUser: nil, action: .signIn, detail: channel.rawValue)
            var signedIn = user
            if channel == .application { signedIn.lastSignInAt = now }
            return .success(signedIn)
        }
        return try outcome.get()
    }

    /// Checks the password of a signed-in user again (the idle screen lock) without a new sign-in record.
    public func confirmPassword(user: User, password: String, policy: Policy = .standard) throws(StoreError) {
        _ = try signIn(username: user.username, password: password, channel: .commandLine, policy: policy)
    }

    /// Records that the user has read the summary of the instruction's duties (R15).
    public func acknowledgeInstruction(user: User) throws(StoreError) -> User {
        let now = clock.now()
        try change(agencies: true) { db, _ in
            try db.execute(sql: "UPDATE user_account SET acknowledged_at = ? WHERE id = ? AND acknowledged_at IS NULL",
                           arguments: [now, user.id])
            try AuditLog.append(db, at: now, userID: user.id, osUser: nil, action: .acknowledgeInstruction)
        }
        var updated = user
        updated.acknowledgedAt = updated.acknowledgedAt ?? now
        return updated
    }

    /// A valid hash of a random password, verified against for unknown user
    /// names so that they take as long to refuse as a wrong password.
    private static let dummyHash = "scrypt$\(PasswordHasher.logN)$\(PasswordHasher.blockSize)$\(PasswordHasher.parallelism)$"
        + Data(count: 16).base64EncodedString() + "$" + Data(count: PasswordHasher.outputBytes).base64EncodedString()
}
