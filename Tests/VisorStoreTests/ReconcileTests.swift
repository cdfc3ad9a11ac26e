import Foundation
import GRDB
import Testing
import VisorDomain
import VisorRegister
@testable import VisorStore

/// `visor reconcile`'s store side: who may, what a bad file leaves, what is
/// stored, and the discrepancies of every kind.
@Suite("Reconcile: stored extracts and discrepancies")
struct ReconcileTests {
    let d = RulesRegister.today

    struct Outcome {
        var report: ReconcileReport
        var faults: [String] = []
        var warnings: [String] = []
    }

    func reconcile(_ register: RulesRegister, _ rows: [ExtractRow], as user: UserID, area: String? = nil,
                   skipInvalid: Bool = false, text: String? = nil) throws -> Outcome {
        let path = register.folder + "/extract.csv"
        try Data((text ?? ExtractRow.file(rows)).utf8).write(to: URL(fileURLWithPath: path))
        var faults: [String] = []
        var warnings: [String] = []
        let report = try register.database.reconcile(
            path: path, areaName: area, skipInvalid: skipInvalid, by: try register.signedIn(user),
            onFault: { faults.append($0.description) }, onWarning: { warnings.append($0) })
        return Outcome(report: report, faults: faults, warnings: warnings)
    }

    /// The stored extracts: area, file, case crns in line order.
    func stored(_ register: RulesRegister) throws -> [String] {
        try register.database.read { db in
            try Row.fetchAll(db, sql: """
                SELECT s.area_id, s.case_count, group_concat(c.crn, ' ') AS crns FROM extract_snapshot s
                LEFT JOIN extract_case c ON c.snapshot_id = s.id GROUP BY s.id ORDER BY s.area_id
                """).map { "\($0["area_id"] as Int64):\($0["case_count"] as Int):\(($0["crns"] as String?) ?? "")" }
        }
    }

    /// A London nominal matching `ExtractRow.valid(number)` in crn and PNC ID.
    @discardableResult
    func matching(_ register: RulesRegister, _ number: Int, change: (inout NominalSpec) -> Void = { _ in })
        throws -> NominalID {
        var spec = NominalSpec.met(register, crn: StoreFixtures.crn(number))
        spec.pnc = StoreFixtures.storedPNC(79, 163_000 + number)
        spec.category = 1
        spec.orderType = "community_order"
        spec.lastNotification = d.plus(-10)
        change(&spec)
        return try register.nominal(spec)
    }

