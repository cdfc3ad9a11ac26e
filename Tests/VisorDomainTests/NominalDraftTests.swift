import Testing
@testable import VisorDomain

/// Core data as a form or `visor nominal create/edit` gives it (records.md
/// "Core data"), validated at 2026-11-25.
@Suite("Nominal draft")
struct NominalDraftTests {
    typealias F = RecordFixture

    static func core(_ draft: NominalDraft, creating: Bool = true) throws -> NominalCore {
        try draft.validated(creating: creating, today: F.today, agencies: F.agencies)
    }

    @Test("a good draft gives every field parsed, agencies matched as the import matches them")
    func goodDraft() throws {
        let core = try Self.core(F.draft(aliases: ["Quenell, Hetty", "Smith"]))
        #expect(core.surname == "Wójcik" && core.forenames == "Łukasz Jan")
        #expect(core.aliases == [Alias(surname: "Quenell", forenames: "Hetty"), Alias(surname: "Smith")])
        #expect(core.dateOfBirth == F.day("1979-05-01"))
        #expect(core.gender == .male && core.ethnicity == .w1)
        #expect(core.pncID?.canonical == "1979/0163001B")
        #expect(core.croNumber?.canonical == "265416/21G")
        #expect(core.nomsNumber?.canonical == "A1234BC" && core.crn?.canonical == "X123456")
        #expect(core.category == .two && core.level == .two)
        #expect(core.custody == .inCustody && core.establishmentID == F.belmarsh)
        #expect(core.custodyStart == F.day("2025-01-10"))
        #expect(core.releaseDate == F.day("2027-03-01") && core.releaseDateType == .potential)
        #expect(core.mappEntryDate == F.day("2026-06-01") && core.orderType == .licence)
        #expect(core.homeForceID == F.kentPolice && core.probationAreaID == F.kss)
        #expect(core.rosh == .high && core.roshDate == F.day("2026-10-01"))
        #expect(core.lastNotification == nil)
    }

    @Test("values are trimmed of surrounding spaces, as the import trims them")
    func trimmed() throws {
        let core = try Self.core(F.draft([.surname: "  Smith ", .gender: " F", .dateOfBirth: "1980-01-02 "]))
        #expect(core.surname == "Smith" && core.gender == .female && core.dateOfBirth == F.day("1980-01-02"))
    }

    @Test("a blank form needs only what records.md's create line asks for")
    func minimal() throws {
        var draft = NominalDraft.blank()
        #expect(draft[.custodyStatus] == "community" && draft[.orderType] == "none")
        for (field, value) in [(CoreField.surname, "Smith"), (.forenames, "John"), (.dateOfBirth, "1980-01-01"),
                               (.gender, "U"), (.ethnicity, "NS"), (.category, "1"), (.level, "1")] {
            draft[field] = value
        }
        let core = try Self.core(draft)
        #expect(core.custody == .community && core.orderType == OrderType.none)
        #expect(core.pncID == nil && core.crn == nil && core.establishmentID == nil && core.rosh == nil)
    }

