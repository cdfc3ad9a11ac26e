import ArgumentParser
import Foundation
import VisorDomain
import VisorRegister
import VisorStore

/// `--db PATH`, on every command.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: "The register file (default: $VISOR_DB, else $XDG_DATA_HOME/visor/visor.sqlite).")
    var path: String?

    var resolvedPath: String { DatabaseFile.resolve(explicit: path) }

    /// `--db ""` names no file: a malformed argument (64), not a silent fall-back to `$VISOR_DB`.
    func validate() throws {
        if path?.isEmpty == true {
            throw ValidationError("--db: an empty path names no register (give a file, or leave --db out)")
        }
    }

    /// Opens the register, probing the file first (a foreign or damaged file is
    /// refused, untouched). A register this process may only read is opened
    /// read-only, and the command says so before it prints anything else.
    func open(clock: any VisorClock = SystemClock()) throws(StoreError) -> AppDatabase {
        let register = try AppDatabase.open(path: resolvedPath, clock: clock)
        if let reason = register.readOnlyReason {
            printError("warning: \(register.path) is read-only for this process (\(reason)): reads are served "
                + "and not recorded in the audit trail; changes and signing in are refused")
        }
        return register
    }
}

/// `--as USERNAME`, for commands that act as a user.
struct ActingUserOptions: ParsableArguments {
    @Option(name: .customLong("as"), help: "The user to act as; the password comes from $VISOR_PASSWORD or standard input.")
    var username: String?

    /// Signs the user in through the application's own path, with the register's policy — its
    /// clearance rules and lockout apply to `--as` exactly as to the application's sign-in (failures
    /// count towards the same lockout; every refusal is audited).
    func signIn(_ database: AppDatabase) throws -> User? {
        guard let username else { return nil }
        let policy = try database.policy()
        // Refused before the password is asked for: a sign-in is recorded and counted, which needs a write.
        try database.requireWritable("signing in (recorded in the audit trail, and counted towards the lockout)")
        let password = try Password.read(prompt: "Password for \(username): ")
        return try database.signIn(username: username, password: password, channel: .commandLine, policy: policy)
    }

    /// The `--as` user, signed in, for a command that acts as a user; without `--as`, `missing`
    /// (each command says why it needs one, and how it fails).
    func requiredUser(_ database: AppDatabase, missing: @autoclosure () -> any Error) throws -> User {
        guard let user = try signIn(database) else { throw missing() }
        return user
    }
}

/// Reads a password: `$VISOR_PASSWORD`, else standard input (without echo on a terminal).
enum Password {
    static func read(prompt: String) throws(StoreError) -> String {
        if let fromEnvironment = ProcessInfo.processInfo.environment["VISOR_PASSWORD"] { return fromEnvironment }
        if isatty(STDIN_FILENO) == 1 {
            // The prompt names the user as given on the command line: escaped like every other output.
            guard let entered = getpass(TerminalText.escaped(prompt)) else { throw .refused("no password given") }
            return String(cString: entered)
        }
        guard let line = readLine(strippingNewline: true) else {
            throw .refused("no password: set $VISOR_PASSWORD or give it on standard input")
        }
        return line
    }
}

/// The wall clock: the only place that asks the system for the time.
struct SystemClock: VisorClock {
    func now() -> Date { Date() }
}
