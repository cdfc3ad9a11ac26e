import Foundation
import GRDB
import Synchronization
import Testing
import VisorDomain
import VisorDemo
import VisorRegister
@testable import VisorStore

/// Shared by the store's import, sign-in, schema, probe and demo tests: a
/// temporary folder per test, a register with its first administrator, and
/// extract files written from rows.
enum StoreFixtures {
    static let today = LocalDate(year: 2026, month: 11, day: 25)!
    static let clock = FixedClock(date: today)
    static let adminName = "root"
    static let adminPassword = "correct horse battery"

    /// A register in a new temporary folder named from `prefix`, holding agencies.md's agencies as
    /// joining on `joinedOn` (as `createRegister` writes them, without its scrypt hash: seconds in a
    /// debug build), and the agencies as read back.
    static func catalogueRegister(_ prefix: String, clock: any VisorClock, joinedOn: LocalDate) throws
        -> (folder: String, database: AppDatabase, agencies: [String: Agency]) {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        let database = try AppDatabase.open(path: url.path + "/register.sqlite", clock: clock)
        try database.write { db in try AgencyRows.insertCatalog(db, createdOn: joinedOn) }
        let agencies = Dictionary(uniqueKeysWithValues: try database.agencies().map { ($0.name, $0) })
        return (url.path, database, agencies)
    }

    /// The check character of domain.md: `"ZABCDEFGHJKLMNPQRTUVWXY"[number mod 23]`.
    static func checkCharacter(_ number: Int) -> Character {
        let table = Array("ZABCDEFGHJKLMNPQRTUVWXY")
        return table[number % 23]
    }

    /// A valid PNC ID in the short form `YY/SERIALC`, e.g. `pnc(79, 163001)` is `79/163001B`.
    static func pnc(_ year: Int, _ serial: Int) -> String {
        "\(String(format: "%02d", year))/\(serial)\(checkCharacter(year * 10_000_000 + serial))"
    }

    /// The stored form `YYYY/NNNNNNNC` of `pnc(year, serial)` for a year after the current one (19YY).
    static func storedPNC(_ year: Int, _ serial: Int) -> String {
        "19\(String(format: "%02d", year))/\(String(format: "%07d", serial))\(checkCharacter(year * 10_000_000 + serial))"
    }

    /// A valid CRO number `NNNNNN/YYC`.
    static func cro(_ serial: Int, _ year: Int) -> String {
        let serial6 = String(format: "%06d", serial)
        let year2 = String(format: "%02d", year)
        return "\(serial6)/\(year2)\(checkCharacter(Int(year2 + serial6)!))"
    }

    /// scrypt (N = 2^10, r = 8, p = 1) of "secret" with the salt 00 01 … 0F, made by Python's
    /// `hashlib.scrypt`: a cheap hash in PasswordHasher's stored form, so sign-in tests do not
    /// pay the full cost (2^14, 8, 5) on every attempt — and proof that verification is standard scrypt.
    static let cheapPassword = "secret"
    static let cheapHash = "scrypt$10$8$1$AAECAwQFBgcICQoLDA0ODw==$Mdc/jTCPy+uU8aSLbM+FGBQC/AXSzfWCsAUkF/VYCgk="

    /// A CRN `X` + six digits.
    static func crn(_ number: Int) -> String { "X" + String(format: "%06d", number) }
}

/// A folder of its own for one test, removed afterwards.
final class TemporaryFolder: Sendable {
    let path: String

