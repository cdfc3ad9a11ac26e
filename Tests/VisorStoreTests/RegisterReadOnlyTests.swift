import Foundation
import GRDB
import Testing
import VisorDomain
import VisorRegister
@testable import VisorStore

/// A register the process may only read (issue 11, item 5): opened read-only,
/// it serves reads; anything that writes — a change, a sign-in, an audited
/// view by a user — is refused with `cannotCreate` (exit 73), and the file and
/// its folder stay exactly as they were.
@Suite("Register files: a register the process may only read")
struct RegisterReadOnlyTests {
    typealias FileState = ProbeTests.FileState

    /// A closed register holding a nominal, opened again as a process that may not write it.
    static func readOnlyRegister(_ folder: TemporaryFolder) throws -> AppDatabase {
        let path = folder.file("register.sqlite")
        try RegisterTemplate.files.get().copy(to: path)
        let writable = try AppDatabase.open(path: path, clock: StoreFixtures.clock)
        let admin = try #require(try writable.user(named: StoreFixtures.adminName))
        let extract = try folder.write("one.csv", ExtractRow.file([ExtractRow.valid(1)]))
        _ = try writable.importExtract(path: extract, options: ImportOptions(), by: admin,
                                       onFault: { _ in }, onWarning: { _ in })
        try writable.close()
        try FileManager.default.removeItem(atPath: extract)
        // Opened and closed again: the log is checkpointed into the file and removed, as a register at rest is.
        try AppDatabase.open(path: path, clock: StoreFixtures.clock).close()
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        try #require(left == ["register.sqlite"], "a closed register leaves nothing beside it")
        return try AppDatabase.open(path: path, clock: StoreFixtures.clock,
                                    readOnlyReason: "the test says it may not write")
    }

    @Test("Reads are served: users, agencies, the rules' evaluation; the file and its folder are untouched")
    func reads() throws {
        let folder = try TemporaryFolder("read-only")
        let database = try Self.readOnlyRegister(folder)
        let before = try FileState(database.path)

        #expect(database.isReadOnly)
        #expect(try database.holdsRegister())
        #expect(try database.user(named: StoreFixtures.adminName) != nil)
        let evaluation = try RuleEvaluator(database: database).evaluation(asOf: StoreFixtures.today, policy: .standard,
                                                                           horizonDays: 30)
        #expect(!evaluation.actions { _ in true }.isEmpty)
        // An operator's listing is served; its audit event cannot be written, and is not attempted.
        try database.recordActionsListed(by: .operator(osUser: "auditor"), detail: "read-only test")
        try database.close()

        #expect(try FileState(database.path) == before)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(files == ["register.sqlite"])
    }

    @Test("Changes, sign-ins and a user's audited reads are refused (cannotCreate), naming the register")
    func writesRefused() throws {
        let folder = try TemporaryFolder("read-only")
        let database = try Self.readOnlyRegister(folder)
        let admin = try #require(try database.user(named: StoreFixtures.adminName))
        let extract = try folder.write("two.csv", ExtractRow.file([ExtractRow.valid(2)]))
        let before = try FileState(database.path)

        func expectRefused(_ what: String, _ body: () throws(StoreError) -> Void) {
            do throws(StoreError) {
                try body()
                Issue.record("\(what) was not refused")
            } catch {
                guard case .cannotCreate(let message) = error else {
                    Issue.record("\(what): expected cannotCreate, got \(error)")
                    return
                }
                #expect(message.hasPrefix("\(database.path): read-only for this process (the test says it may not write)"),
                        "\(what): \(message)")
            }
        }
        expectRefused("an import") { () throws(StoreError) in
            _ = try database.importExtract(path: extract, options: ImportOptions(), by: admin,
                                           onFault: { _ in }, onWarning: { _ in })
        }
        expectRefused("a sign-in") { () throws(StoreError) in
            _ = try database.signIn(username: StoreFixtures.adminName, password: StoreFixtures.adminPassword,
                                    channel: .commandLine)
        }
        expectRefused("a user's listing") { () throws(StoreError) in try database.recordActionsListed(by: .user(admin), detail: "") }
        try database.close()

        #expect(try FileState(database.path) == before)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(files == ["register.sqlite", "two.csv"])
    }

    @Test("A file and folder without write permission make the register read-only (not as root: root ignores modes)",
          .enabled(if: getuid() != 0))
    func permissions() throws {
        let folder = try TemporaryFolder("read-only")
        let path = folder.file("register.sqlite")
        try RegisterTemplate.files.get().copy(to: path)
        try AppDatabase.open(path: path, clock: StoreFixtures.clock).close()
        chmod(path, 0o400)
        chmod(folder.path, 0o500)
        defer { chmod(folder.path, 0o700) }

        let database = try AppDatabase.open(path: path, clock: StoreFixtures.clock)
        #expect(database.isReadOnly)
        #expect(try database.holdsRegister())
        try database.close()
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["register.sqlite"])
    }

    @Test("Why a register is read-only: its file, its folder, or a companion the process may not write")
    func reasons() throws {
        let folder = try TemporaryFolder("read-only")
        let path = folder.file("register.sqlite")
        try RegisterTemplate.files.get().copy(to: path)
        #expect(RegisterAccess.readOnlyReason(path, mayWrite: { _ in true }) == nil)
        #expect(RegisterAccess.readOnlyReason(path, mayWrite: { $0 != path }) == "the file is not writable")
        #expect(RegisterAccess.readOnlyReason(path, mayWrite: { $0 != folder.path }) == "its folder is not writable")
        try folder.write("register.sqlite-shm", "")
        #expect(RegisterAccess.readOnlyReason(path, mayWrite: { !$0.hasSuffix("-shm") })
            == "register.sqlite-shm is not writable")
    }
}