    @Test("Every kind of discrepancy, by kind, with register and extract values; a case matched by pnc_id")
    func everyKind() throws {
        let register = try RulesRegister()
        try matching(register, 1)
        let category = try matching(register, 2) { $0.category = 2; $0.orderType = "licence" }
        let level = try matching(register, 3) { $0.level = 2 }
        let custody = try matching(register, 4) {
            $0.custody = "in_custody"; $0.establishment = register.belmarsh; $0.release = RulesRegister.today.plus(90)
        }
        let manager = try matching(register, 5) { $0.manager = register.supervisor }
        let byPNC = try matching(register, 6) { $0.crn = "Y000006" }
        let unmatched = try matching(register, 7)
        try matching(register, 8) { $0.archived = true }
        let rows = [1, 2, 3, 4, 5, 6, 9].map { ExtractRow.valid($0).with(.offenderManager, "LDN1") }
        let outcome = try reconcile(register, rows, as: register.cpc)
        #expect(outcome.report.committed)
        #expect(outcome.report.stored == 7)
        let found = outcome.report.discrepancies.map {
            "\($0.kind.rawValue) \($0.crn?.canonical ?? "-") \($0.nominalID.map(String.init) ?? "-") "
                + "\($0.registerValue ?? "-") \($0.extractValue ?? "-")"
        }
        #expect(found == [
            "missing_nominal X000009 - - -",
            "missing_case X000007 \(unmatched) - -",
            "category_differs X000002 \(category) 2 1",
            "level_differs X000003 \(level) 2 1",
            "custody_differs X000004 \(custody) in_custody community",
            "release_date_differs X000004 \(custody) \(RulesRegister.today.plus(90).iso) -",
            "manager_differs X000005 \(manager) - LDN1",
        ])
        #expect(!outcome.report.discrepancies.contains { $0.nominalID == byPNC })
    }

    @Test("A bad row without --skip-invalid stores nothing and keeps the previous extract; the lines are the import's")
    func badFileChangesNothing() throws {
        let register = try RulesRegister()
        _ = try reconcile(register, [ExtractRow.valid(1)], as: register.cpc)
        let before = try stored(register)
        let audit = try register.database.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM audit_event") }
        let outcome = try reconcile(register, [ExtractRow.valid(2), ExtractRow.valid(3).with(.gender, "m")],
                                    as: register.cpc)
        #expect(!outcome.report.committed)
        #expect(outcome.report.rejected == 1)
        #expect(outcome.report.discrepancies.isEmpty)
        #expect(outcome.faults == ["line 3: gender: m: not a gender (expected M, F, X or U)"]
            || outcome.faults.first?.hasPrefix("line 3: gender: m: ") == true)
        #expect(try stored(register) == before)
        #expect(try register.database.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM audit_event") } == audit)
        let header = try reconcile(register, [], as: register.cpc, text: "crn,surname\nX000001,Smith\n")
        #expect(!header.report.committed)
        #expect(header.faults.contains("line 1: forenames: : missing required column"))
        #expect(try stored(register) == before)
    }

    @Test("--skip-invalid stores the valid rows; a second reconciliation replaces the first; audited")
    func replaces() throws {
        let register = try RulesRegister()
        _ = try reconcile(register, [ExtractRow.valid(1), ExtractRow.valid(2)], as: register.cpc)
        #expect(try stored(register) == ["\(register.london):2:X000001 X000002"])
        let outcome = try reconcile(register, [ExtractRow.valid(3), ExtractRow.valid(4).with(.crn, "bad")],
                                    as: register.cpc, skipInvalid: true)
        #expect(outcome.report.committed)
        #expect(outcome.report.stored == 1 && outcome.report.rejected == 1)
        #expect(try stored(register) == ["\(register.london):1:X000003"])
        let events = try register.database.read { db in
            try String.fetchAll(db, sql: "SELECT detail FROM audit_event WHERE action = 'reconcile' ORDER BY id")
        }
        #expect(events.count == 2)
        #expect(events.last?.hasPrefix("London: extract.csv: 1 cases stored, 1 rejected") == true)
    }

    @Test("Every row is a case of the area, whatever its managing agency")
    func anyManagingAgency() throws {
        let register = try RulesRegister()
        let police = ExtractRow.valid(1).with(.managingAgency, "police").with(.managingUnit, "Metropolitan Police Service")
        let outcome = try reconcile(register, [police], as: register.admin, area: "South West")
        #expect(outcome.report.committed)
        #expect(try stored(register) == ["\(register.southWest):1:X000001"])
    }

    @Test("Who may: a CPC their own area, an administrator any probation area; refusals change nothing")
    func permissions() throws {
        let register = try RulesRegister()
        let policeCPC = try register.database.write { db in
            try UserRows.insert(db, username: "metcpc", fullName: "Met CPC", agencyID: register.met, staffID: nil,
                                passwordHash: "!", roles: [.cpc], clearance: nil, createdAt: Date(),
                                createdOn: RulesRegister.today, acknowledgedAt: nil)
        }
        let rows = [ExtractRow.valid(1)]
        func refusal(_ user: UserID, area: String? = nil) -> StoreError? {
            do { _ = try reconcile(register, rows, as: user, area: area); return nil } catch let error as StoreError {
                return error
            } catch { return .io("\(error)") }
        }
        #expect(refusal(register.om).map { if case .refused = $0 { true } else { false } } == true)
        #expect(refusal(register.spo).map { if case .refused = $0 { true } else { false } } == true)
        #expect(refusal(register.cpc, area: "South West").map { if case .refused = $0 { true } else { false } } == true)
        #expect(refusal(policeCPC).map { if case .refused = $0 { true } else { false } } == true)
        #expect(refusal(register.admin, area: "Atlantis") == .badInput("--area: no probation area named Atlantis on the register"))
        #expect(refusal(register.admin, area: "Metropolitan Police Service").map { if case .badInput = $0 { true } else { false } } == true)
        #expect(try stored(register).isEmpty)
        #expect(refusal(register.cpc, area: "london") == nil)
        #expect(refusal(register.admin, area: "Kent, Surrey & Sussex") == nil)
        #expect(try stored(register).count == 2)
    }

    @Test("Discrepancies as the register is now, and R9 resolves once they no longer hold")
    func resolved() throws {
        let register = try RulesRegister()
        let level = try matching(register, 1) { $0.level = 2 }
        _ = try reconcile(register, [ExtractRow.valid(1).with(.offenderManager, "LDN1")], as: register.cpc)
        #expect(try register.database.discrepancies(area: register.london).map(\.kind) == [.levelDiffers])
        #expect(try register.actions(.r9).contains { $0.nominalID == level })
        try register.execute("UPDATE nominal SET mappa_level = 1 WHERE id = ?", [level])
        #expect(try register.database.discrepancies(area: register.london).isEmpty)
        #expect(try !register.actions(.r9).contains { $0.nominalID == level })
    }
}
