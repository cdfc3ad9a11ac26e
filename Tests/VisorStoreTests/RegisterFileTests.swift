import Foundation
import GRDB
import Testing
import VisorDomain
import VisorRegister
@testable import VisorStore

/// Files handled as a careful database tool would (issue 11, item 5): a damaged
/// register, a device, a FIFO, a socket, or an empty file beside another
/// database's log is refused before anything is written, byte for byte as it was.
@Suite("Register files: refused before any write")
struct RegisterFileTests {
    /// The null device's numbers (major 1, minor 3) as Linux encodes small ones: `makedev` is a C macro.
    static let nullDevice = dev_t(1 << 8 | 3)

    typealias FileState = ProbeTests.FileState

    /// A register made by `createRegister`, closed (its log checkpointed), in a folder of its own.
    static func register(_ folder: TemporaryFolder) throws -> String {
        let path = folder.file("register.sqlite")
        try RegisterTemplate.files.get().copy(to: path)
        // Opened and closed once, so that everything is in the main file and no -wal is left beside it.
        try AppDatabase.open(path: path, clock: StoreFixtures.clock).close()
        try #require(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["register.sqlite"])
        return path
    }

    /// Overwrites page `number` (1-based) of the file with a repeated pattern.
    static func damage(_ path: String, page number: Int) throws {
        let handle = try #require(FileHandle(forUpdatingAtPath: path))
        defer { try? handle.close() }
        let pageSize = 16_384
        try handle.seek(toOffset: UInt64((number - 1) * pageSize))
        try handle.write(contentsOf: Data(repeating: 0xA5, count: pageSize))
    }

    @Test("A register with a damaged page is refused, byte for byte unchanged, with nothing left beside it",
          arguments: [2, 5, 12])
    func damagedPage(page: Int) throws {
        let folder = try TemporaryFolder("damaged")
        let path = try Self.register(folder)
        try Self.damage(path, page: page)
        let before = try FileState(path)

        let reason = ProbeTests.expectRefused(path)

        #expect(reason?.hasPrefix("damaged") == true, "\(reason ?? "opened")")
        try FileState.expectUnchanged(path, since: before, folder: folder.path, holding: ["register.sqlite"])
    }

    @Test("Above the whole-check size, the tables opening uses are checked (page 2, the migrations); a nominal page is left to SQLite")
    func largeRegisterCheck() throws {
        let folder = try TemporaryFolder("damaged")
        let path = try Self.register(folder)
        try Self.damage(path, page: 12)
        // The nominal table's page is not read when only the opening tables are checked.
        try RegisterHealth.check(path, wholeCheckLimit: 0)
        #expect(throws: StoreError.self) { try RegisterHealth.check(path) }
        try Self.damage(path, page: 2)
        let error = #expect(throws: StoreError.self) { try RegisterHealth.check(path, wholeCheckLimit: 0) }
        guard case .notAVisorDatabase(_, let reason)? = error else {
            Issue.record("expected notAVisorDatabase, got \(String(describing: error))")
            return
        }
        #expect(reason.hasPrefix("damaged"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["register.sqlite"])
    }

    @Test("A register cut short by a page is refused and left as it was")
    func truncated() throws {
        let folder = try TemporaryFolder("damaged")
        let path = try Self.register(folder)
        var info = stat()
        try #require(stat(path, &info) == 0)
        try #require(truncate(path, info.st_size - 16_384) == 0)
        let before = try FileState(path)

        #expect(ProbeTests.expectRefused(path)?.hasPrefix("damaged") == true)
        try FileState.expectUnchanged(path, since: before, folder: folder.path, holding: ["register.sqlite"])
    }

    @Test("A socket is refused without being opened, chmodded, or given a -journal")
    func socket() throws {
        let folder = try TemporaryFolder("special")
        let path = folder.file("visor.sock")
        let fd = Glibc.socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        try #require(fd >= 0)
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in path.utf8.enumerated() where index < raw.count - 1 { raw[index] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        try #require(bound == 0)
        chmod(path, 0o666)

        #expect(ProbeTests.expectRefused(path) == "it is a socket")
        #expect(Self.mode(path) == 0o666)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["visor.sock"])
    }

    @Test("A character device is refused without a chmod or a -journal (needs root to make one)",
          .enabled(if: getuid() == 0))
    func characterDevice() throws {
        let folder = try TemporaryFolder("special")
        let path = folder.file("null")
        // The null device's numbers (1, 3), made in the test's own folder.
        try #require(mknod(path, S_IFCHR | 0o666, Self.nullDevice) == 0)
        chmod(path, 0o666)

        #expect(ProbeTests.expectRefused(path) == "it is a character device")
        #expect(Self.mode(path) == 0o666)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["null"])
    }

    @Test("A FIFO is refused at once, without being opened (opening one blocks until a writer comes)")
    func fifo() throws {
        let folder = try TemporaryFolder("special")
        let path = folder.file("pipe")
        try #require(mkfifo(path, 0o644) == 0)
        chmod(path, 0o644)
        #expect(ProbeTests.expectRefused(path) == "it is a FIFO (named pipe)")
        #expect(Self.mode(path) == 0o644)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["pipe"])
    }

    @Test("An empty or missing register file beside another database's -wal or -journal is refused, not adopted",
          arguments: [("-wal", true), ("-journal", true), ("-wal", false)])
    func strangersLog(suffix: String, emptyFile: Bool) throws {
        let folder = try TemporaryFolder("stranger")
        // A real log of another database: written while its connection stays open, then copied.
        let other = folder.file("other.db")
        let queue = try DatabaseQueue(path: other)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA journal_mode = \(suffix == "-wal" ? "WAL" : "DELETE")")
            try db.execute(sql: "CREATE TABLE notes (text)")
            try db.execute(sql: "INSERT INTO notes VALUES ('theirs')")
        }
        let log = suffix == "-wal" ? try #require(FileManager.default.contents(atPath: other + "-wal"))
            : Data("not empty: a hot journal of someone else's".utf8)
        try queue.close()
        try #require(!log.isEmpty)
        let path = folder.file("visor.sqlite")
        if emptyFile { try folder.write("visor.sqlite", "") }
        try log.write(to: URL(fileURLWithPath: path + suffix))
        let logBefore = try FileState(path + suffix)

        do {
            let database = try AppDatabase.open(path: path, clock: StoreFixtures.clock)
            Issue.record("a register was made beside \(suffix)")
            try? database.close()
        } catch {
            guard case .noInput(let message) = error else {
                Issue.record("expected noInput, got \(error)")
                return
            }
            #expect(message.contains("visor.sqlite\(suffix)"), "\(message)")
        }
        #expect(try FileState(path + suffix) == logBefore)
        #expect(FileManager.default.fileExists(atPath: path) == emptyFile)
        if emptyFile { #expect(FileManager.default.contents(atPath: path) == Data()) }
    }

    static func mode(_ path: String) -> mode_t {
        var info = stat()
        guard lstat(path, &info) == 0 else { return 0 }
        return info.st_mode & 0o777
    }
}
