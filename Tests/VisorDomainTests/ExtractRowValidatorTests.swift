import Testing
@testable import VisorDomain

/// Row-level validation of the nominals CSV (nominals-csv.md), at 2026-11-25.
@Suite("Extract row validator")
struct ExtractRowValidatorTests {
    /// The agencies of agencies.md, numbered from 1 in catalogue order, looked up by match key.
    struct Directory: AgencyDirectory {
        let ids: [String: AgencyID]

        init() {
            var ids: [String: AgencyID] = [:]
            for (offset, agency) in AgencyCatalog.all.enumerated() {
                ids[agency.kind.rawValue + "|" + Agency.matchKey(agency.name)] = AgencyID(offset + 1)
            }
            self.ids = ids
        }

        func agencyID(kind: AgencyKind, matchKey: String) -> AgencyID? { ids[kind.rawValue + "|" + matchKey] }

        /// The id of a canonical agency, by its exact catalogue name.
        static func id(_ kind: AgencyKind, _ name: String) -> AgencyID {
            let index = AgencyCatalog.all.firstIndex { $0.kind == kind && $0.name == name }
            precondition(index != nil, "not in the catalogue: \(name)")
            return AgencyID((index ?? 0) + 1)
        }
    }

    static let today = LocalDate(year: 2026, month: 11, day: 25)
    static let line = 7

    /// The header of nominals-csv.md, in the spec's column order.
    static let specHeader = ExtractHeader(fields: ExtractColumn.allCases.map(\.rawValue))

    /// A row that is valid in every column.
    static let goodValues: [ExtractColumn: String] = [
        .crn: "X123456", .pncID: "79/163001B", .croNumber: "265416/21G", .nomsNumber: "A1234BC",
        .surname: "Wójcik", .forenames: "Łukasz Jan", .dateOfBirth: "1979-05-01", .gender: "M",
        .ethnicity: "W1", .mappaCategory: "2", .mappaLevel: "2", .managingAgency: "probation",
        .managingUnit: "Kent, Surrey and Sussex", .custodyStatus: "in_custody", .establishment: "HMP Belmarsh",
        .custodyStartDate: "2025-01-10", .releaseDate: "2027-03-01", .releaseDateType: "potential",
        .mappEntryDate: "2026-06-01", .orderType: "licence", .offenderManager: "S123",
        .policeForce: "Kent Police", .probationArea: "Kent, Surrey and Sussex", .roshLevel: "high",
        .roshDate: "2026-10-01", .lastNotificationDate: "",
    ]

    /// The good row with `changes` applied, laid out for `header`.
    static func row(_ changes: [ExtractColumn: String] = [:], header: ExtractHeader = specHeader) -> [String] {
        var fields = Array(repeating: "", count: header.fieldCount)
        for (column, value) in goodValues.merging(changes, uniquingKeysWith: { $1 }) {
            if let index = header.positions[column] { fields[index] = value }
        }
        return fields
    }

    static func validator(addAgencies: Bool = false, header: ExtractHeader = specHeader) throws -> ExtractRowValidator {
        ExtractRowValidator(header: header, today: try #require(today), directory: Directory(),
                            addAgencies: addAgencies)
    }

    static func validate(_ changes: [ExtractColumn: String], addAgencies: Bool = false) throws
        -> Result<ExtractCase, RowFault> {
        try validator(addAgencies: addAgencies).validate(line: line, fields: row(changes))
    }

    static func fault(_ changes: [ExtractColumn: String], addAgencies: Bool = false) throws -> RowFault {
        switch try validate(changes, addAgencies: addAgencies) {
        case .success(let value):
            Issue.record("expected a fault, got a case for \(value.crn)")
            return RowFault(line: 0, column: "", value: "", reason: "")
        case .failure(let fault):
            return fault
        }
    }

    static func accepted(_ changes: [ExtractColumn: String], addAgencies: Bool = false) throws -> ExtractCase {
        try validate(changes, addAgencies: addAgencies).get()
    }