    init(_ label: String = "store") throws {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("visor-\(label)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        path = url.path
    }

    func file(_ name: String) -> String { path + "/" + name }

    /// Writes `text` to `name` in the folder; returns its path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let destination = file(name)
        try Data(text.utf8).write(to: URL(fileURLWithPath: destination))
        return destination
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

/// A clock a test moves forward: a Mutex-protected instant.
final class TestClock: VisorClock {
    private let instant: Mutex<Date>

    init(_ start: Date) { instant = Mutex(start) }
    convenience init(date: LocalDate) { self.init(LondonTime.instant(date, hour: 12)) }

    func now() -> Date { instant.withLock { $0 } }

    func advance(minutes: Double) { instant.withLock { $0 = $0.addingTimeInterval(minutes * 60) } }
}

/// One row of an extract: valid by default, any column overridden by subscript.
struct ExtractRow: Sendable {
    var values: [ExtractColumn: String]

    /// A valid community case of London probation, numbered `n` (crn `X00000n`, its own PNC).
    static func valid(_ n: Int) -> ExtractRow {
        ExtractRow(values: [
            .crn: StoreFixtures.crn(n),
            .pncID: StoreFixtures.pnc(79, 163_000 + n),
            .croNumber: "",
            .nomsNumber: "",
            .surname: "Smith",
            .forenames: "John Paul",
            .dateOfBirth: "1980-05-17",
            .gender: "M",
            .ethnicity: "W1",
            .mappaCategory: "1",
            .mappaLevel: "1",
            .managingAgency: "probation",
            .managingUnit: "London",
            .custodyStatus: "community",
            .establishment: "",
            .custodyStartDate: "",
            .releaseDate: "",
            .releaseDateType: "",
            .mappEntryDate: "",
            .orderType: "community_order",
            .offenderManager: "",
            .policeForce: "Metropolitan Police Service",
            .probationArea: "London",
            .roshLevel: "medium",
            .roshDate: "2026-01-10",
            .lastNotificationDate: "2026-02-01",
        ])
    }

    subscript(_ column: ExtractColumn) -> String {
        get { values[column] ?? "" }
        set { values[column] = newValue }
    }

    /// With one column changed.
    func with(_ column: ExtractColumn, _ value: String) -> ExtractRow {
        var copy = self
        copy[column] = value
        return copy
    }

    /// The CSV line, columns in the order of `DemoExtractFile.header`, quoted where RFC 4180 needs it.
    var line: String {
        ExtractColumn.allCases.map { column in
            let field = self[column]
            guard field.contains(",") || field.contains("\"") else { return field }
            return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }.joined(separator: ",")
    }

    /// A whole file: the header, then these rows, LF line endings, a final newline.
    static func file(_ rows: [ExtractRow]) -> String {
        file(lines: rows.map(\.line))
    }

    /// A whole file from raw data lines.
    static func file(lines: [String]) -> String {
        ([DemoExtractFile.header] + lines).map { $0 + "\n" }.joined()
    }
}

/// What an import reported through its closures and its summary.
struct ImportOutcome {
    var report: ImportReport
    var faults: [String]
    var warnings: [String]
}

/// Counts of every table and a checksum of the nominal rows: equal snapshots
/// mean the register was not changed.
struct RegisterSnapshot: Equatable, CustomStringConvertible {
    var counts: [String: Int]
    var nominalChecksum: UInt64

    var description: String {
        counts.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            + " nominal#\(String(nominalChecksum, radix: 16))"
    }
}

/// The bytes of a register made by `createRegister` (administrator `root`, London), made once per
/// test process and copied for each test: a real scrypt hash costs about a second in a debug build.
enum RegisterTemplate {
    /// The database file and its write-ahead log, if one outlived closing.
    struct Files: Sendable {
        var main: Data
        var wal: Data?

        func copy(to path: String) throws {
            try main.write(to: URL(fileURLWithPath: path))
            chmod(path, 0o600)
            if let wal {
                try wal.write(to: URL(fileURLWithPath: path + "-wal"))
                chmod(path + "-wal", 0o600)
            }
        }
    }

    static let files: Result<Files, StoreError> = {
        do throws(StoreError) {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("visor-template-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            let path = folder.appendingPathComponent("template.sqlite").path
            let database = try AppDatabase.open(path: path, clock: StoreFixtures.clock)
            _ = try database.createRegister(adminUsername: StoreFixtures.adminName, agencyName: "London",
                                            password: StoreFixtures.adminPassword, clearance: .bscCRB)
            try database.close()
            guard let main = FileManager.default.contents(atPath: path) else { throw .io("template not readable") }
            return .success(Files(main: main, wal: FileManager.default.contents(atPath: path + "-wal")))
        } catch {
            return .failure(error)
        }
    }()
}

/// A register in a temporary folder with its first administrator (London probation).
struct TestRegister {
    let folder: TemporaryFolder
    let database: AppDatabase
    let admin: User

    init(clock: any VisorClock = StoreFixtures.clock) throws {
        folder = try TemporaryFolder("register")
        let path = folder.file("register.sqlite")
        try RegisterTemplate.files.get().copy(to: path)
        database = try AppDatabase.open(path: path, clock: clock)
        admin = try #require(try database.user(named: StoreFixtures.adminName))
    }

    /// Adds a user (password `StoreFixtures.cheapPassword`) with these roles and clearance.
    @discardableResult
    func addUser(_ username: String, agency: String = "London", roles: [Role], clearance: Clearance?,
                 staffID: String? = nil, hash: String = StoreFixtures.cheapHash) throws -> User {
        let agencyID = try self.agencyID(agency)
        let id = try database.write { db in
            try UserRows.insert(db, username: username, fullName: username.capitalized, agencyID: agencyID,
                                staffID: staffID, passwordHash: hash, roles: roles, clearance: clearance,
                                createdAt: StoreFixtures.clock.now(), createdOn: StoreFixtures.today,
                                acknowledgedAt: nil)
        }
        return try #require(try database.user(id: id))
    }

    var path: String { database.path }

    /// Writes an extract of `rows`; returns its path.
    func writeCSV(_ rows: [ExtractRow], name: String = "extract.csv") throws -> String {
        try folder.write(name, ExtractRow.file(rows))
    }

    /// Runs `importExtract` as the administrator, collecting the fault and warning lines.
    func importFile(_ path: String, skipInvalid: Bool = false, addAgencies: Bool = false,
                    as user: User? = nil) throws -> ImportOutcome {
        var faults: [String] = []
        var warnings: [String] = []
        let report = try database.importExtract(
            path: path, options: ImportOptions(skipInvalid: skipInvalid, addAgencies: addAgencies), by: user ?? admin,
            onFault: { faults.append($0.description) }, onWarning: { warnings.append($0) })
        return ImportOutcome(report: report, faults: faults, warnings: warnings)
    }

    /// Writes `rows` and imports them.
    func importRows(_ rows: [ExtractRow], skipInvalid: Bool = false, addAgencies: Bool = false) throws
        -> ImportOutcome {
        try importFile(writeCSV(rows, name: "rows-\(UUID().uuidString).csv"), skipInvalid: skipInvalid,
                       addAgencies: addAgencies)
    }

    /// The nominal with this crn, as stored.
    func nominal(crn: String) throws -> Row? {
        try database.read { db in try Row.fetchOne(db, sql: "SELECT * FROM nominal WHERE crn = ?", arguments: [crn]) }
    }

    func count(_ sql: String, _ arguments: StatementArguments = []) throws -> Int {
        try database.read { db in try Int.fetchOne(db, sql: sql, arguments: arguments) ?? -1 }
    }

    func agencyID(_ name: String) throws -> AgencyID {
        try #require(try database.agencies().first { $0.name == name }).id
    }

    func snapshot() throws -> RegisterSnapshot {
        try database.read { db in
            let tables = try String.fetchAll(db, sql: """
                SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name
                """)
            var counts: [String: Int] = [:]
            for table in tables {
                counts[table] = try Int.fetchOne(db, sql: "SELECT count(*) FROM \"\(table)\"") ?? -1
            }
            // FNV-1a over every column of every nominal row, in id order.
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for row in try Row.fetchAll(db, sql: "SELECT * FROM nominal ORDER BY id") {
                for byte in row.description.utf8 {
                    hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
                }
            }
            return RegisterSnapshot(counts: counts, nominalChecksum: hash)
        }
    }
}
