import Testing
@testable import VisorDomain

/// What creating and editing core data do to a nominal, and the history and
/// audit values they leave.
@Suite("Nominal changes and history")
struct NominalChangeTests {
    typealias F = RecordFixture

    static func core(_ changes: [CoreField: String] = [:]) throws -> NominalCore {
        try F.draft(changes).validated(creating: true, today: F.today, agencies: F.agencies)
    }

    @Test("a new nominal is owned by the creator's agency, entered, with no manager; level 2/3 from its creation")
    func create() throws {
        let nominal = try Self.core().newNominal(id: 7, ownerAgencyID: F.london, createdBy: 50, on: F.today)
        #expect(nominal.ownerAgencyID == F.london && nominal.createdByUserID == 50 && nominal.createdOn == F.today)
        #expect(nominal.source == .entered && nominal.lifecycle == .active && nominal.managerUserID == nil)
        #expect(nominal.levelSince == F.today)
        #expect(nominal.surname == "Wójcik" && nominal.establishmentID == F.belmarsh && nominal.rosh == .high)
        let levelOne = try Self.core([.level: "1"]).newNominal(id: 8, ownerAgencyID: F.met, createdBy: 51, on: F.today)
        #expect(levelOne.levelSince == nil)
    }

    @Test("a move to level 2/3 starts R11's clock, a move back stops it, 2 to 3 keeps it")
    func levelSince() throws {
        let levelOne = F.nominal(level: .one)
        #expect(try Self.core([.level: "3"]).applied(to: levelOne, on: F.today).levelSince == F.today)
        let levelTwo = F.nominal(level: .two)
        #expect(try Self.core([.level: "3"]).applied(to: levelTwo, on: F.today).levelSince == F.day("2026-01-05"))
        #expect(try Self.core([.level: "1"]).applied(to: levelTwo, on: F.today).levelSince == nil)
    }

    @Test("history keeps category, level and custody changes with their date and author, in field order")
    func history() throws {
        let old = F.nominal()
        var new = old
        new.level = .three
        new.category = .three
        new.custody = .inCustody
        new.establishmentID = F.belmarsh
        new.custodyStart = F.day("2026-11-20")
        new.surname = "Changed"
        let items = NominalHistory.items(old: old, new: new, on: F.today, by: 52, agencies: F.agencies)
        #expect(items == [
            NominalHistoryItem(field: .category, old: "2", new: "3", on: F.today, by: 52),
            NominalHistoryItem(field: .level, old: "2", new: "3", on: F.today, by: 52),
            NominalHistoryItem(field: .custodyStatus, old: "community", new: "in_custody", on: F.today, by: 52),
            NominalHistoryItem(field: .establishment, old: nil, new: "HMP Belmarsh", on: F.today, by: 52),
            NominalHistoryItem(field: .custodyStart, old: nil, new: "2026-11-20", on: F.today, by: 52),
        ])
        #expect(NominalHistory.items(old: old, new: old, on: F.today, by: 52, agencies: F.agencies).isEmpty)
    }

    @Test("a release is history too: custody, release date and its type")
    func release() {
        var old = F.nominal()
        old.custody = .inCustody
        old.releaseDate = F.day("2027-01-31")
        old.releaseDateType = .potential
        var new = old
        new.custody = .community
        new.releaseDate = F.day("2026-11-24")
        new.releaseDateType = .actual
        let fields = NominalHistory.items(old: old, new: new, on: F.today, by: 50, agencies: F.agencies).map(\.field)
        #expect(fields == [.custodyStatus, .releaseDate, .releaseDateType])
    }

    @Test("the audit trail's old and new values cover every core field that changed")
    func coreChanges() {
        let old = F.nominal()
        var new = old
        new.forenames = "Hetty"
        new.homeForceID = F.kentPolice
        new.rosh = .medium
        #expect(CoreChange.between(old, new, agencies: F.agencies) == [
            CoreChange(field: .forenames, old: "Hester Anne", new: "Hetty"),
            CoreChange(field: .homeForce, old: "Metropolitan Police Service", new: "Kent Police"),
            CoreChange(field: .rosh, old: nil, new: "medium"),
        ])
    }

    @Test("an agency the index lacks is written by its id")
    func unknownAgency() {
        var nominal = F.nominal()
        nominal.homeForceID = 99
        #expect(CoreField.homeForce.text(of: nominal, agencies: F.agencies) == "#99")
    }

    @Test("each field has its CSV name and records.md's option")
    func names() {
        #expect(CoreField.dateOfBirth.rawValue == "date_of_birth" && CoreField.dateOfBirth.flag == "--dob")
        #expect(CoreField.category.flag == "--category" && CoreField.level.flag == "--level")
        #expect(CoreField.releaseDateType.flag == "--release-type" && CoreField.homeForce.flag == "--home-force")
        #expect(CoreField.lastNotification.rawValue == "last_notification_date")
        #expect(CoreField.mappEntryDate.flag == "--mapp-entry-date" && CoreField.surname.flag == "--surname")
    }
}
