import Foundation
import GRDB
import Testing
import VisorDomain
import VisorRegister
@testable import VisorStore

/// Sign-in: scrypt hashes, the one message for bad credentials, lockout after
/// 5 failures for 15 minutes, clearance per role, and an audit line per attempt.
///
/// Users other than the first administrator carry `StoreFixtures.cheapHash`
/// (scrypt at N = 2^10), so that attempts cost milliseconds in a debug build.
@Suite("Sign-in")
struct SignInTests {
    static let today = StoreFixtures.today

    /// A valid clearance of `kind`, granted a year ago for five years.
    static func clearance(_ kind: ClearanceKind) -> Clearance {
        Clearance(kind: kind, grantedOn: today.adding(years: -1), expiresOn: today.adding(years: 4))
    }

    /// The refusal message of a sign-in, nil when it succeeded.
    func refusal(_ database: AppDatabase, _ username: String, _ password: String,
                 channel: SignInChannel = .application) -> String? {
        do {
            _ = try database.signIn(username: username, password: password, channel: channel)
            return nil
        } catch {
            guard case .refused(let message) = error else {
                Issue.record("expected a refusal, got \(error)")
                return "\(error)"
            }
            return message
        }
    }

    func auditActions(_ register: TestRegister, since id: Int64 = 0) throws -> [String] {
        try register.database.read { db in
            try String.fetchAll(db, sql: "SELECT action FROM audit_event WHERE id > ? ORDER BY id", arguments: [id])
        }
    }

    func lastAuditID(_ register: TestRegister) throws -> Int64 {
        try register.database.read { db in try Int64.fetchOne(db, sql: "SELECT max(id) FROM audit_event") ?? 0 }
    }

    @Test("The first administrator signs in with the password given to visor init")
    func correctSignIn() throws {
        let register = try TestRegister()
        let mark = try lastAuditID(register)
        let user = try register.database.signIn(username: StoreFixtures.adminName,
                                                password: StoreFixtures.adminPassword, channel: .application)
        #expect(user.username == StoreFixtures.adminName)
        #expect(user.roles == [.administrator, .accountCreator])
        #expect(user.lastSignInAt == StoreFixtures.clock.now())
        #expect(try auditActions(register, since: mark) == ["sign_in"])
        #expect(try register.count("SELECT count(*) FROM user_account WHERE last_sign_in_on = '2026-11-25'") == 1)
    }

    @Test("visor init's administrator: administrator and account_creator, BSC_CRB for 5 years, not yet acknowledged")
    func firstAdministrator() throws {
        let register = try TestRegister()
        let admin = register.admin
        #expect(admin.roles == [.administrator, .accountCreator])
        #expect(admin.clearances == [Clearance(kind: .bscCRB, grantedOn: Self.today, expiresOn: Self.today.adding(years: 5))])
        #expect(admin.acknowledgedAt == nil)
        #expect(admin.agencyID == (try register.agencyID("London")))
        #expect(try register.database.meta("register") == "live")
        #expect(try register.count("SELECT count(*) FROM agency") == AgencyCatalog.all.count)
    }

