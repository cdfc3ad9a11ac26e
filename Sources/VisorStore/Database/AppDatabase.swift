import Foundation
import GRDB
import VisorDomain

/// The gateway to one register file: owns the `DatabasePool` (WAL mode,
/// foreign keys, busy timeout), runs the migrations, and offers intent-named
/// operations, each one transaction.
public final class AppDatabase: Sendable {
    /// The path of the database file.
    public let path: String
    let pool: DatabasePool
    /// The clock every timestamp and "today" comes from.
    public let clock: any VisorClock

    /// Opens the register at `path`, creating and migrating it when the file is
    /// missing or empty. Any other file is refused before SQLite touches it.
    public static func open(path: String, clock: any VisorClock) throws(StoreError) -> AppDatabase {
        umask(0o077)
        switch try DatabaseFile.probe(path) {
        case .absent:
            try DatabaseFile.createPrivateFile(path)
            return try AppDatabase(path: path, clock: clock, creating: true)
        case .visor:
            return try AppDatabase(path: path, clock: clock, creating: false)
        }
    }

    /// How long a write waits for another connection's lock before giving up.
    static let busyTimeoutMilliseconds = 10_000

    private init(path: String, clock: any VisorClock, creating: Bool) throws(StoreError) {
        self.path = path
        self.clock = clock
        var configuration = Configuration()
        configuration.busyMode = .timeout(Double(AppDatabase.busyTimeoutMilliseconds) / 1000)
        configuration.foreignKeysEnabled = true
        configuration.label = "visor"
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
        }
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
            pool = try DatabasePool(path: path, configuration: configuration)
            try Schema.migrator.migrate(pool)
            DatabaseFile.restrictPermissions(path)
        } catch let error as StoreError {
            throw error
        } catch {
            throw AppDatabase.storeError(error, path: path, creating: creating)
        }
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
        do {
            return try pool.write(body)
        } catch let error as StoreError {
            throw error
        } catch {
            throw AppDatabase.storeError(error, path: path, creating: false)
        }
    }

    /// Runs `body` on a read-only snapshot.
    package func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try pool.read(body)
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

    /// `PRAGMA data_version` on a dedicated connection: it changes when another
    /// process commits, which GRDB's own observation cannot see.
    public func close() throws(StoreError) {
        do { try pool.close() } catch { throw AppDatabase.storeError(error, path: path, creating: false) }
    }
}
