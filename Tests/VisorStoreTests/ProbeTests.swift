import Foundation
import GRDB
import Testing
import VisorDomain
import VisorDemo
import VisorRegister
@testable import VisorStore

/// The read-only probe (cli.md): any file that is not a Visor database is
/// refused before SQLite touches it, and left byte-for-byte as it was.
@Suite("Probe: foreign files are refused and untouched")
struct ProbeTests {
    /// The bytes, modification time and mode of a file, and what lies beside it.
    struct FileState: Equatable {
        var bytes: Data
        var modified: timespec
        var mode: mode_t
        var neighbours: [String]

        init(_ path: String) throws {
            bytes = try #require(FileManager.default.contents(atPath: path))
            var info = stat()
            try #require(stat(path, &info) == 0)
            modified = info.st_mtim
            mode = info.st_mode
            neighbours = try FileManager.default.contentsOfDirectory(
                atPath: (path as NSString).deletingLastPathComponent).sorted()
        }

        static func == (lhs: FileState, rhs: FileState) -> Bool {
            lhs.bytes == rhs.bytes && lhs.modified.tv_sec == rhs.modified.tv_sec
                && lhs.modified.tv_nsec == rhs.modified.tv_nsec && lhs.mode == rhs.mode
                && lhs.neighbours == rhs.neighbours
        }

        /// Expects the file at `path` to be as it was `before`, and `folder` to hold only `names`
        /// (no -wal, -shm or -journal left beside it).
        static func expectUnchanged(_ path: String, since before: FileState, folder: String, holding names: [String],
                                    sourceLocation: SourceLocation = #_sourceLocation) throws {
            #expect(try FileState(path) == before, sourceLocation: sourceLocation)
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == names, sourceLocation: sourceLocation)
        }
    }

    /// Opens `path` as a register and expects the refusal; returns its reason.
    static func expectRefused(_ path: String) -> String? {
        do {
            let database = try AppDatabase.open(path: path, clock: StoreFixtures.clock)
            Issue.record("\(path) was opened as a register")
            try? database.close()
            return nil
        } catch {
            guard case .notAVisorDatabase(let refusedPath, let reason) = error else {
                Issue.record("expected notAVisorDatabase, got \(error)")
                return nil
            }
            #expect(refusedPath == path)
            return reason
        }
    }

    /// Another program's SQLite database, written with GRDB, closed.
    func foreignDatabase(_ path: String, wal: Bool) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in
            if wal { try db.execute(sql: "PRAGMA journal_mode = WAL") }
            try db.execute(sql: "PRAGMA application_id = 1234")
            try db.execute(sql: "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
            try db.execute(sql: "INSERT INTO notes (text) VALUES ('mine, not Visor''s')")
        }
        try queue.close()
    }

    @Test("A text file, a long one (over the 100-byte header), or one cut short inside the SQLite header is refused and left unchanged, with no -wal or -shm beside it",
          arguments: [
              ("notes.txt", "These are my notes.\nNot a database.\n"),
              ("report.csv", String(repeating: "crn,surname\nX123456,Smith\n", count: 50)),
              ("short.db", "SQLite format 3\u{0}abc"),
          ])
    func notSQLite(name: String, text: String) throws {
        let folder = try TemporaryFolder("probe")
        let path = try folder.write(name, text)
        let before = try FileState(path)

        #expect(Self.expectRefused(path) == "not an SQLite database")

        try FileState.expectUnchanged(path, since: before, folder: folder.path, holding: [name])
    }

    @Test("Another program's SQLite database is refused and left unchanged", arguments: [false, true])
    func foreignSQLite(wal: Bool) throws {
        let folder = try TemporaryFolder("probe")
        let path = folder.file("other.db")
        try foreignDatabase(path, wal: wal)
        try #require(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["other.db"])
        let before = try FileState(path)

        #expect(Self.expectRefused(path) == "another program's SQLite database")

        try FileState.expectUnchanged(path, since: before, folder: folder.path, holding: ["other.db"])
    }

    @Test("An SQLite database without an application id is refused")
    func sqliteWithoutApplicationID() throws {
        let folder = try TemporaryFolder("probe")
        let path = folder.file("plain.sqlite")
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in try db.execute(sql: "CREATE TABLE t (x)") }
        try queue.close()
        let before = try FileState(path)
        #expect(Self.expectRefused(path) == "another program's SQLite database")
        #expect(try FileState(path) == before)
    }

    @Test("A directory is refused")
    func directory() throws {
        let folder = try TemporaryFolder("probe")
        try FileManager.default.createDirectory(atPath: folder.file("db"), withIntermediateDirectories: false)
        #expect(Self.expectRefused(folder.file("db")) == "it is a directory")
    }

    @Test("The demo refuses a foreign file before touching it")
    func demoRefusesForeignFile() throws {
        let folder = try TemporaryFolder("probe")
        let path = folder.file("other.db")
        try foreignDatabase(path, wal: false)
        let before = try FileState(path)
        #expect(throws: StoreError.notAVisorDatabase(path: path, reason: "another program's SQLite database")) {
            try AppDatabase.createDemo(path: path, nominals: 0, seed: 1, today: StoreFixtures.today,
                                       clock: StoreFixtures.clock)
        }
        #expect(try FileState(path) == before)
    }

    @Test("A zero-byte file becomes a new, private register")
    func zeroByteFile() throws {
        let folder = try TemporaryFolder("probe")
        let path = try folder.write("empty.sqlite", "")
        chmod(path, 0o644)
        #expect(try DatabaseFile.probe(path) == .absent)

        let database = try AppDatabase.open(path: path, clock: StoreFixtures.clock)
        #expect(try database.holdsRegister() == false)
        #expect(try database.read { db in try Int32.fetchOne(db, sql: "PRAGMA application_id") } == 0x5649_5352)
        #expect(try database.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM nominal") } == 0)
        var info = stat()
        #expect(stat(path, &info) == 0)
        #expect(info.st_mode & 0o777 == 0o600)
        try database.close()
        // Opened again, it is recognised as Visor's own.
        #expect(try DatabaseFile.probe(path) == .visor)
        try AppDatabase.open(path: path, clock: StoreFixtures.clock).close()
    }

    @Test("A missing file becomes a new register")
    func missingFile() throws {
        let folder = try TemporaryFolder("probe")
        let path = folder.file("visor.sqlite")
        #expect(try DatabaseFile.probe(path) == .absent)
        try AppDatabase.open(path: path, clock: StoreFixtures.clock).close()
        #expect(try DatabaseFile.probe(path) == .visor)
    }
}