    @Test("A second createRegister is refused (.cannotCreate) and changes nothing")
    func registerOnlyOnce() throws {
        let register = try TestRegister()
        let before = try register.snapshot()
        #expect(throws: StoreError.cannotCreate("\(register.path) already holds a register; it was not changed")) {
            try register.database.createRegister(adminUsername: "other", agencyName: "Wales", password: "x",
                                                 clearance: .sc)
        }
        #expect(try register.snapshot() == before)
        #expect(try register.database.user(named: "other") == nil)
    }

    @Test("A wrong password and an unknown user get exactly the same message")
    func wrongPasswordAndUnknownUser() throws {
        let register = try TestRegister()
        try register.addUser("om1", roles: [.offenderManager], clearance: Self.clearance(.bscCRB))
        #expect(refusal(register.database, "om1", "Secret") == "Incorrect user name or password")
        let mark = try lastAuditID(register)
        #expect(refusal(register.database, "nobody", StoreFixtures.cheapPassword) == "Incorrect user name or password")
        // The unknown name is audited under the operating-system user, with no user id.
        #expect(try register.count("""
            SELECT count(*) FROM audit_event WHERE id > ? AND user_id IS NULL AND os_user IS NOT NULL
                AND action = 'sign_in_failed'
            """, [mark]) == 1)
        #expect(refusal(register.database, "om1", StoreFixtures.cheapPassword) == nil)
    }

    @Test("Five failures in a row lock the account for 15 minutes, even against the right password")
    func lockout() throws {
        let clock = TestClock(date: Self.today)
        let register = try TestRegister(clock: clock)
        try register.addUser("om1", roles: [.offenderManager], clearance: Self.clearance(.bscCRB))
        for attempt in 1...4 {
            #expect(refusal(register.database, "om1", "wrong \(attempt)") == "Incorrect user name or password")
            clock.advance(minutes: 1)
        }
        // Four failures do not lock.
        #expect(try register.count("SELECT count(*) FROM audit_event WHERE action = 'account_locked'") == 0)
        #expect(refusal(register.database, "om1", "wrong 5") == "Incorrect user name or password")
        #expect(try register.count("SELECT count(*) FROM audit_event WHERE action = 'account_locked'") == 1)

        let locked = try #require(refusal(register.database, "om1", StoreFixtures.cheapPassword))
        #expect(locked.hasPrefix("Account locked after repeated failures"))
        clock.advance(minutes: 14.9)
        #expect(refusal(register.database, "om1", StoreFixtures.cheapPassword)?.hasPrefix("Account locked") == true)
        clock.advance(minutes: 0.2)
        #expect(refusal(register.database, "om1", StoreFixtures.cheapPassword) == nil)
    }

    @Test("A success resets the count: failures must be in a row to lock")
    func successResetsCount() throws {
        let register = try TestRegister()
        try register.addUser("om1", roles: [.offenderManager], clearance: Self.clearance(.bscCRB))
        for _ in 1...4 { _ = refusal(register.database, "om1", "wrong") }
        #expect(refusal(register.database, "om1", StoreFixtures.cheapPassword, channel: .commandLine) == nil)
        for _ in 1...4 { _ = refusal(register.database, "om1", "wrong") }
        #expect(refusal(register.database, "om1", StoreFixtures.cheapPassword) == nil)
    }

    @Test("The lock holds the account, not the name: other users still sign in")
    func lockIsPerUser() throws {
        let register = try TestRegister()
        try register.addUser("om1", roles: [.offenderManager], clearance: Self.clearance(.bscCRB))
        try register.addUser("om2", roles: [.offenderManager], clearance: Self.clearance(.bscCRB))
        for _ in 1...5 { _ = refusal(register.database, "om1", "wrong") }
        #expect(refusal(register.database, "om1", StoreFixtures.cheapPassword)?.hasPrefix("Account locked") == true)
        #expect(refusal(register.database, "om2", StoreFixtures.cheapPassword) == nil)
    }

    @Test("A CPC whose only clearance is BSC_CRB is refused, naming SC")
    func cpcNeedsSC() throws {
        let register = try TestRegister()
        try register.addUser("cpc1", roles: [.cpc, .supervisor], clearance: Self.clearance(.bscCRB))
        let message = try #require(refusal(register.database, "cpc1", StoreFixtures.cheapPassword))
        #expect(message == "Your clearance does not allow the role cpc: it needs a valid SC clearance. "
            + "Ask your account creator.")
        try register.addUser("cpc2", roles: [.cpc], clearance: Self.clearance(.sc))
        #expect(refusal(register.database, "cpc2", StoreFixtures.cheapPassword) == nil)
    }

    @Test("An expired clearance is refused; one expiring today still counts")
    func expiredClearance() throws {
        let register = try TestRegister()
        try register.addUser("lapsed", roles: [.offenderManager],
                             clearance: Clearance(kind: .bscCRB, grantedOn: Self.today.adding(years: -5),
                                                  expiresOn: Self.today.adding(days: -1)))
        let message = try #require(refusal(register.database, "lapsed", StoreFixtures.cheapPassword))
        #expect(message.hasPrefix("Your clearance does not allow the role offender_manager: it needs a valid "))
        for kind in ["SC", "NPPV2", "BSC_CRB"] { #expect(message.contains(kind)) }

        try register.addUser("lastday", roles: [.offenderManager],
                             clearance: Clearance(kind: .nppv2, grantedOn: Self.today.adding(years: -5),
                                                  expiresOn: Self.today))
        #expect(refusal(register.database, "lastday", StoreFixtures.cheapPassword) == nil)

        try register.addUser("none", roles: [.trainer], clearance: nil)
        #expect(refusal(register.database, "none", StoreFixtures.cheapPassword)?
            .hasPrefix("Your clearance does not allow the role trainer") == true)
    }

    @Test("Every attempt is audited: success, wrong password, lock, locked, clearance")
    func everyAttemptAudited() throws {
        let register = try TestRegister()
        try register.addUser("om1", roles: [.offenderManager], clearance: Self.clearance(.bscCRB))
        try register.addUser("cpc1", roles: [.cpc], clearance: Self.clearance(.nppv2))
        let mark = try lastAuditID(register)

        _ = refusal(register.database, "om1", StoreFixtures.cheapPassword)
        _ = refusal(register.database, "cpc1", StoreFixtures.cheapPassword)
        for _ in 1...5 { _ = refusal(register.database, "om1", "wrong") }
        _ = refusal(register.database, "om1", StoreFixtures.cheapPassword)

        #expect(try auditActions(register, since: mark) == [
            "sign_in", "sign_in_failed",
            "sign_in_failed", "sign_in_failed", "sign_in_failed", "sign_in_failed", "account_locked", "sign_in_failed",
            "sign_in_failed",
        ])
        let om = try #require(try register.database.user(named: "om1"))
        #expect(try register.count("SELECT count(*) FROM audit_event WHERE id > ? AND user_id = ?", [mark, om.id]) == 8)
        let details = try register.database.read { db in
            try String.fetchAll(db, sql: "SELECT detail FROM audit_event WHERE id > ? ORDER BY id", arguments: [mark])
        }
        #expect(details[1] == "application: no valid clearance for cpc")
        #expect(details.last == "application: account locked")
    }

    @Test("Passwords are stored as scrypt hashes with a salt of their own, never in clear")
    func storedAsScrypt() throws {
        let register = try TestRegister()
        let twinHash = try PasswordHasher.hash(StoreFixtures.adminPassword)
        try register.addUser("twin", roles: [.administrator], clearance: Self.clearance(.sc), hash: twinHash)
        let hashes = try register.database.read { db in
            try String.fetchAll(db, sql: "SELECT password_hash FROM user_account WHERE username IN (?, ?) ORDER BY id",
                                arguments: [StoreFixtures.adminName, "twin"])
        }
        try #require(hashes.count == 2)
        for hash in hashes {
            let parts = hash.split(separator: "$", omittingEmptySubsequences: false)
            #expect(parts.count == 6)
            #expect(parts.prefix(4) == ["scrypt", "14", "8", "5"], "OWASP: N = 2^14, r = 8, p = 5 (16 MiB)")
            #expect(Data(base64Encoded: String(parts[4]))?.count == 16)
            #expect(Data(base64Encoded: String(parts[5]))?.count == 32)
            #expect(!hash.contains(StoreFixtures.adminPassword))
        }
        // The same password, two users: different salts, different hashes.
        let salts = hashes.map { $0.split(separator: "$")[4] }
        #expect(salts[0] != salts[1])
        #expect(hashes[0] != hashes[1])
        // No column anywhere holds the password itself.
        let everything = try register.database.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM user_account").map(\.description).joined()
                + Row.fetchAll(db, sql: "SELECT * FROM audit_event").map(\.description).joined()
        }
        #expect(!everything.contains(StoreFixtures.adminPassword))
    }

    @Test("Verification is standard scrypt: a hash made by another implementation verifies")
    func verifiesForeignScrypt() {
        #expect(PasswordHasher.verify(StoreFixtures.cheapPassword, against: StoreFixtures.cheapHash))
        #expect(!PasswordHasher.verify("Secret", against: StoreFixtures.cheapHash))
        #expect(!PasswordHasher.verify(StoreFixtures.cheapPassword, against: PasswordHasher.disabledHash))
        #expect(!PasswordHasher.verify("", against: ""))
        // Costs outside 2^10…2^20 are refused rather than computed.
        #expect(!PasswordHasher.verify(StoreFixtures.cheapPassword,
                                       against: StoreFixtures.cheapHash.replacingOccurrences(of: "$10$", with: "$9$")))
    }

    @Test("A disabled account answers as an unknown user or a wrong password, even to its right password")
    func disabledAccount() throws {
        let register = try TestRegister()
        let user = try register.addUser("gone", roles: [.offenderManager], clearance: Self.clearance(.bscCRB))
        try register.database.write { db in
            try db.execute(sql: "UPDATE user_account SET active = 0 WHERE id = ?", arguments: [user.id])
        }
        #expect(refusal(register.database, "gone", "wrong") == "Incorrect user name or password")
        #expect(refusal(register.database, "gone", StoreFixtures.cheapPassword) == "Incorrect user name or password")
        #expect(refusal(register.database, "nobody", StoreFixtures.cheapPassword) == "Incorrect user name or password")
        let audited = try register.database.read { db in
            try String.fetchAll(db, sql: "SELECT detail FROM audit_event WHERE action = 'sign_in_failed' ORDER BY id")
        }
        #expect(audited.contains { $0.hasSuffix("account disabled") }, "the audit trail still says why: \(audited)")
    }

    @Test("An account that can never sign in (no real hash) costs a full KDF, as an unknown user does")
    func placeholderHashTakesTheKDF() {
        #expect(!PasswordHasher.isHash(PasswordHasher.disabledHash))
        #expect(PasswordHasher.isHash(StoreFixtures.cheapHash))
    }
}
