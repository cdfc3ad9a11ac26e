import Foundation
import GRDB
import VisorDemo
import VisorDomain
import VisorRegister
@testable import VisorStore

/// Random writes on a demonstration register through the store's own steps,
/// as users would make them: each picks its subject at random (seeded), and
/// a refusal (the rules forbid it) is a write that did not happen.
struct RandomWrites {
    let database: AppDatabase
    let folder: TemporaryFolder
    var generator: SeededGenerator
    private(set) var log: [String] = []
    private(set) var succeeded = 0
    private var importNumber = 0

    init(database: AppDatabase, folder: TemporaryFolder, seed: UInt64) {
        self.database = database
        self.folder = folder
        generator = SeededGenerator(seed: seed)
    }

    func user(_ name: String) throws -> User {
        guard let found = try database.read({ db in try UserRows.find(db, username: name) }) else {
            throw StoreError.badInput("no demo user \(name)")
        }
        return found
    }

    mutating func pick<T>(_ values: [T]) -> T? {
        values.isEmpty ? nil : values[Int.random(in: 0..<values.count, using: &generator)]
    }

    func ids(_ sql: String) throws -> [Int64] { try database.read { db in try Int64.fetchAll(db, sql: sql) } }

    /// One random write; returns what it was.
    mutating func next() throws -> String {
        let london = try user("cpc").agencyID
        let kinds = ["request", "request", "accept", "decline", "withdraw", "add", "end", "view", "view",
                     "acknowledge", "level", "import", "reconcile", "policy"]
        let kind = pick(kinds)!
        let entry: String
        do {
            entry = try perform(kind, london: london)
            succeeded += 1
        } catch let error as StoreError {
            entry = "\(kind) refused (\(error.description.prefix(60)))"
        }
        log.append(entry)
        return entry
    }

    private mutating func perform(_ kind: String, london: AgencyID) throws -> String {
        switch kind {
        case "request":
            let who = try user(pick(["police", "prison"])!)
            let nominal = pick(try ids("SELECT id FROM nominal WHERE lifecycle = 'active' AND owner_agency_id <> \(who.agencyID)"))!
            _ = try database.requestPartnership(nominal: .id(nominal), reason: "random", by: who)
            return "request on \(nominal) by \(who.username)"
        case "accept", "decline":
            guard let request = pick(try ids("""
                SELECT r.id FROM partner_request r JOIN nominal n ON n.id = r.nominal_id
                WHERE r.state = 'pending' AND n.owner_agency_id = \(london)
                """)) else { return "\(kind): nothing pending" }
            let cpc = try user("cpc")
            if kind == "accept" {
                _ = try database.acceptPartnerRequest(request, restricted: Bool.random(using: &generator), by: cpc)
            } else {
                _ = try database.declinePartnerRequest(request, reason: "random", by: cpc)
            }
            return "\(kind) request \(request)"
        case "withdraw":
            let who = try user(pick(["police", "prison"])!)
            guard let request = pick(try ids("""
                SELECT id FROM partner_request WHERE state = 'pending' AND requesting_agency_id = \(who.agencyID)
                """)) else { return "withdraw: nothing pending" }
            _ = try database.withdrawPartnerRequest(request, by: who)
            return "withdraw request \(request)"
        case "add", "end":
            let om = try user("om")
            let police = try user("police").agencyID
            guard let nominal = pick(try ids("""
                SELECT id FROM nominal WHERE owner_agency_id = \(london) AND lifecycle = 'active' AND id % 7 = 0
                """)) else { return "\(kind): no nominal" }
            if kind == "add" {
                _ = try database.addPartner(nominal: .id(nominal), agency: police, restricted: false, reason: "random",
                                            by: om)
            } else {
                _ = try database.endPartnership(nominal: .id(nominal), agency: police, reason: "random", by: om)
            }
            return "\(kind) partner on \(nominal)"
        case "view":
            let manager = pick(try ids("SELECT DISTINCT manager_user_id FROM nominal WHERE manager_user_id IS NOT NULL"))!
            let viewer = try database.read { db in try UserRows.find(db, id: manager) }!
            let nominal = pick(try ids("SELECT id FROM nominal WHERE manager_user_id = \(manager)"))!
            _ = try database.openRecord(nominal, for: viewer, foundExactly: false)
            return "view \(nominal) by its manager"
        case "acknowledge":
            guard let id = pick(try ids("SELECT id FROM user_account WHERE acknowledged_at IS NULL")),
                  let who = try database.read({ db in try UserRows.find(db, id: id) }) else { return "acknowledge: none" }
            _ = try database.acknowledgeInstruction(user: who)
            return "acknowledge by \(who.username)"
        case "level":
            let near = pick(try ids("SELECT id FROM nominal"))!
            return "level changed on \(try database.benchChangeLevel(near: near))"
        case "import":
            // A new nominal on an extract case's CRN (its R1 or R2 met), and an update of an imported nominal.
            importNumber += 1
            var rows: [ExtractRow] = []
            if let crn = pick(try database.read { db in try String.fetchAll(db, sql: "SELECT crn FROM extract_case") }) {
                rows.append(ExtractRow.valid(900_000 + importNumber).with(.crn, crn).with(.pncID, ""))
            }
            rows.append(ExtractRow.valid(800_000 + importNumber).with(.mappaLevel, "2").with(.mappaCategory, "2"))
            let path = try folder.write("import-\(importNumber).csv", ExtractRow.file(rows))
            let report = try database.importExtract(path: path, options: ImportOptions(skipInvalid: true),
                                                    by: try user("admin"), onFault: { _ in }, onWarning: { _ in })
            return "import \(report.summary)"
        case "reconcile":
            let cases = try database.read { db in
                try String.fetchAll(db, sql: "SELECT crn FROM nominal WHERE owner_agency_id = \(london) LIMIT 5")
            }
            let rows = cases.enumerated().map { index, crn in ExtractRow.valid(700_000 + index).with(.crn, crn) }
                + [ExtractRow.valid(700_100).with(.mappaCategory, "2").with(.mappaLevel, "2")
                    .with(.custodyStatus, "in_custody").with(.establishment, "HMP Belmarsh")
                    .with(.releaseDate, "2027-01-15").with(.releaseDateType, "confirmed")]
            let path = try folder.write("reconcile.csv", ExtractRow.file(rows))
            let report = try database.reconcile(path: path, skipInvalid: true, by: try user("admin"),
                                                onFault: { _ in }, onWarning: { _ in })
            return "reconcile \(report.stored) cases"
        default:
            let days = Int.random(in: 1...6, using: &generator)
            try database.changePolicy(["rules": .table(["r4_answer_working_days": .integer(days)])],
                                      replacing: false, source: "random", by: try user("admin"))
            return "policy r4 = \(days)"
        }
    }
}

/// SplitMix64: the same sequence for the same seed on every platform.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
