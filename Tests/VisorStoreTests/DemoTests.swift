import Foundation
import GRDB
import Testing
import Dispatch
import Synchronization
import VisorDomain
import VisorDemo
import VisorRegister
@testable import VisorStore

/// What a test needs to know of one demonstration register, gathered once and
/// the file deleted: each demo costs a real scrypt hash (about 2 s in a debug build).
struct DemoFacts: Sendable {
    /// A digest of every table but the audit trail, password salts left out.
    var tableDigests: [String: UInt64]
    var counts: [String: Int]
    /// Nominals by "category/level".
    var byCategoryAndLevel: [String: Int]
    var metaRegister: String?
    var users: [String: User]
    var passwordHashes: [String: String]
    /// The agency name of each user.
    var userAgencies: [String: String]
    var agencyNames: Set<String>

    static func gather(_ path: String) throws -> DemoFacts {
        let database = try AppDatabase.open(path: path, clock: StoreFixtures.clock)
        defer { try? database.close() }
        let facts = try database.read { db in
            let tables = try String.fetchAll(db, sql: """
                SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
                    AND name <> 'audit_event' ORDER BY name
                """)
            var digests: [String: UInt64] = [:]
            var counts: [String: Int] = [:]
            for table in tables {
                var lines: [String] = []
                for row in try Row.fetchAll(db, sql: "SELECT * FROM \"\(table)\"") {
                    lines.append(row.map { column, value -> String in
                        if table == "user_account", column == "password_hash", let hash = String.fromDatabaseValue(value) {
                            // The algorithm and cost, not the salt or the key.
                            return column + "=" + hash.split(separator: "$").prefix(4).joined(separator: "$")
                        }
                        return column + "=" + value.description
                    }.joined(separator: "|"))
                }
                digests[table] = fnv1a(lines.sorted().joined(separator: "\n"))
                counts[table] = lines.count
            }
            var byCategoryAndLevel: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT mappa_category, mappa_level, count(*) AS n FROM nominal GROUP BY 1, 2
                """) {
                byCategoryAndLevel["\(row["mappa_category"] as Int)/\(row["mappa_level"] as Int)"] = row["n"]
            }
            var hashes: [String: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT username, password_hash FROM user_account") {
                hashes[row["username"]] = row["password_hash"]
            }
            var agencies: [String: String] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT u.username, a.name FROM user_account u JOIN agency a ON a.id = u.agency_id
                """) {
                agencies[row["username"]] = row["name"]
            }
            return DemoFacts(
                tableDigests: digests, counts: counts, byCategoryAndLevel: byCategoryAndLevel,
                metaRegister: try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'register'"),
                users: [:], passwordHashes: hashes, userAgencies: agencies,
                agencyNames: Set(try String.fetchAll(db, sql: "SELECT name FROM agency")))
        }
        var withUsers = facts
        for name in ["spo", "cpc", "om", "admin", "police", "prison"] {
            withUsers.users[name] = try database.user(named: name)
        }
        return withUsers
    }

    static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return hash
    }

    var categoryCounts: [Int: Int] {
        var counts: [Int: Int] = [:]
        for (key, n) in byCategoryAndLevel { counts[Int(key.prefix(1))!, default: 0] += n }
        return counts
    }

    var levelCounts: [Int: Int] {
        var counts: [Int: Int] = [:]
        for (key, n) in byCategoryAndLevel { counts[Int(key.suffix(1))!, default: 0] += n }
        return counts
    }
}

/// The demonstration registers the suite looks at, each made once.
enum DemoRegisters {
    static func make(nominals: Int, seed: UInt64, today: LocalDate = StoreFixtures.today) -> Result<DemoFacts, StoreError> {
        do {
            let folder = try TemporaryFolder("demo")
            let path = folder.file("demo.sqlite")
            _ = try AppDatabase.createDemo(path: path, nominals: nominals, seed: seed, today: today,
                                           clock: StoreFixtures.clock)
            return .success(try DemoFacts.gather(path))
        } catch let error as StoreError {
            return .failure(error)
        } catch {
            return .failure(.io("\(error)"))
        }
    }

    static let seven = make(nominals: 2_000, seed: 7)
    static let sevenAgain = make(nominals: 2_000, seed: 7)
    static let eight = make(nominals: 2_000, seed: 8)

    /// A demo of 2,000 nominals replaced, at the same path, by one of `--nominals 0`.
    static let replacedByEmpty: Result<(first: DemoFacts, second: DemoFacts), StoreError> = {
        do {
            let folder = try TemporaryFolder("demo")
            let path = folder.file("demo.sqlite")
            _ = try AppDatabase.createDemo(path: path, nominals: 300, seed: 3, today: StoreFixtures.today,
                                           clock: StoreFixtures.clock)
            let first = try DemoFacts.gather(path)
            _ = try AppDatabase.createDemo(path: path, nominals: 0, seed: 4, today: StoreFixtures.today,
                                           clock: StoreFixtures.clock)
            return .success((first, try DemoFacts.gather(path)))
        } catch let error as StoreError {
            return .failure(error)
        } catch {
            return .failure(.io("\(error)"))
        }
    }()
}

