import Foundation
import GRDB
import VisorRegister

/// Whether a file whose header says "Visor" is a healthy register, decided
/// read-only before anything could write to it: opening in WAL mode, the
/// migrations and every command write, and a write into a damaged file made
/// it worse (a register with a damaged page 2 had 12 header bytes changed and
/// grew by a page before SQLite reported the damage).
///
/// What is checked, and why it is enough and fast:
/// - the file's size against its header: a whole number of pages, and the
///   page count the header records (when SQLite marks it valid and no log is
///   beside the file) — a file cut short or extended;
/// - the schema, read whole (a damaged schema page fails here);
/// - SQLite's `quick_check` (every b-tree page's structure, without matching
///   indexes to tables): of the whole file up to `wholeCheckLimit` (a 15 MB
///   register took 30–45 ms more to open on the build machine, a 31 MB one
///   80 ms); above it, of the tables that opening, the migrations and signing
///   in read and write (a few milliseconds). A million-nominal register
///   (434 MB) takes 0.65 s to check whole — most of what `visor actions`
///   spends on everything else — so there the pages of the nominals and the
///   audit trail are left to SQLite, which refuses a damaged page when it
///   meets one (a command then fails with 66, its transaction undone).
///
/// The check reads through a read-only connection. With no `-wal` or
/// `-journal` beside the file, the file is the whole register and it is read
/// as immutable: SQLite then creates no `-wal` or `-shm` (a read-only
/// connection to a WAL database otherwise leaves both behind, measured on
/// SQLite 3.40). With a log beside it, another process may be writing: the
/// connection takes the usual locks and reads the log.
enum RegisterHealth {
    /// Files up to this size are checked whole.
    static let wholeCheckLimit: Int64 = 16 << 20

    /// The tables read and written before a command's own work starts.
    static let openingTables = ["sqlite_schema", "grdb_migrations", "meta", "agency", "user_account", "user_role",
                                "clearance"]

    /// `wholeCheckLimit`: a file up to this size is checked whole (tests lower it).
    static func check(_ path: String, wholeCheckLimit: Int64 = RegisterHealth.wholeCheckLimit) throws(StoreError) {
        let whole = fileSize(path) <= wholeCheckLimit
        let logged = hasLog(path)
        try checkSize(path, size: fileSize(path), headerCountIsFinal: !logged)
        do {
            try checkContent(path, whole: whole, immutable: !logged)
        } catch {
            // Another process began writing while the file was read as immutable: read it again, with locks.
            guard !logged, hasLog(path) else { throw error }
            try checkContent(path, whole: whole, immutable: false)
        }
    }

    /// A `-wal` or `-journal` beside the file: its last changes may not be in the file yet.
    static func hasLog(_ path: String) -> Bool {
        DatabaseFile.companionSize(path, "-wal") != nil || DatabaseFile.companionSize(path, "-journal") != nil
    }

    private static func fileSize(_ path: String) -> Int64 {
        var info = stat()
        return stat(path, &info) == 0 ? Int64(info.st_size) : 0
    }

    private static func damaged(_ path: String, _ why: String) -> StoreError {
        .notAVisorDatabase(path: path, reason: "damaged: \(why)")
    }

    private static func checkSize(_ path: String, size: Int64, headerCountIsFinal: Bool) throws(StoreError) {
        let header = DatabaseHeader(try DatabaseFile.readHeader(path))
        guard let pageSize = header.pageSize else { throw damaged(path, "its header gives no valid page size") }
        guard size % Int64(pageSize) == 0 else {
            throw damaged(path, "its size (\(size) bytes) is not a whole number of \(pageSize)-byte pages")
        }
        if headerCountIsFinal, let pages = header.pageCount, Int64(pages) * Int64(pageSize) != size {
            throw damaged(path, "its header counts \(pages) pages but the file holds \(size / Int64(pageSize))")
        }
    }

    private static func checkContent(_ path: String, whole: Bool, immutable: Bool) throws(StoreError) {
        do {
            var configuration = Configuration()
            configuration.readonly = true
            configuration.busyMode = .timeout(Double(AppDatabase.busyTimeoutMilliseconds) / 1000)
            configuration.label = "visor.check"
            let queue = try DatabaseQueue(path: SQLiteURI.readOnly(path, immutable: immutable),
                                          configuration: configuration)
            defer { try? queue.close() }
            let problem: String? = try queue.read { db in
                _ = try Int.fetchOne(db, sql: "PRAGMA schema_version")
                let tables = Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_schema WHERE type = 'table'"))
                let checks: [String] = whole ? ["PRAGMA quick_check"]
                    : openingTables.filter { $0 == "sqlite_schema" || tables.contains($0) }
                        .map { "PRAGMA quick_check(\"\($0)\")" }
                for sql in checks {
                    let result = try String.fetchAll(db, sql: sql)
                    if result != ["ok"] { return result.first ?? "the check gave no answer" }
                }
                return nil
            }
            if let problem { throw damaged(path, problem) }
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError where [.SQLITE_CORRUPT, .SQLITE_NOTADB].contains(error.resultCode) {
            throw damaged(path, error.message ?? "malformed")
        } catch let error as DatabaseError
                    where !immutable && error.resultCode == .SQLITE_CANTOPEN && DatabaseFile.companionSize(path, "-shm") == nil {
            // A log to read needs its -shm index, which a process that may not write the folder cannot create.
            let name = (path as NSString).lastPathComponent
            throw .noInput("\(path): \(name)-wal holds changes not yet in the file, and \(name)-shm, needed to read "
                + "them, is missing and cannot be created here: open the register once as a user who may write it")
        } catch {
            throw AppDatabase.storeError(error, path: path, creating: false)
        }
    }
}

/// The `file:` URIs through which SQLite opens a register read-only.
enum SQLiteURI {
    /// `file:PATH?mode=ro`, with `&immutable=1` when no other process can be
    /// writing the file (SQLite then takes no locks and creates no `-shm`).
    /// The system SQLite is built with URI filenames on (Debian: SQLITE_USE_URI).
    static func readOnly(_ path: String, immutable: Bool) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/._-~".utf8)
        var encoded = ""
        for byte in absolute.utf8 {
            if allowed.contains(byte) {
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                encoded += String(format: "%%%02X", byte)
            }
        }
        return "file:\(encoded)?mode=ro" + (immutable ? "&immutable=1" : "")
    }
}