    @Test("creating requires an ethnicity (NS is an answer); an edit does not")
    func ethnicityRequired() throws {
        let draft = F.draft([.ethnicity: ""])
        #expect(F.errors(draft).description
            == "ethnicity: : required (an ONS 2011 code (W1-W4, M1-M4, A1-A5, B1-B3, O1, O2) or NS)")
        #expect(try Self.core(draft, creating: false).ethnicity == nil)
    }

    @Test("each bad value is refused with a message naming the field and the value", arguments: [
        // Names: the import's rules, then the free-text check.
        ([CoreField.surname: ""], "surname: : required"),
        ([.surname: String(repeating: "a", count: 101)],
         "surname: \(String(repeating: "a", count: 60)): too long (101 characters, at most 100)"),
        ([.forenames: "123"], "forenames: 123: must contain a letter"),
        ([.surname: "Smith\tJones"], "surname: Smith\\tJones: control characters are not allowed (\\t at character 6)"),
        ([.forenames: "Ann\u{202E}eb"], "forenames: Ann\\u202eeb: bidirectional controls are not allowed (\\u202e at character 4)"),
        ([.surname: "Sm\u{200B}ith"], "surname: Sm\\u200bith: zero-width characters are not allowed (\\u200b at character 3)"),
        // Dates.
        ([.dateOfBirth: "2026-11-26"], "date_of_birth: 2026-11-26: is in the future"),
        ([.dateOfBirth: "1899-12-31"], "date_of_birth: 1899-12-31: is before 1900-01-01"),
        ([.dateOfBirth: "2023-02-29"], "date_of_birth: 2023-02-29: not a real calendar date"),
        ([.dateOfBirth: "01/05/1979"], "date_of_birth: 01/05/1979: not an ISO date (YYYY-MM-DD)"),
        ([.dateOfBirth: ""], "date_of_birth: : required"),
        // Codes, written exactly.
        ([.gender: "m"], "gender: m: must be M, F, X or U"),
        ([.gender: ""], "gender: : required (M, F, X or U)"),
        ([.ethnicity: "W5"], "ethnicity: W5: must be an ONS 2011 code (W1-W4, M1-M4, A1-A5, B1-B3, O1, O2) or NS"),
        ([.category: "5"], "mappa_category: 5: must be 1, 2, 3 or 4"),
        ([.category: "02"], "mappa_category: 02: must be 1, 2, 3 or 4"),
        ([.level: "4"], "mappa_level: 4: must be 1, 2 or 3"),
        ([.category: "3", .level: "1"], "mappa_level: 1: category 3 requires level 2 or 3"),
        ([.custodyStatus: "In_Custody"], "custody_status: In_Custody: must be in_custody or community"),
        ([.orderType: "Licence"], "order_type: Licence: must be licence, community_order or none"),
        ([.releaseDateType: "Actual"], "release_date_type: Actual: must be actual or potential"),
        ([.rosh: "very high"], "rosh_level: very high: must be low, medium, high or very_high"),
        // Identifiers.
        ([.pncID: "20030011985Z"], "pnc_id: 20030011985Z: check character is Z, expected X"),
        ([.croNumber: "NONE"], "cro_number: NONE: not a CRO number (expected NNNNNN/YYC, e.g. 265416/21G)"),
        ([.nomsNumber: "a1234bc"],
         "noms_number: a1234bc: not a NOMS number (expected a letter, four digits, two letters, e.g. A1234BC)"),
        ([.crn: "x123456"], "crn: x123456: not a CRN (expected one uppercase letter and six digits, e.g. X123456)"),
        // Agencies, by kind.
        ([.establishment: "Kent Police"], "establishment: Kent Police: is a police force, not a prison"),
        ([.establishment: "HMP Atlantis"], "establishment: HMP Atlantis: unknown prison"),
        ([.homeForce: "London"], "police_force: London: is a probation area, not a police force"),
        ([.supervisingArea: "Atlantis"], "probation_area: Atlantis: unknown probation area"),
        // Across fields.
        ([.releaseDateType: ""], "release_date_type: : required when release_date is set (actual or potential)"),
        ([.releaseDate: ""], "release_date: : required when release_date_type is set"),
        ([.roshDate: ""], "rosh_date: : required when rosh_level is set"),
        ([.rosh: ""], "rosh_level: : required when rosh_date is set"),
        ([.roshDate: "2026-11-26"], "rosh_date: 2026-11-26: is in the future"),
        ([.custodyStart: "1979-04-30"], "custody_start_date: 1979-04-30: is before the date of birth (1979-05-01)"),
        ([.releaseDate: "1970-01-01"], "release_date: 1970-01-01: is before the date of birth (1979-05-01)"),
        ([.lastNotification: "1979-04-30"],
         "last_notification_date: 1979-04-30: is before the date of birth (1979-05-01)"),
        ([.lastNotification: "2026-11-26"], "last_notification_date: 2026-11-26: is in the future"),
        ([.mappEntryDate: "2026-02-29"], "mapp_entry_date: 2026-02-29: not a real calendar date"),
    ])
    func badValue(changes: [CoreField: String], expected: String) {
        #expect(F.errors(F.draft(changes)).description == expected)
    }

    @Test("each bad alias is named in the field alias", arguments: [
        ("Smith,", "alias: Smith,: not SURNAME, FORENAMES (or a surname alone)"),
        (", John", "alias: , John: not SURNAME, FORENAMES (or a surname alone)"),
        ("123, John", "alias: 123, John: must contain a letter"),
        ("Smith, J\u{7}", "alias: Smith, J\\x07: control characters are not allowed (\\x07 at character 9)"),
    ])
    func badAlias(alias: String, expected: String) {
        #expect(F.errors(F.draft(aliases: ["Good, Name", alias])).description == expected)
    }

    @Test("every field's error at once, in field order, one per field")
    func allErrors() {
        let draft = F.draft([.lastNotification: "bad", .surname: "", .gender: "m", .category: "3", .level: "1",
                             .establishment: "Kent Police", .releaseDateType: "", .crn: "x1"])
        let errors = F.errors(draft).errors
        #expect(errors.map(\.field) == ["surname", "gender", "crn", "mappa_level", "establishment",
                                        "release_date_type", "last_notification_date"])
    }

    @Test("a rule across fields waits for both fields to be valid")
    func crossFieldWaits() {
        // A bad date of birth says so once; the dates compared with it are not judged against it.
        #expect(F.errors(F.draft([.dateOfBirth: "1979-02-30", .custodyStart: "1900-01-01"])).errors.map(\.field)
            == ["date_of_birth"])
        // A bad release date is its own fault, not a missing one.
        #expect(F.errors(F.draft([.releaseDate: "soon", .releaseDateType: ""])).errors.map(\.field)
            == ["release_date"])
    }

    @Test("boundaries: born 1900-01-01, born today, born on 29 February; release and custody start on the date of birth")
    func boundaries() throws {
        #expect(try Self.core(F.draft([.dateOfBirth: "1900-01-01", .custodyStart: "", .releaseDate: "",
                                       .releaseDateType: ""])).dateOfBirth == F.day("1900-01-01"))
        #expect(try Self.core(F.draft([.dateOfBirth: "2026-11-25", .custodyStart: "2026-11-25",
                                       .releaseDate: "2026-11-25", .rosh: "", .roshDate: ""])).dateOfBirth == F.today)
        let leap = try Self.core(F.draft([.dateOfBirth: "2004-02-29", .custodyStart: "2004-02-29"]))
        #expect(leap.dateOfBirth == F.day("2004-02-29") && leap.custodyStart == F.day("2004-02-29"))
        #expect(try Self.core(F.draft([.lastNotification: "2026-11-25"])).lastNotification == F.today)
    }

    @Test("category 4 is accepted at level 1, as the import accepts it")
    func category4() throws {
        let core = try Self.core(F.draft([.category: "4", .level: "1"]))
        #expect(core.category == .four && core.level == .one)
    }

    @Test("a last notification is kept on any category (R16 and R8 read it for category 1 only)")
    func notificationOnCategory2() throws {
        #expect(try Self.core(F.draft([.category: "2", .lastNotification: "2026-01-01"])).lastNotification
            == F.day("2026-01-01"))
    }

    @Test("an edit form starts from the record's values and gives them back unchanged")
    func editRoundTrip() throws {
        var nominal = F.nominal()
        nominal.establishmentID = F.belmarsh
        nominal.custody = .inCustody
        nominal.releaseDate = F.day("2027-01-31")
        nominal.releaseDateType = .actual
        let draft = NominalDraft(editing: nominal, agencies: F.agencies, aliases: [Alias(surname: "Quenell")])
        #expect(draft[.establishment] == "HMP Belmarsh" && draft[.homeForce] == "Metropolitan Police Service")
        #expect(draft[.dateOfBirth] == "1979-06-14" && draft[.category] == "2" && draft[.crn] == "X123456")
        #expect(draft.aliases == ["Quenell"])
        let core = try Self.core(draft, creating: false)
        var expected = nominal
        expected.aliases = ["QUENELL"]
        #expect(core.applied(to: nominal, on: F.today) == expected)
    }
}
