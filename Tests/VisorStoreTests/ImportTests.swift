import Foundation
import GRDB
import Testing
import VisorDomain
import VisorRegister
@testable import VisorStore

/// `visor import` on good input (nominals-csv.md): rows stored canonically,
/// re-imports that update, `--add-agencies`, `--skip-invalid`.
@Suite("Import: good extracts")
struct ImportTests {
    @Test("A good extract creates one nominal per row, identifiers and codes stored canonically")
    func goodImport() throws {
        let register = try TestRegister()
        let agenciesBefore = try register.count("SELECT count(*) FROM agency")
        let first = ExtractRow.valid(1)
            .with(.pncID, "79/163001B")
            .with(.croNumber, StoreFixtures.cro(65_416, 21))
            .with(.managingUnit, "kent surrey & sussex")
            .with(.probationArea, "KENT, SURREY AND SUSSEX.")
            .with(.policeForce, "metropolitan police  service")
            .with(.surname, "O'Brien-Łukasik")
            .with(.forenames, "Zoë, Ann")
        let second = ExtractRow.valid(2)
            .with(.custodyStatus, "in_custody")
            .with(.establishment, "hmp and yoi parc")
            .with(.custodyStartDate, "2025-03-01")
            .with(.releaseDate, "2027-06-30")
            .with(.releaseDateType, "potential")
            .with(.nomsNumber, "A1234BC")
            .with(.mappaCategory, "3")
            .with(.mappaLevel, "2")
            .with(.mappEntryDate, "2026-10-01")
            .with(.orderType, "licence")
            .with(.managingAgency, "prison")
            .with(.managingUnit, "HMP & YOI Parc")
        let third = ExtractRow.valid(3).with(.pncID, "").with(.ethnicity, "NS").with(.gender, "U")

        let outcome = try register.importRows([first, second, third])

        #expect(outcome.faults == [])
        #expect(outcome.report.summary == "imported: 3 created, 0 updated, 0 rejected")
        #expect(outcome.report.committed)
        #expect(outcome.report.addedAgencies.isEmpty)
        #expect(try register.count("SELECT count(*) FROM nominal") == 3)
        #expect(try register.count("SELECT count(*) FROM agency") == agenciesBefore)

        let one = try #require(try register.nominal(crn: "X000001"))
        #expect(one["pnc_id"] as String? == "1979/0163001B")
        #expect(one["cro_number"] as String? == "065416/21" + String(StoreFixtures.checkCharacter(21_065_416)))
        #expect(one["surname"] as String == "O'Brien-Łukasik")
        #expect(one["forenames"] as String == "Zoë, Ann")
        #expect(one["date_of_birth"] as String == "1980-05-17")
        #expect(one["owner_agency_id"] as AgencyID == (try register.agencyID("Kent, Surrey and Sussex")))
        #expect(one["probation_area_id"] as AgencyID? == (try register.agencyID("Kent, Surrey and Sussex")))
        #expect(one["home_force_id"] as AgencyID? == (try register.agencyID("Metropolitan Police Service")))
        #expect(one["source"] as String == "imported")
        #expect(one["created_by"] as UserID? == register.admin.id)

        let two = try #require(try register.nominal(crn: "X000002"))
        #expect(two["owner_agency_id"] as AgencyID == (try register.agencyID("HMP & YOI Parc")))
        #expect(two["establishment_id"] as AgencyID? == (try register.agencyID("HMP & YOI Parc")))
        #expect(two["mappa_category"] as Int == 3)
        #expect(two["mappa_level"] as Int == 2)
        #expect(two["noms_number"] as String? == "A1234BC")
        #expect(two["release_date"] as String? == "2027-06-30")
        #expect(two["release_date_type"] as String? == "potential")
        #expect(two["custody_status"] as String == "in_custody")

        let three = try #require(try register.nominal(crn: "X000003"))
        #expect(three["pnc_id"] as String? == nil)
        #expect(three["ethnicity"] as String? == "NS")
        #expect(three["gender"] as String == "U")

        #expect(try register.count("SELECT count(*) FROM audit_event WHERE action = 'import_extract' AND user_id = ?",
                                   [register.admin.id]) == 1)
    }

    @Test("Header names match regardless of case, spaces and order; unknown columns are ignored with a warning")
    func headerInAnyOrder() throws {
        let register = try TestRegister()
        let row = ExtractRow.valid(1)
        let columns = ExtractColumn.allCases.reversed()
        let header = columns.map { "  " + $0.rawValue.uppercased() + " " }.joined(separator: ",") + ",Notes"
        let line = columns.map { row[$0] }.joined(separator: ",") + ",free text"
        let path = try register.folder.write("reordered.csv", header + "\n" + line + "\n")

        let outcome = try register.importFile(path)

        #expect(outcome.faults == [])
        #expect(outcome.warnings == ["warning: line 1: Notes: unknown column, ignored"])
        #expect(outcome.report.summary == "imported: 1 created, 0 updated, 0 rejected")
        #expect(try register.nominal(crn: "X000001")?["surname"] as String? == "Smith")
    }

    @Test("An unknown column's name is shown escaped in its warning")
    func unknownColumnEscaped() throws {
        let register = try TestRegister()
        let row = ExtractRow.valid(1)
        let header = ExtractColumn.allCases.map(\.rawValue).joined(separator: ",") + ",\u{1B}]0;pwned\u{7}\u{202E}x"
        let line = ExtractColumn.allCases.map { row[$0] }.joined(separator: ",") + ",free text"
        let path = try register.folder.write("hostile-header.csv", header + "\n" + line + "\n")

        let outcome = try register.importFile(path)

        #expect(outcome.warnings == ["warning: line 1: \\x1b]0;pwned\\x07\\u202ex: unknown column, ignored"])
        #expect(outcome.report.summary == "imported: 1 created, 0 updated, 0 rejected")
    }

    @Test("Re-importing a crn updates that nominal instead of duplicating it, audited as import_update")
    func reimportUpdatesByCRN() throws {
        let register = try TestRegister()
        _ = try register.importRows([ExtractRow.valid(1), ExtractRow.valid(2)])
        let id: NominalID = try #require(try register.nominal(crn: "X000001"))["id"]

        let changed = ExtractRow.valid(1).with(.surname, "Smyth").with(.forenames, "Peter").with(.mappaCategory, "2")
            .with(.managingUnit, "Wales")
        let outcome = try register.importRows([changed, ExtractRow.valid(2)])

        #expect(outcome.faults == [])
        #expect(outcome.report.summary == "imported: 0 created, 2 updated, 0 rejected")
        #expect(try register.count("SELECT count(*) FROM nominal") == 2)
        let stored = try #require(try register.nominal(crn: "X000001"))
        #expect(stored["id"] as NominalID == id)
        #expect(stored["surname"] as String == "Smyth")
        #expect(stored["mappa_category"] as Int == 2)
        #expect(stored["owner_agency_id"] as AgencyID == (try register.agencyID("Wales")))
        #expect(try register.count("""
            SELECT count(*) FROM audit_event WHERE action = 'import_update' AND nominal_id = ? AND user_id = ?
            """, [id, register.admin.id]) == 1)
        // An unchanged row still counts as updated, and is audited.
        #expect(try register.count("SELECT count(*) FROM audit_event WHERE action = 'import_update'") == 2)
        // The list's sort key and the search keys follow the new names.
        #expect(stored["sort_key"] as String == "smyth peter")
        let keys = try register.database.read { db in
            try String.fetchAll(db, sql: "SELECT key FROM name_key WHERE nominal_id = ? ORDER BY key", arguments: [id])
        }
        #expect(keys == ["peter"])
    }

    @Test("A row whose crn is new but whose pnc_id (in another form) is known updates that nominal")
    func reimportUpdatesByPNC() throws {
        let register = try TestRegister()
        _ = try register.importRows([ExtractRow.valid(1).with(.pncID, "79/163001B")])
        let id: NominalID = try #require(try register.nominal(crn: "X000001"))["id"]

        let outcome = try register.importRows([ExtractRow.valid(77).with(.pncID, "1979/0163001B")])

        #expect(outcome.report.summary == "imported: 0 created, 1 updated, 0 rejected")
        #expect(try register.count("SELECT count(*) FROM nominal") == 1)
        #expect(try register.nominal(crn: "X000077")?["id"] as NominalID? == id)
        #expect(try register.count("SELECT count(*) FROM audit_event WHERE action = 'import_update' AND nominal_id = ?",
                                   [id]) == 1)
    }

    @Test("An empty optional field clears the stored value on update")
    func emptyOptionalFieldClears() throws {
        let register = try TestRegister()
        let full = ExtractRow.valid(1).with(.croNumber, StoreFixtures.cro(265_416, 21))
            .with(.offenderManager, "S1234")
        _ = try register.importRows([full])
        let before = try #require(try register.nominal(crn: "X000001"))
        #expect(before["ethnicity"] as String? == "W1")
        #expect(before["rosh_level"] as String? == "medium")

        var cleared = full
        for column: ExtractColumn in [.pncID, .croNumber, .ethnicity, .policeForce, .probationArea, .roshLevel,
                                      .roshDate, .lastNotificationDate, .offenderManager] {
            cleared[column] = ""
        }
        let outcome = try register.importRows([cleared])

        #expect(outcome.report.summary == "imported: 0 created, 1 updated, 0 rejected")
        let after = try #require(try register.nominal(crn: "X000001"))
        for column in ["pnc_id", "cro_number", "ethnicity", "home_force_id", "probation_area_id", "rosh_level",
                       "rosh_date", "last_notification", "manager_staff_id"] {
            #expect(after[column] as DatabaseValue == .null, "\(column) was not cleared")
        }
    }

    @Test("On update, a column the file does not have keeps its value; only the file's columns are set")
    func absentColumnsKept() throws {
        let register = try TestRegister()
        let full = ExtractRow.valid(1).with(.croNumber, StoreFixtures.cro(265_416, 21))
            .with(.custodyStatus, "in_custody").with(.establishment, "HMP Belmarsh")
            .with(.releaseDate, "2027-03-01").with(.releaseDateType, "actual").with(.offenderManager, "S1")
        _ = try register.importRows([full])
        let before = try #require(try register.nominal(crn: "X000001"))

        // Required columns and pnc_id only; the row changes the surname and clears the PNC ID.
        let columns = ExtractColumn.allCases.filter { $0.isRequired || $0 == .pncID }
        let row = full.with(.surname, "Smyth").with(.pncID, "")
        let text = columns.map(\.rawValue).joined(separator: ",") + "\n" + columns.map { row[$0] }.joined(separator: ",")
        let outcome = try register.importFile(try register.folder.write("partial.csv", text + "\n"))

        #expect(outcome.faults == [])
        #expect(outcome.report.summary == "imported: 0 created, 1 updated, 0 rejected")
        let after = try #require(try register.nominal(crn: "X000001"))
        #expect(after["surname"] as String == "Smyth")
        #expect(after["pnc_id"] as String? == nil)
        for column in ["cro_number", "ethnicity", "establishment_id", "release_date", "release_date_type",
                       "home_force_id", "probation_area_id", "rosh_level", "rosh_date", "last_notification",
                       "manager_staff_id"] {
            #expect(after[column] as DatabaseValue == before[column] as DatabaseValue, "\(column) changed")
            #expect(after[column] as DatabaseValue != .null, "\(column) is empty")
        }
    }

    @Test("An unknown managing_unit rejects the row, naming the column and the value, without --add-agencies")
    func unknownAgencyRejected() throws {
        let register = try TestRegister()
        let before = try register.snapshot()
        let row = ExtractRow.valid(1).with(.managingUnit, "Tyne Valley")

        let outcome = try register.importRows([ExtractRow.valid(2), row])

        #expect(outcome.faults == [
            "line 3: managing_unit: Tyne Valley: unknown probation area (use --add-agencies to create it)",
        ])
        #expect(outcome.report.summary == "imported: 0 created, 0 updated, 1 rejected")
        #expect(!outcome.report.committed)
        #expect(try register.snapshot() == before)
    }

    @Test("--add-agencies creates each unknown agency once, reports it, and the nominal is owned by it")
    func addAgencies() throws {
        let register = try TestRegister()
        let agenciesBefore = try register.count("SELECT count(*) FROM agency")
        let rows = [
            ExtractRow.valid(1).with(.managingUnit, "Tyne Valley"),
            ExtractRow.valid(2).with(.managingUnit, "TYNE VALLEY.").with(.policeForce, "Tyne Valley Police"),
            ExtractRow.valid(3).with(.custodyStatus, "in_custody").with(.establishment, "HMP Newtown"),
        ]

        let outcome = try register.importRows(rows, addAgencies: true)

        #expect(outcome.faults == [])
        #expect(outcome.report.summary == "imported: 3 created, 0 updated, 0 rejected")
        #expect(outcome.report.addedAgencies.map { "\($0.kind.rawValue): \($0.name)" } == [
            "probation: Tyne Valley", "police: Tyne Valley Police", "prison: HMP Newtown",
        ])
        #expect(try register.count("SELECT count(*) FROM agency") == agenciesBefore + 3)
        let tyne = try register.agencyID("Tyne Valley")
        #expect(try register.nominal(crn: "X000001")?["owner_agency_id"] as AgencyID? == tyne)
        #expect(try register.nominal(crn: "X000002")?["owner_agency_id"] as AgencyID? == tyne)
        #expect(try register.nominal(crn: "X000003")?["establishment_id"] as AgencyID?
            == (try register.agencyID("HMP Newtown")))
    }

    @Test("--add-agencies with an invalid row and no --skip-invalid adds nothing at all")
    func addAgenciesRolledBack() throws {
        let register = try TestRegister()
        let before = try register.snapshot()
        let outcome = try register.importRows(
            [ExtractRow.valid(1).with(.managingUnit, "Tyne Valley"), ExtractRow.valid(2).with(.gender, "m")],
            addAgencies: true)
        #expect(outcome.faults == ["line 3: gender: m: must be M, F, X or U"])
        #expect(outcome.report.addedAgencies.isEmpty)
        #expect(outcome.report.summary == "imported: 0 created, 0 updated, 1 rejected")
        #expect(try register.snapshot() == before)
    }

    @Test("--add-agencies with a name too long for an agency rejects that row instead of failing the import")
    func addAgencyNameTooLong() throws {
        let register = try TestRegister()
        let long = String(repeating: "Tyne Valley ", count: 17) + "Area"
        try #require(long.unicodeScalars.count > 200)
        let outcome = try register.importRows(
            [ExtractRow.valid(1), ExtractRow.valid(2).with(.policeForce, long)], skipInvalid: true, addAgencies: true)
        #expect(outcome.faults == ["line 3: police_force: \(long.prefix(60)): too long for an agency name "
            + "(at most 200 characters)"])
        #expect(outcome.report.summary == "imported: 1 created, 0 updated, 1 rejected")
        #expect(outcome.report.addedAgencies.isEmpty)
    }

    @Test("--skip-invalid writes the valid rows and reports the invalid ones")
    func skipInvalid() throws {
        let register = try TestRegister()
        let rows = [ExtractRow.valid(1), ExtractRow.valid(2).with(.gender, "Male"), ExtractRow.valid(3)]

        let outcome = try register.importRows(rows, skipInvalid: true)

        #expect(outcome.faults == ["line 3: gender: Male: must be M, F, X or U"])
        #expect(outcome.report.summary == "imported: 2 created, 0 updated, 1 rejected")
        #expect(outcome.report.committed)
        #expect(try register.nominal(crn: "X000001") != nil)
        #expect(try register.nominal(crn: "X000002") == nil)
        #expect(try register.nominal(crn: "X000003") != nil)
    }

    @Test("Only an administrator may import")
    func onlyAdministrators() throws {
        let register = try TestRegister()
        let om = try register.database.write { db in
            try UserRows.insert(db, username: "om1", fullName: "O M", agencyID: register.admin.agencyID, staffID: nil,
                                passwordHash: PasswordHasher.disabledHash, roles: [.offenderManager],
                                clearance: nil, createdAt: StoreFixtures.clock.now(), createdOn: StoreFixtures.today,
                                acknowledgedAt: nil)
        }
        let user = try #require(try register.database.user(id: om))
        let path = try register.writeCSV([ExtractRow.valid(1)])
        #expect(throws: StoreError.self) { try register.importFile(path, as: user) }
        #expect(try register.count("SELECT count(*) FROM nominal") == 0)
    }
}
