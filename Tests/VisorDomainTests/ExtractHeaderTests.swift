import Testing
@testable import VisorDomain

/// The header line of the nominals CSV: names matched without regard to case
/// or surrounding spaces, in any order; unknown columns noted; missing required ones listed.
@Suite("Extract header")
struct ExtractHeaderTests {
    static let specNames = ExtractColumn.allCases.map(\.rawValue)

    @Test("the spec's header has every column, in order, and nothing missing or unknown")
    func specHeader() {
        let header = ExtractHeader(fields: Self.specNames)
        #expect(header.fieldCount == 26)
        #expect(header.missingColumns.isEmpty)
        #expect(header.unknownColumns.isEmpty)
        for (index, column) in ExtractColumn.allCases.enumerated() {
            #expect(header.positions[column] == index)
        }
    }

    @Test("the columns are those of nominals-csv.md, in its order")
    func columnOrder() {
        #expect(Self.specNames == [
            "crn", "pnc_id", "cro_number", "noms_number", "surname", "forenames", "date_of_birth", "gender",
            "ethnicity", "mappa_category", "mappa_level", "managing_agency", "managing_unit", "custody_status",
            "establishment", "custody_start_date", "release_date", "release_date_type", "mapp_entry_date",
            "order_type", "offender_manager", "police_force", "probation_area", "rosh_level", "rosh_date",
            "last_notification_date",
        ])
        #expect(ExtractColumn.allCases.filter(\.isRequired).map(\.rawValue) == [
            "crn", "surname", "forenames", "date_of_birth", "gender", "mappa_category", "mappa_level",
            "managing_agency", "managing_unit", "custody_status", "order_type",
        ])
    }

    @Test("names match without regard to case or surrounding spaces, in any order")
    func caseAndSpaces() {
        let header = ExtractHeader(fields: Self.specNames.reversed().map { "  " + $0.uppercased() + " " })
        #expect(header.missingColumns.isEmpty)
        #expect(header.unknownColumns.isEmpty)
        #expect(header.positions[.crn] == 25)
        #expect(header.positions[.lastNotificationDate] == 0)
    }

    @Test("unknown columns are kept as written for the warning, and still counted as fields")
    func unknownColumns() {
        let header = ExtractHeader(fields: Self.specNames + ["Notes", "pnc id"])
        #expect(header.unknownColumns == ["Notes", "pnc id"])
        #expect(header.fieldCount == 28)
        #expect(header.missingColumns.isEmpty)
    }

    @Test("missing required columns are listed in column order; missing optional ones are not")
    func missingColumns() {
        let names = Self.specNames.filter { !["surname", "crn", "order_type", "pnc_id", "rosh_date"].contains($0) }
        let header = ExtractHeader(fields: names)
        #expect(header.missingColumns == [.crn, .surname, .orderType])
        #expect(header.positions[.pncID] == nil)
    }

    @Test("a leading byte-order mark does not hide the first column")
    func byteOrderMark() {
        let header = ExtractHeader(fields: ["\u{FEFF}crn"] + Self.specNames.dropFirst())
        #expect(header.positions[.crn] == 0)
        #expect(header.missingColumns.isEmpty)
        #expect(header.unknownColumns.isEmpty)
    }

    @Test("only the required columns are enough")
    func requiredOnly() {
        let header = ExtractHeader(fields: ExtractColumn.allCases.filter(\.isRequired).map(\.rawValue))
        #expect(header.missingColumns.isEmpty)
        #expect(header.fieldCount == 11)
    }
}

/// Headers that refuse the whole file (issue 11, item 6): a column named twice,
/// and more unknown columns than an extract with local additions would have.
@Suite("Extract header: refused headers")
struct ExtractHeaderRefusalTests {
    static let specNames = ExtractColumn.allCases.map(\.rawValue)

    @Test("a column named twice, in any case or spacing, is a repetition, not an unknown column")
    func repeated() {
        let header = ExtractHeader(fields: Self.specNames + [" SURNAME ", "crn"])
        #expect(header.repeatedColumns == [
            ExtractHeader.Repetition(column: .surname, first: 4, again: 26),
            ExtractHeader.Repetition(column: .crn, first: 0, again: 27),
        ])
        #expect(header.unknownColumns.isEmpty)
        #expect(header.positions[.surname] == 4)
        #expect(header.faults.map(\.description) == [
            "line 1: surname: : column repeated (fields 5 and 27)",
            "line 1: crn: : column repeated (fields 1 and 28)",
        ])
    }

    @Test("up to 200 unknown columns are ignored; 201 refuse the file in one line")
    func tooManyUnknown() {
        let allowed = ExtractHeader(fields: Self.specNames + (1...200).map { "local\($0)" })
        #expect(allowed.faults.isEmpty)
        let wide = ExtractHeader(fields: Self.specNames + (1...201).map { "local\($0)" })
        #expect(wide.faults.map(\.description)
            == ["line 1: *: : 201 unknown columns (at most 200): is this a nominals extract?"])
    }

    @Test("missing columns come first, then repetitions")
    func order() {
        let header = ExtractHeader(fields: Self.specNames.filter { $0 != "gender" } + ["crn"])
        #expect(header.faults.map(\.description) == [
            "line 1: gender: : missing required column", "line 1: crn: : column repeated (fields 1 and 26)",
        ])
    }
}