@Suite("Demo register")
struct DemoTests {
    @Test("The same seed and date give the same data in every table (audit trail and salts aside)")
    func sameSeedSameData() throws {
        let first = try DemoRegisters.seven.get()
        let second = try DemoRegisters.sevenAgain.get()
        #expect(first.counts["nominal"] == 2_000)
        #expect(first.tableDigests.keys.sorted() == second.tableDigests.keys.sorted())
        for table in first.tableDigests.keys.sorted() {
            #expect(first.tableDigests[table] == second.tableDigests[table], "table \(table) differs")
        }
    }

    @Test("A different seed gives different nominals")
    func differentSeedDifferentData() throws {
        let seven = try DemoRegisters.seven.get()
        let eight = try DemoRegisters.eight.get()
        #expect(seven.counts["nominal"] == eight.counts["nominal"])
        #expect(seven.tableDigests["nominal"] != eight.tableDigests["nominal"])
        #expect(seven.tableDigests["name_key"] != eight.tableDigests["name_key"])
    }

    @Test("Categories and levels in issue 2's proportions: ~75% cat 1, ~24% cat 2, <1% cat 3–4, ~98% level 1")
    func proportions() throws {
        let facts = try DemoRegisters.seven.get()
        let total = Double(try #require(facts.counts["nominal"]))
        let category = facts.categoryCounts.mapValues { Double($0) / total }
        let level = facts.levelCounts.mapValues { Double($0) / total }
        #expect((0.70...0.80).contains(category[1] ?? 0), "category 1: \(category[1] ?? 0)")
        #expect((0.19...0.29).contains(category[2] ?? 0), "category 2: \(category[2] ?? 0)")
        let threeAndFour = (category[3] ?? 0) + (category[4] ?? 0)
        #expect(threeAndFour > 0 && threeAndFour < 0.01, "categories 3 and 4: \(threeAndFour)")
        #expect((0.96...0.995).contains(level[1] ?? 0), "level 1: \(level[1] ?? 0)")
        #expect((level[2] ?? 0) > 0 && (level[3] ?? 0) > 0)
        #expect(facts.byCategoryAndLevel["3/1"] == nil)
    }

    @Test("The six demo users: agencies and roles of cli.md, password demo, valid clearance, instruction acknowledged")
    func demoUsers() throws {
        let facts = try DemoRegisters.seven.get()
        let expected: [(String, String, Set<Role>)] = [
            ("spo", "London", [.spo]), ("cpc", "London", [.cpc, .supervisor]), ("om", "London", [.offenderManager]),
            ("admin", "London", [.administrator, .accountCreator]),
            ("police", "Metropolitan Police Service", [.partnerUser, .cpc]), ("prison", "HMP Belmarsh", [.partnerUser]),
        ]
        #expect(facts.agencyNames.isSuperset(of: AgencyCatalog.all.map(\.name)))
        for (name, agency, roles) in expected {
            let user = try #require(facts.users[name], "no demo user \(name)")
            #expect(facts.userAgencies[name] == agency, "\(name)")
            #expect(user.roles == roles, "\(name)")
            #expect(user.isActive)
            #expect(user.acknowledgedAt != nil, "\(name) has not acknowledged the instruction")
            #expect(user.rolesLackingClearance(on: StoreFixtures.today, policy: .standard).isEmpty,
                    "\(name) lacks a clearance")
        }
        // Each user has a salt of their own, and every hash is of "demo".
        let hashes = try expected.map { name, _, _ in try #require(facts.passwordHashes[name]) }
        #expect(Set(hashes).count == hashes.count)
        #expect(hashes.allSatisfy { $0.hasPrefix("scrypt$14$8$5$") })
        let verified = Mutex([Bool](repeating: false, count: hashes.count))
        DispatchQueue.concurrentPerform(iterations: hashes.count) { index in
            let ok = PasswordHasher.verify("demo", against: hashes[index])
            verified.withLock { $0[index] = ok }
        }
        #expect(verified.withLock { $0 }.allSatisfy { $0 })
    }

    @Test("--nominals 0 gives the agencies and staff alone, and replaces an earlier demo at the same path")
    func emptyDemoReplacesEarlier() throws {
        let (first, second) = try DemoRegisters.replacedByEmpty.get()
        #expect(first.counts["nominal"] == 300)
        #expect(second.counts["nominal"] == 0)
        #expect(second.counts["partnership"] == 0)
        #expect(second.counts["partner_request"] == 0)
        #expect(second.counts["extract_case"] == 0)
        #expect(second.counts["agency"] == AgencyCatalog.all.count)
        #expect((second.counts["user_account"] ?? 0) > 6)
        #expect(second.users.count == 6)
        #expect(second.metaRegister == "demo")
    }

    @Test("A register that is not a demo is never overwritten (.cannotCreate), and stays as it was")
    func refusesNonDemoRegister() throws {
        let register = try TestRegister()
        _ = try register.importRows([ExtractRow.valid(1)])
        let before = try register.snapshot()
        let error = #expect(throws: StoreError.self) {
            try AppDatabase.createDemo(path: register.path, nominals: 0, seed: 1, today: StoreFixtures.today,
                                       clock: StoreFixtures.clock)
        }
        guard case .cannotCreate(let message)? = error else {
            Issue.record("expected cannotCreate, got \(String(describing: error))")
            return
        }
        #expect(message.contains("not a demonstration"))
        #expect(try register.snapshot() == before)
        #expect(try register.database.meta("register") == "live")
    }
}
