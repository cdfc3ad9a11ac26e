import GRDB
import VisorRegister

/// How the bulk paths (a first import, the demo) write a whole register at once.
extension AppDatabase {
    /// Runs `body` with the register in rollback-journal mode, when `condition`
    /// holds and no other connection has the file open; otherwise in WAL mode,
    /// unchanged. In WAL mode every page of a million nominals is written twice,
    /// once to the log and once when the log is checkpointed into the file:
    /// about 1.1 s of an 11 s import (measured). The switch needs the file to
    /// itself, so it is tried without waiting; while it holds, other processes
    /// cannot open the register, which is acceptable only for a register with no
    /// nominals yet. WAL mode is restored afterwards; were that to fail, the next
    /// open restores it (`DatabasePool` always sets it).
    package func withoutWriteAheadLog<T>(if condition: Bool, _ body: () throws(StoreError) -> T) throws(StoreError) -> T {
        // A register in memory has no log to leave.
        guard condition, !isReadOnly, let pool else { return try body() }
        pool.releaseMemory()  // closes this process's idle readers
        let switched = (try? pool.writeWithoutTransaction { db -> Bool in
            try db.execute(sql: "PRAGMA busy_timeout = 0")
            defer { try? db.execute(sql: "PRAGMA busy_timeout = \(AppDatabase.busyTimeoutMilliseconds)") }
            return try String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE") == "delete"
        }) ?? false
        defer {
            if switched {
                _ = try? pool.writeWithoutTransaction { db in try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL") }
            }
        }
        return try body()
    }

    /// Builds the dropped indexes from the written rows. SQLite's sorter keeps
    /// runs as large as the page cache and, with temporary files in memory, works
    /// on this thread alone: a million keys sorted as one linked list, missing the
    /// CPU cache at every step. A 4 MB cache and file-backed runs let it sort 4 MB
    /// runs on the second core while this one reads the table, then merge them:
    /// the nine indexes of a million nominals build in 3.1–4.0 s instead of
    /// 8.6 s (measured). The runs' temporary files are private (umask 077) and unlinked
    /// as soon as SQLite opens them.
    package static func buildIndexes(_ statements: [String], _ db: Database) throws {
        try db.execute(sql: "PRAGMA cache_size = -4096")
        try db.execute(sql: "PRAGMA temp_store = FILE")
        try db.execute(sql: "PRAGMA threads = 2")
        defer {
            try? db.execute(sql: "PRAGMA threads = 0")
            try? db.execute(sql: "PRAGMA temp_store = MEMORY")
        }
        for statement in statements {
            try PhaseTrace.importing.measure("index \(Schema.indexName(statement))") { try db.execute(sql: statement) }
        }
    }
}
