import Foundation
import GRDB
import VisorDomain
import VisorRegister

/// The register kept in SQLite: owns a GRDB writer — a `DatabasePool` on the
/// register's file (WAL mode, foreign keys, busy timeout), or any writer given
/// to `init(_:clock:)`, such as an in-memory `DatabaseQueue` for tests — runs
/// the migrations, and offers intent-named operations, each one transaction.
public final class AppDatabase: Sendable {
    /// The path of the database file (`:memory:` for a register held in memory).
    public let path: String
    /// The connection (or pool) every write and the gateway's reads go through.
    package let writer: any DatabaseWriter
    /// The pool of a register file: bulk loads change its journal mode. Nil in memory.
    var pool: DatabasePool? { writer as? DatabasePool }
    /// The clock every timestamp and "today" comes from.
    public let clock: any VisorClock
    /// Why this process may only read the register (its file or folder is not
    /// writable); nil when it may write. See `RegisterAccess`.
    public let readOnlyReason: String?
    /// What other connections to this register open: its path, or the
    /// read-only URI the pool was opened with.
    let connectionPath: String

    /// True when the register was opened read-only: reads are served, writes refused.
    public var isReadOnly: Bool { readOnlyReason != nil }

    /// True for a register held in memory (tests): no file, no other connection can open it.
    var isInMemory: Bool { path == AppDatabase.memoryPath }

    static let memoryPath = ":memory:"

    /// The register on any GRDB writer, migrated — the shape of GRDB's demo
    /// application (`AppDatabase(_ writer:)`). `AppDatabase(DatabaseQueue(), clock:)`
    /// gives a register in memory, for store and application tests; a file is
    /// opened with `open(path:clock:)`, which checks it before anything writes.
    public convenience init(_ writer: any DatabaseWriter, clock: any VisorClock) throws(StoreError) {
        let path = writer.path.isEmpty || writer.path == AppDatabase.memoryPath ? AppDatabase.memoryPath : writer.path
        do {
            try writer.writeWithoutTransaction { db in
                if try Int.fetchOne(db, sql: "PRAGMA application_id") == 0 {
                    try db.execute(sql: "PRAGMA application_id = \(Schema.applicationID)")
                }
            }
            try Schema.migrator.migrate(writer)
        } catch {
            throw AppDatabase.storeError(error, path: path, creating: true)
        }
        self.init(path: path, writer: writer, clock: clock, readOnlyReason: nil, connectionPath: path)
        try keepActionsCurrent()
    }

    private init(path: String, writer: any DatabaseWriter, clock: any VisorClock, readOnlyReason: String?,
                 connectionPath: String) {
        self.path = path
        self.writer = writer
        self.clock = clock
        self.readOnlyReason = readOnlyReason
        self.connectionPath = connectionPath
    }

    /// Opens the register at `path`, creating and migrating it when the file is
    /// missing or empty. Any other file, and a damaged register, is refused
    /// before SQLite writes a byte (`check`). A register this process may only
    /// read is opened read-only.
    public static func open(path: String, clock: any VisorClock) throws(StoreError) -> AppDatabase {
        try open(path: path, clock: clock, readOnlyReason: nil)
    }

    /// `readOnlyReason`: open read-only for this reason whatever the file's
    /// modes say (tests run as root, whom modes do not stop).
    package static func open(path: String, clock: any VisorClock, readOnlyReason forced: String?) throws(StoreError)
        -> AppDatabase {
        umask(0o077)
        switch try check(path: path) {
        case .absent:
            try DatabaseFile.createPrivateFile(path)
            let created = try AppDatabase(path: path, clock: clock, mode: .creating)
            try created.keepActionsCurrent()
            return created
        case .visor:
            if let reason = forced ?? RegisterAccess.readOnlyReason(path) {
                return try AppDatabase(path: path, clock: clock, mode: .readOnly(reason))
            }
            let opened = try AppDatabase(path: path, clock: clock, mode: .existing)
            // After an upgrade (new rules) or an interrupted rebuild: the kept actions are made current first.
            try opened.keepActionsCurrent()
            return opened
        }
    }

    /// Everything opening checks before anything could write, read-only: what
    /// the path is (a regular file, no stranger's log beside an empty one), its
    /// header, and for a Visor register its health (`RegisterHealth`). Commands
    /// run it first, whatever else is wrong (cli.md).
    public static func check(path: String) throws(StoreError) -> DatabaseFile.ProbeResult {
        let found = try DatabaseFile.probe(path)
        if found == .visor { try RegisterHealth.check(path) }
        return found
    }

    /// How long a write waits for another connection's lock before giving up.
    static let busyTimeoutMilliseconds = 10_000

    private enum Mode: Equatable {
        case creating, existing
        /// This process may only read the register, for this reason.
        case readOnly(String)
    }