    static func date(_ iso: String) throws -> LocalDate { try #require(LocalDate(iso: iso)) }

    // MARK: A good row

    @Test("a good row becomes a case with every column parsed")
    func goodRow() throws {
        let value = try Self.accepted([:])
        #expect(value.line == 7)
        #expect(value.crn.canonical == "X123456")
        #expect(value.pncID?.canonical == "1979/0163001B")
        #expect(value.croNumber?.canonical == "265416/21G")
        #expect(value.nomsNumber?.canonical == "A1234BC")
        #expect(value.surname == "Wójcik")
        #expect(value.forenames == "Łukasz Jan")
        #expect(try value.dateOfBirth == Self.date("1979-05-01"))
        #expect(value.gender == .male)
        #expect(value.ethnicity == .w1)
        #expect(value.category == .two)
        #expect(value.level == .two)
        #expect(value.managingAgency == .probation)
        #expect(value.managingUnit == .known(Directory.id(.probation, "Kent, Surrey and Sussex")))
        #expect(value.custody == .inCustody)
        #expect(value.establishment == .known(Directory.id(.prison, "HMP Belmarsh")))
        #expect(try value.custodyStart == Self.date("2025-01-10"))
        #expect(try value.releaseDate == Self.date("2027-03-01"))
        #expect(value.releaseDateType == .potential)
        #expect(try value.mappEntryDate == Self.date("2026-06-01"))
        #expect(value.orderType == .licence)
        #expect(value.offenderManager == "S123")
        #expect(value.policeForce == .known(Directory.id(.police, "Kent Police")))
        #expect(value.probationArea == .known(Directory.id(.probation, "Kent, Surrey and Sussex")))
        #expect(value.rosh == .high)
        #expect(try value.roshDate == Self.date("2026-10-01"))
        #expect(value.lastNotification == nil)
    }

    @Test("a row with only the required columns filled is a case with no optional values")
    func minimalRow() throws {
        var changes: [ExtractColumn: String] = [:]
        for column in ExtractColumn.allCases where !column.isRequired { changes[column] = "" }
        let value = try Self.accepted(changes)
        #expect(value.pncID == nil && value.croNumber == nil && value.nomsNumber == nil)
        #expect(value.ethnicity == nil && value.establishment == nil && value.custodyStart == nil)
        #expect(value.releaseDate == nil && value.releaseDateType == nil && value.mappEntryDate == nil)
        #expect(value.offenderManager == nil && value.policeForce == nil && value.probationArea == nil)
        #expect(value.rosh == nil && value.roshDate == nil && value.lastNotification == nil)
    }

    @Test("every accepted code of each coded column", arguments: [
        (ExtractColumn.gender, ["M", "F", "X", "U"]),
        (.ethnicity, ["W1", "W2", "W3", "W4", "M1", "M2", "M3", "M4", "A1", "A2", "A3", "A4", "A5", "B1", "B2",
                      "B3", "O1", "O2", "NS"]),
        (.mappaCategory, ["1", "2", "3", "4"]),
        (.mappaLevel, ["1", "2", "3"]),
        (.custodyStatus, ["in_custody", "community"]),
        (.releaseDateType, ["actual", "potential"]),
        (.orderType, ["licence", "community_order", "none"]),
        (.roshLevel, ["low", "medium", "high", "very_high"]),
    ])
    func acceptedCodes(column: ExtractColumn, codes: [String]) throws {
        for code in codes {
            #expect(throws: Never.self, "\(column.rawValue) \(code)") { try Self.accepted([column: code]) }
        }
    }

    @Test("category 3 is accepted at level 2 or 3; category 4 at any level")
    func categoryLevels() throws {
        #expect(try Self.accepted([.mappaCategory: "3", .mappaLevel: "2"]).category == .three)
        #expect(try Self.accepted([.mappaCategory: "3", .mappaLevel: "3"]).level == .three)
        #expect(try Self.accepted([.mappaCategory: "4", .mappaLevel: "1"]).category == .four)
        #expect(try Self.accepted([.mappaCategory: "1", .mappaLevel: "1"]).level == .one)
    }

    @Test("a date of birth of today is accepted, tomorrow is not")
    func dateOfBirthBoundary() throws {
        // Custody cannot start before birth: the good row's custody start is cleared for a birth today.
        #expect(try Self.accepted([.dateOfBirth: "2026-11-25", .custodyStartDate: ""]).dateOfBirth
            == (try Self.date("2026-11-25")))
        #expect(try Self.fault([.dateOfBirth: "2026-11-26"]).description
            == "line 7: date_of_birth: 2026-11-26: is in the future")
    }

    @Test("release dates, MAPP entry and notification dates may be in the future")
    func futureDatesAllowed() throws {
        let value = try Self.accepted([.releaseDate: "2030-01-01", .releaseDateType: "actual",
                                       .mappEntryDate: "2027-01-01", .lastNotificationDate: "2026-12-01",
                                       .custodyStartDate: "2026-12-01"])
        #expect(try value.releaseDate == Self.date("2030-01-01"))
        #expect(value.releaseDateType == .actual)
        #expect(try value.lastNotification == Self.date("2026-12-01"))
    }

    @Test("a PNC ID in any accepted form is stored canonically, its short year read at today's year")
    func pncForms() throws {
        #expect(try Self.accepted([.pncID: "2008/0056560Z"]).pncID?.canonical == "2008/0056560Z")
        #expect(try Self.accepted([.pncID: "20030011985X"]).pncID?.canonical == "2003/0011985X")
        #expect(try Self.accepted([.pncID: "033Y"]).pncID?.canonical == "2003/0000003Y")
        #expect(try Self.accepted([.pncID: "81/34U"]).pncID?.canonical == "1981/0000034U")
        // 26 is this year: 2026. 27 is not yet: 1927.
        let check26 = PNCID.checkCharacter(year: 26, serial: 1)
        #expect(try Self.accepted([.pncID: "26/1\(check26)"]).pncID?.year == 2026)
        let check27 = PNCID.checkCharacter(year: 27, serial: 1)
        #expect(try Self.accepted([.pncID: "27/1\(check27)"]).pncID?.year == 1927)
    }

    @Test("a name of 100 characters is accepted even when it takes more code points")
    func hundredGraphemes() throws {
        let name = String(repeating: "e\u{301}", count: 100)
        #expect(name.unicodeScalars.count == 200)
        #expect(try Self.accepted([.surname: name]).surname == name)
        let zoes = String(repeating: "Zoe\u{308}y", count: 25)
        #expect(zoes.count == 100 && zoes.unicodeScalars.count == 125)
        #expect(try Self.accepted([.forenames: zoes]).forenames == zoes)
    }

    @Test("non-Latin names and punctuation in names are kept as written")
    func otherScripts() throws {
        let value = try Self.accepted([.surname: "王", .forenames: "秀英"])
        #expect(value.surname == "王" && value.forenames == "秀英")
        #expect(try Self.accepted([.surname: "Ó'Brien-Smith"]).surname == "Ó'Brien-Smith")
    }

    // MARK: Bad input, one fault per row

    @Test("each bad input gets the contract line for its column", arguments: [
        // Identifiers.
        ([ExtractColumn.crn: ""], "line 7: crn: : required"),
        ([.crn: "x123456"],
         "line 7: crn: x123456: not a CRN (expected one uppercase letter and six digits, e.g. X123456)"),
        ([.pncID: "20030011985Z"], "line 7: pnc_id: 20030011985Z: check character is Z, expected X"),
        ([.pncID: "2001/0171310S"], "line 7: pnc_id: 2001/0171310S: check character is S, expected W"),
        ([.pncID: "TOTALLYINVALID"],
         "line 7: pnc_id: TOTALLYINVALID: not a PNC ID (expected YYYY/NNNNNNNC, e.g. 2008/0056560Z)"),
        ([.pncID: "1923/1234567AA"],
         "line 7: pnc_id: 1923/1234567AA: not a PNC ID (expected YYYY/NNNNNNNC, e.g. 2008/0056560Z)"),
        ([.croNumber: "NONE"], "line 7: cro_number: NONE: not a CRO number (expected NNNNNN/YYC, e.g. 265416/21G)"),
        ([.croNumber: "0000"], "line 7: cro_number: 0000: not a CRO number (expected NNNNNN/YYC, e.g. 265416/21G)"),
        ([.croNumber: "85227/65G"], "line 7: cro_number: 85227/65G: check character is G, expected L"),
        ([.nomsNumber: "a1234bc"],
         "line 7: noms_number: a1234bc: not a NOMS number (expected a letter, four digits, two letters, e.g. A1234BC)"),
        // Names.
        ([.surname: ""], "line 7: surname: : required"),
        ([.forenames: ""], "line 7: forenames: : required"),
        // Dates.
        ([.dateOfBirth: ""], "line 7: date_of_birth: : required"),
        ([.dateOfBirth: "2023-02-30"], "line 7: date_of_birth: 2023-02-30: not a real calendar date"),
        ([.dateOfBirth: "2023-02-29"], "line 7: date_of_birth: 2023-02-29: not a real calendar date"),
        ([.dateOfBirth: "2030-01-01"], "line 7: date_of_birth: 2030-01-01: is in the future"),
        ([.dateOfBirth: "01/05/1979"], "line 7: date_of_birth: 01/05/1979: not an ISO date (YYYY-MM-DD)"),
        ([.dateOfBirth: "1979-5-1"], "line 7: date_of_birth: 1979-5-1: not an ISO date (YYYY-MM-DD)"),
        ([.dateOfBirth: "19790-5-01"], "line 7: date_of_birth: 19790-5-01: not an ISO date (YYYY-MM-DD)"),
        // Codes: written exactly, no case folding.
        ([.gender: "m"], "line 7: gender: m: must be M, F, X or U"),
        ([.gender: "Male"], "line 7: gender: Male: must be M, F, X or U"),
        ([.gender: ""], "line 7: gender: : required (M, F, X or U)"),
        ([.ethnicity: "w1"],
         "line 7: ethnicity: w1: must be an ONS 2011 code (W1-W4, M1-M4, A1-A5, B1-B3, O1, O2) or NS"),
        ([.ethnicity: "W5"],
         "line 7: ethnicity: W5: must be an ONS 2011 code (W1-W4, M1-M4, A1-A5, B1-B3, O1, O2) or NS"),
        ([.mappaCategory: "5"], "line 7: mappa_category: 5: must be 1, 2, 3 or 4"),
        ([.mappaCategory: "0"], "line 7: mappa_category: 0: must be 1, 2, 3 or 4"),
        ([.mappaCategory: "02"], "line 7: mappa_category: 02: must be 1, 2, 3 or 4"),
        ([.mappaCategory: ""], "line 7: mappa_category: : required (1, 2, 3 or 4)"),
        ([.mappaLevel: "4"], "line 7: mappa_level: 4: must be 1, 2 or 3"),
        ([.mappaLevel: "one"], "line 7: mappa_level: one: must be 1, 2 or 3"),
        ([.mappaCategory: "3", .mappaLevel: "1"], "line 7: mappa_level: 1: category 3 requires level 2 or 3"),
        ([.managingAgency: "Probation"], "line 7: managing_agency: Probation: must be police, probation or prison"),
        ([.managingAgency: ""], "line 7: managing_agency: : required (police, probation or prison)"),
        ([.managingUnit: ""], "line 7: managing_unit: : required"),
        ([.managingUnit: "Atlantis"],
         "line 7: managing_unit: Atlantis: unknown probation area (use --add-agencies to create it)"),
        ([.managingUnit: "Kent Police"],
         "line 7: managing_unit: Kent Police: unknown probation area (use --add-agencies to create it)"),
        ([.managingAgency: "police", .managingUnit: "Kent, Surrey and Sussex"],
         "line 7: managing_unit: Kent, Surrey and Sussex: unknown police force (use --add-agencies to create it)"),
        ([.custodyStatus: "custody"], "line 7: custody_status: custody: must be in_custody or community"),
        ([.custodyStatus: "In_Custody"], "line 7: custody_status: In_Custody: must be in_custody or community"),
        ([.establishment: "HMP Atlantis"],
         "line 7: establishment: HMP Atlantis: unknown prison (use --add-agencies to create it)"),
        ([.establishment: "Kent Police"],
         "line 7: establishment: Kent Police: unknown prison (use --add-agencies to create it)"),
        ([.custodyStartDate: "2025-13-01"], "line 7: custody_start_date: 2025-13-01: not a real calendar date"),
        ([.releaseDate: "soon"], "line 7: release_date: soon: not an ISO date (YYYY-MM-DD)"),
        ([.releaseDateType: ""],
         "line 7: release_date_type: : required when release_date is set (actual or potential)"),
        ([.releaseDateType: "Actual"], "line 7: release_date_type: Actual: must be actual or potential"),
        ([.mappEntryDate: "2026-02-29"], "line 7: mapp_entry_date: 2026-02-29: not a real calendar date"),
        ([.orderType: "Licence"], "line 7: order_type: Licence: must be licence, community_order or none"),
        ([.orderType: "community order"],
         "line 7: order_type: community order: must be licence, community_order or none"),
        ([.orderType: ""], "line 7: order_type: : required (licence, community_order or none)"),
        ([.policeForce: "Kent Constabulary"],
         "line 7: police_force: Kent Constabulary: unknown police force (use --add-agencies to create it)"),
        ([.probationArea: "Kent"],
         "line 7: probation_area: Kent: unknown probation area (use --add-agencies to create it)"),
        ([.roshLevel: "High"], "line 7: rosh_level: High: must be low, medium, high or very_high"),
        ([.roshLevel: "very high"], "line 7: rosh_level: very high: must be low, medium, high or very_high"),
        ([.roshDate: ""], "line 7: rosh_date: : required when rosh_level is set"),
        ([.roshDate: "2026-11-26"], "line 7: rosh_date: 2026-11-26: is in the future"),
        ([.roshDate: "2026-11-31"], "line 7: rosh_date: 2026-11-31: not a real calendar date"),
        ([.lastNotificationDate: "2026-1-1"],
         "line 7: last_notification_date: 2026-1-1: not an ISO date (YYYY-MM-DD)"),
    ])
    func badInput(changes: [ExtractColumn: String], expected: String) throws {
        #expect(try Self.fault(changes).description == expected)
    }

    @Test("a fault names its column and keeps the value as written")
    func faultFields() throws {
        let fault = try Self.fault([.gender: "m"])
        #expect(fault.line == 7)
        #expect(fault.column == "gender")
        #expect(fault.value == "m")
        #expect(fault.reason == "must be M, F, X or U")
    }

    // MARK: Whole-row faults

    @Test("a row with the wrong number of fields is a whole-row fault")
    func wrongColumnCount() throws {
        let validator = try Self.validator()
        var short = Self.row()
        short.removeLast()
        #expect(validator.validate(line: 7, fields: short).failure?.description
            == "line 7: *: : expected 26 fields, found 25")
        let long = Self.row() + ["extra"]
        #expect(validator.validate(line: 12, fields: long).failure?.description
            == "line 12: *: : expected 26 fields, found 27")
        let fault = try #require(validator.validate(line: 7, fields: ["X123456", "oops"]).failure)
        #expect(fault.column == "*")
        #expect(fault.value == "")
    }

    @Test("a blank line and a row of empty fields are whole-row faults")
    func emptyRows() throws {
        let validator = try Self.validator()
        #expect(validator.validate(line: 3, fields: [""]).failure?.description == "line 3: *: : blank line")
        let empty = Array(repeating: "", count: 26)
        #expect(validator.validate(line: 4, fields: empty).failure?.description == "line 4: *: : empty row")
    }

    // MARK: Column order

    @Test("only the first fault in the spec's column order is reported", arguments: [
        ([ExtractColumn.crn: "x1", .gender: "m"], "crn"),
        ([.gender: "m", .dateOfBirth: "2023-02-30"], "date_of_birth"),
        ([.pncID: "20030011985Z", .croNumber: "NONE", .managingUnit: "Atlantis"], "pnc_id"),
        ([.croNumber: "NONE", .nomsNumber: "bad"], "cro_number"),
        ([.surname: "", .forenames: ""], "surname"),
        ([.mappaCategory: "5", .mappaLevel: "9"], "mappa_category"),
        ([.mappaCategory: "3", .mappaLevel: "1", .managingAgency: "Police"], "mappa_level"),
        ([.managingUnit: "Atlantis", .custodyStatus: "x"], "managing_unit"),
        ([.releaseDate: "2027-03-01", .releaseDateType: "", .orderType: "Licence"], "release_date_type"),
        ([.releaseDateType: "", .mappEntryDate: "bad"], "release_date_type"),
        ([.orderType: "Licence", .roshLevel: "High"], "order_type"),
        ([.roshDate: "", .lastNotificationDate: "bad"], "rosh_date"),
        ([.offenderManager: "S\t1", .policeForce: "Atlantis"], "offender_manager"),
        ([.policeForce: "Atlantis", .probationArea: "Atlantis"], "police_force"),
    ])
    func firstFault(changes: [ExtractColumn: String], column: String) throws {
        #expect(try Self.fault(changes).column == column)
    }

    @Test("columns are judged in spec order even when the file lists them in another order")
    func shuffledHeaderOrder() throws {
        let names = ExtractColumn.allCases.map(\.rawValue).reversed()
        let header = ExtractHeader(fields: Array(names))
        let validator = try Self.validator(header: header)
        let fields = Self.row([.gender: "m", .orderType: "Licence"], header: header)
        #expect(validator.validate(line: 2, fields: fields).failure?.description
            == "line 2: gender: m: must be M, F, X or U")
        let good = validator.validate(line: 2, fields: Self.row(header: header))
        #expect(good.success?.crn.canonical == "X123456")
        #expect(try good.success?.roshDate == Self.date("2026-10-01"))
    }

    @Test("a file with only the required columns and an unknown one: the unknown value is ignored")
    func requiredColumnsOnly() throws {
        let names = ExtractColumn.allCases.filter(\.isRequired).map(\.rawValue) + ["notes"]
        let header = ExtractHeader(fields: names)
        let validator = try Self.validator(header: header)
        var fields = Self.row(header: header)
        fields[fields.count - 1] = "anything, even \"quotes\" or\ttabs"
        let value = try validator.validate(line: 2, fields: fields).get()
        #expect(value.crn.canonical == "X123456")
        #expect(value.pncID == nil && value.releaseDate == nil && value.rosh == nil)
        // The column count is the header's, unknown columns included.
        #expect(validator.validate(line: 3, fields: Array(fields.dropLast())).failure?.description
            == "line 3: *: : expected 12 fields, found 11")
    }

    // MARK: Agencies

    @Test("agency names match regardless of case, punctuation and &/and", arguments: [
        (AgencyKind.probation, "kent surrey & sussex", "Kent, Surrey and Sussex"),
        (.probation, "KENT, SURREY AND SUSSEX", "Kent, Surrey and Sussex"),
        (.probation, "  Kent Surrey  Sussex", "Kent, Surrey and Sussex"),
        (.probation, "yorkshire & the humber", "Yorkshire and the Humber"),
        (.probation, "east of england", "East of England"),
        (.prison, "HMP and YOI Parc", "HMP & YOI Parc"),
        (.prison, "hmp & yoi bronzefield", "HMP & YOI Bronzefield"),
        (.prison, "H.M.P. Belmarsh", "HMP Belmarsh"),
        (.police, "dyfed powys police", "Dyfed-Powys Police"),
        (.police, "Avon & Somerset Constabulary", "Avon and Somerset Constabulary"),
        (.police, "City of London police", "City of London Police"),
    ])
    func agencyMatching(kind: AgencyKind, written: String, canonical: String) throws {
        let expected = AgencyReference.known(Directory.id(kind, canonical))
        switch kind {
        case .probation:
            let value = try Self.accepted([.managingUnit: written, .probationArea: written])
            #expect(value.managingUnit == expected)
            #expect(value.probationArea == expected)
        case .prison:
            let value = try Self.accepted([.managingAgency: "prison", .managingUnit: written, .establishment: written])
            #expect(value.managingUnit == expected)
            #expect(value.establishment == expected)
        case .police:
            let value = try Self.accepted([.managingAgency: "police", .managingUnit: written, .policeForce: written])
            #expect(value.managingUnit == expected)
            #expect(value.policeForce == expected)
        }
    }

    @Test("with --add-agencies an unknown agency becomes a new one of the column's kind, as written")
    func addAgencies() throws {
        let value = try Self.accepted([.managingUnit: "Atlantis Probation", .establishment: "HMP Atlantis",
                                       .policeForce: "Atlantis Police", .probationArea: "Atlantis Probation"],
                                      addAgencies: true)
        #expect(value.managingUnit == .new(.probation, "Atlantis Probation"))
        #expect(value.establishment == .new(.prison, "HMP Atlantis"))
        #expect(value.policeForce == .new(.police, "Atlantis Police"))
        #expect(value.probationArea == .new(.probation, "Atlantis Probation"))
        // Known agencies are still matched, not re-created.
        let known = try Self.accepted([.managingUnit: "kent surrey & sussex"], addAgencies: true)
        #expect(known.managingUnit == .known(Directory.id(.probation, "Kent, Surrey and Sussex")))
        // A managing unit of another kind is new under managing_agency's kind.
        let police = try Self.accepted([.managingAgency: "police", .managingUnit: "North East"], addAgencies: true)
        #expect(police.managingUnit == .new(.police, "North East"))
    }

    @Test("--add-agencies does not make a name of punctuation alone an agency")
    func addAgenciesNeedsAName() throws {
        let fault = try Self.fault([.managingUnit: "& - &"], addAgencies: true)
        #expect(fault.column == "managing_unit")
        #expect(fault.reason.hasPrefix("unknown probation area"))
    }

    // MARK: Lengths, control characters and the message's value

    @Test("a name over 100 characters is refused, counted in characters")
    func tooLong() throws {
        let name = String(repeating: "e\u{301}", count: 101)
        let fault = try Self.fault([.surname: name])
        #expect(fault.column == "surname")
        #expect(fault.reason == "too long (101 characters, at most 100)")
        #expect(fault.description
            == "line 7: surname: " + String(repeating: "e\u{301}", count: 60) + ": too long (101 characters, at most 100)")
        let plain = try Self.fault([.forenames: String(repeating: "a", count: 150)])
        #expect(plain.description
            == "line 7: forenames: " + String(repeating: "a", count: 60) + ": too long (150 characters, at most 100)")
    }

    @Test("a control character in a value is refused and shown escaped", arguments: [
        (ExtractColumn.forenames, "Jo\thn",
         "line 7: forenames: Jo\\thn: control characters are not allowed (\\t at character 3)"),
        (.surname, "Smith\n", "line 7: surname: Smith\\n: line breaks are not allowed (\\n at character 6)"),
        (.surname, "Smith\r", "line 7: surname: Smith\\r: line breaks are not allowed (\\r at character 6)"),
        (.offenderManager, "S1\t23",
         "line 7: offender_manager: S1\\t23: control characters are not allowed (\\t at character 3)"),
        (.managingUnit, "Kent\tSurrey",
         "line 7: managing_unit: Kent\\tSurrey: control characters are not allowed (\\t at character 5)"),
        (.probationArea, "\u{1B}[31mLondon",
         "line 7: probation_area: \\x1b[31mLondon: control characters are not allowed (\\x1b at character 1)"),
        (.pncID, "79/163001B\t",
         "line 7: pnc_id: 79/163001B\\t: control characters are not allowed (\\t at character 11)"),
    ])
    func controlCharacters(column: ExtractColumn, value: String, expected: String) throws {
        #expect(try Self.fault([column: value]).description == expected)
    }

    @Test("a code with a control character shows it escaped too")
    func controlInCode() throws {
        #expect(try Self.fault([.gender: "M\t"]).description == "line 7: gender: M\\t: must be M, F, X or U")
    }

    @Test("bidirectional and zero-width characters are refused in every text column, as free text refuses them",
          arguments: [
        (ExtractColumn.surname, "Smi\u{202E}ht",
         "line 7: surname: Smi\\u202eht: bidirectional controls are not allowed (\\u202e at character 4)"),
        (.forenames, "An\u{200B}na", "line 7: forenames: An\u{200B}na: zero-width characters are not allowed "
            + "(\\u200b at character 3)"),
        (.managingUnit, "\u{2067}London", "line 7: managing_unit: \\u2067London: bidirectional controls are not "
            + "allowed (\\u2067 at character 1)"),
        (.policeForce, "Kent Police\u{FEFF}", "line 7: police_force: Kent Police\u{FEFF}: zero-width characters are "
            + "not allowed (\\ufeff at character 12)"),
        (.offenderManager, "S\u{9B}1", "line 7: offender_manager: S\\x9b1: control characters are not allowed "
            + "(\\x9b at character 2)"),
        (.crn, "X12345\u{200E}6", "line 7: crn: X12345\\u200e6: bidirectional controls are not allowed "
            + "(\\u200e at character 7)"),
    ])
    func bidirectionalAndZeroWidth(column: ExtractColumn, value: String, expected: String) throws {
        #expect(try Self.fault([column: value]).description == expected)
        // The caller's line scan finds them too, so the fields are looked at.
        #expect(TextHazard.mayOccur(in: value))
    }

    @Test("a value in the message is cut at 60 characters, before escaping")
    func valueCut() throws {
        let long = String(repeating: "x", count: 59) + "\tyz"
        let fault = try Self.fault([.managingUnit: long])
        #expect(fault.value == long)
        #expect(fault.description == "line 7: managing_unit: " + String(repeating: "x", count: 59)
            + "\\t: control characters are not allowed (\\t at character 60)")
        let unknown = "Atlantis " + String(repeating: "Ω", count: 70)
        let cut = try Self.fault([.managingUnit: unknown]).description
        #expect(cut == "line 7: managing_unit: " + String(unknown.prefix(60))
            + ": unknown probation area (use --add-agencies to create it)")
    }

    @Test("RowFault shows control characters escaped and keeps other text", arguments: [
        ("a\nb", "a\\nb"), ("a\tb", "a\\tb"), ("a\r\nb", "a\\r\\nb"), ("a\u{0}b", "a\\x00b"),
        ("a\u{7F}b", "a\\x7fb"), ("Zoë 王秀英", "Zoë 王秀英"), ("", ""), ("\u{1B}[2J", "\\x1b[2J"),
        ("abc\u{202E}fdp", "abc\\u202efdp"), ("\u{9B}1m", "\\x9b1m"),
    ])
    func display(value: String, shown: String) {
        #expect(RowFault(line: 1, column: "surname", value: value, reason: "r").description
            == "line 1: surname: \(shown): r")
    }

    @Test("whole-row faults have the * column and no value")
    func wholeRowFault() {
        let fault = RowFault.wholeRow(line: 9, reason: "unclosed quote (a record must be on one line)")
        #expect(fault.description == "line 9: *: : unclosed quote (a record must be on one line)")
        #expect(RowFault(line: 1, column: ExtractColumn.crn, value: "", reason: "missing required column").description
            == "line 1: crn: : missing required column")
    }
}

extension Result {
    fileprivate var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }

    fileprivate var success: Success? {
        if case .success(let value) = self { return value }
        return nil
    }
}
