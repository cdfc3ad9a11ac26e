import Foundation
import GRDB
import Testing
import VisorDomain
import VisorDemo
import VisorRegister
@testable import VisorStore

/// A first large extract into an empty register: indexes dropped and rebuilt
/// from sorted rows, the file written without the write-ahead log.
@Suite("Import: a first large extract (bulk migration)")
struct ImportBulkTests {
    /// Enough rows (about 4 MB) for the import to take the bulk path.
    static let rows = 22_000

    @Test("Every row loads, every index is rebuilt, names are found, and the register is back in WAL mode")
    func bulkMigration() throws {
        let register = try TestRegister()
        let path = register.folder.file("bulk.csv")
        try DemoExtractFile.write(path: path, rows: Self.rows, seed: 3, today: StoreFixtures.today)

        let outcome = try register.importFile(path)

        #expect(outcome.faults == [])
        #expect(outcome.report.summary == "imported: \(Self.rows) created, 0 updated, 0 rejected")
        #expect(try register.count("SELECT count(*) FROM nominal") == Self.rows)
        let indexes = try register.database.read { db in
            try Set(String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index'"))
        }
        for name in (Schema.identifierIndexes + Schema.bulkIndexes).map(Schema.indexName) {
            #expect(indexes.contains(name), "index \(name) missing after the import")
        }
        let (mode, integrity) = try register.database.read { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try String.fetchOne(db, sql: "PRAGMA integrity_check"))
        }
        #expect(mode == "wal")
        #expect(integrity == "ok")
        let someKey = try #require(try register.database.read { db in
            try String.fetchOne(db, sql: "SELECT key FROM name_key ORDER BY nominal_id DESC LIMIT 1")
        })
        #expect(try register.count("SELECT count(*) FROM name_key INDEXED BY name_key_by_key WHERE key = ?",
                                   [someKey]) >= 1)
    }

    @Test("The write-ahead log is left only while nothing else has the register open")
    func journalModeNeedsTheFileAlone() throws {
        let register = try TestRegister()
        let alone = try register.database.withoutWriteAheadLog(if: true) { () throws(StoreError) in
            try register.database.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        }
        #expect(alone == "delete")
        #expect(try register.database.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") } == "wal")

        let other = try AppDatabase.open(path: register.path, clock: StoreFixtures.clock)
        let shared = try register.database.withoutWriteAheadLog(if: true) { () throws(StoreError) in
            try register.database.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        }
        #expect(shared == "wal")
        #expect(try other.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM nominal") } == 0)
    }

    @Test("With the register open elsewhere, a large first import still loads, and the other connection reads it")
    func bulkImportWhileOpenElsewhere() throws {
        let register = try TestRegister()
        let other = try AppDatabase.open(path: register.path, clock: StoreFixtures.clock)
        let path = register.folder.file("bulk.csv")
        try DemoExtractFile.write(path: path, rows: Self.rows, seed: 4, today: StoreFixtures.today)

        let outcome = try register.importFile(path)

        #expect(outcome.report.committed)
        #expect(try other.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM nominal") } == Self.rows)
    }
}

extension ImportBulkTests {
    @Test("An extract reached through a symbolic link is sized by the file it names")
    func symbolicLinkSizedByItsFile() throws {
        let folder = try TemporaryFolder("bulk-link")
        let path = folder.file("extract.csv")
        try DemoExtractFile.write(path: path, rows: 1_000, seed: 5, today: StoreFixtures.today)
        let link = folder.file("link.csv")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: path)
        #expect(ExtractStream.expectedRows(path: link) == ExtractStream.expectedRows(path: path))
        #expect(ExtractStream.expectedRows(path: link) > 500)
    }
}

extension ImportBulkTests {
    @Test("A large first import with one bad row at its end writes nothing, and the register is back in WAL mode")
    func bulkMigrationRolledBack() throws {
        let register = try TestRegister()
        let path = register.folder.file("bulk.csv")
        try DemoExtractFile.write(path: path, rows: Self.rows, seed: 6, today: StoreFixtures.today)
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data((ExtractRow.valid(1).with(.gender, "Q").line + "\n").utf8))
        try handle.close()

        let outcome = try register.importFile(path)

        #expect(!outcome.report.committed)
        #expect(outcome.faults.count == 1)
        #expect(outcome.faults.first?.hasPrefix("line \(Self.rows + 2): gender: Q:") == true)
        #expect(try register.count("SELECT count(*) FROM nominal") == 0)
        #expect(try register.count("SELECT count(*) FROM name_key") == 0)
        let mode = try register.database.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
        let indexes = try register.database.read { db in
            try Set(String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index'"))
        }
        #expect(indexes.isSuperset(of: (Schema.identifierIndexes + Schema.bulkIndexes).map(Schema.indexName)))
    }
}