    /// Opens the register file at `path` in `mode`, after `check` found it sound (or absent).
    private convenience init(path: String, clock: any VisorClock, mode: Mode) throws(StoreError) {
        var configuration = Configuration()
        configuration.busyMode = .timeout(Double(AppDatabase.busyTimeoutMilliseconds) / 1000)
        configuration.foreignKeysEnabled = true
        configuration.label = "visor"
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
        }
        let creating = mode == .creating
        let readOnlyReason: String?
        let connectionPath: String
        switch mode {
        case .creating, .existing:
            readOnlyReason = nil
            connectionPath = path
        case .readOnly(let reason):
            readOnlyReason = reason
            // Immutable when no log is beside the file: nothing to create (the folder may not be writable).
            connectionPath = SQLiteURI.readOnly(path, immutable: !RegisterHealth.hasLog(path))
            configuration.readonly = true
        }
        let pool: DatabasePool
        do {
            if creating {
                // The application id goes in before WAL mode, so the probe sees it in the main file.
                let queue = try DatabaseQueue(path: path)
                try queue.writeWithoutTransaction { db in
                    // 16 KiB pages: building an index over a million nominals takes half the time of 4 KiB
                    // pages (measured), and the register is read in index ranges, not single rows.
                    try db.execute(sql: "PRAGMA page_size = 16384")
                    try db.execute(sql: "PRAGMA application_id = \(Schema.applicationID)")
                }
                try queue.close()
            }
            pool = try DatabasePool(path: connectionPath, configuration: configuration)
        } catch {
            throw AppDatabase.storeError(error, path: path, creating: creating)
        }
        if let readOnlyReason {
            // An older register would need its migrations written: that is a change like any other.
            let current: Bool
            do { current = try pool.read { db in try Schema.migrator.hasCompletedMigrations(db) } } catch {
                throw AppDatabase.storeError(error, path: path, creating: false)
            }
            guard current else {
                throw AppDatabase.readOnlyRefusal(path: path, reason: readOnlyReason,
                                                  what: "it was made by an older Visor and needs upgrading, which")
            }
        } else {
            do {
                try Schema.migrator.migrate(pool)
                DatabaseFile.restrictPermissions(path)
            } catch {
                throw AppDatabase.storeError(error, path: path, creating: creating)
            }
        }
        self.init(path: path, writer: pool, clock: clock, readOnlyReason: readOnlyReason,
                  connectionPath: connectionPath)
    }

    /// The refusal of a change to a register this process may only read (exit 73).
    static func readOnlyRefusal(path: String, reason: String, what: String) -> StoreError {
        .cannotCreate("\(path): read-only for this process (\(reason)): \(what) needs write access; "
            + "reads without --as are served")
    }

    /// Refuses `what` when the register is read-only; `what` names the step, as
    /// "signing in" ("… needs write access").
    public func requireWritable(_ what: String) throws(StoreError) {
        guard let readOnlyReason else { return }
        throw AppDatabase.readOnlyRefusal(path: path, reason: readOnlyReason, what: what)
    }

    static func storeError(_ error: any Error, path: String, creating: Bool) -> StoreError {
        if let dbError = error as? DatabaseError {
            switch dbError.resultCode {
            case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_READONLY:
                return creating ? .cannotCreate("\(path): \(dbError.message ?? "cannot open")")
                    : .noInput("\(path): \(dbError.message ?? "cannot open")")
            case .SQLITE_NOTADB, .SQLITE_CORRUPT:
                return .notAVisorDatabase(path: path, reason: dbError.message ?? "not a database")
            case .SQLITE_FULL, .SQLITE_IOERR:
                return .io("\(path): \(dbError.message ?? "I/O error")")
            default:
                return .io("\(path): \(dbError.message ?? String(describing: dbError))")
            }
        }
        return .io("\(path): \(error)")
    }

    /// Runs `body` in one write transaction; any thrown error rolls everything back.
    package func write<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        try requireWritable("this command changes data (or records what it read), which")
        do {
            return try writer.write(body)
        } catch let error as StoreError {
            throw error
        } catch {
            throw AppDatabase.storeError(error, path: path, creating: false)
        }
    }

    /// A write that keeps the kept actions true: `body` changes the register and says in `kept` what it
    /// touched (before changing a nominal's identifiers); the touched rules are evaluated again and the
    /// kept actions updated in the same transaction.
    package func change<T>(agencies: Bool = false, _ body: (Database, inout KeptActionChange) throws -> T)
        throws(StoreError) -> T {
        let today = clock.today()
        return try write { db in
            var kept = try KeptActionChange(db, agencies: agencies)
            let result = try body(db, &kept)
            try PhaseTrace.rules.measure("kept: commit") { try kept.commit(db, today: today) }
            return result
        }
    }

    /// Runs `body` on a read-only snapshot.
    package func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try writer.read(body)
        } catch let error as StoreError {
            throw error
        } catch {
            throw AppDatabase.storeError(error, path: path, creating: false)
        }
    }

    /// Today's date (Europe/London) by the injected clock.
    public var today: LocalDate { clock.today() }

    /// The value of a `meta` key, if set.
    public func meta(_ key: String) throws(StoreError) -> String? {
        try read { db in try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [key]) }
    }

    /// True once `visor init` or `visor demo` has created a register here.
    public func holdsRegister() throws(StoreError) -> Bool {
        try read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM user_account") ?? 0 > 0 }
    }

    /// Closes every connection; a register at rest keeps no log beside it.
    public func close() throws(StoreError) {
        // GRDB closes the writer before the readers, and SQLite removes the log only when the last
        // connection to close may write: the readers go first, so that the writer's close removes it.
        pool?.releaseMemory()
        do { try pool?.close() } catch { throw AppDatabase.storeError(error, path: path, creating: false) }
    }
}
