import Testing
@testable import VisorDomain

/// records.md: "Each field is validated as the import validates it, with
/// the same messages" — the same value in the import's column and in the
/// form's field gets the same reason.
@Suite("Field rules shared by the import and the forms")
struct SharedFieldRulesTests {
    @Test("the import and a form give the same reason for the same value", arguments: [
        (ExtractColumn.surname, CoreField.surname, String(repeating: "é", count: 101)),
        (.forenames, .forenames, "12"),
        (.dateOfBirth, .dateOfBirth, "2026-11-26"),
        (.dateOfBirth, .dateOfBirth, "2023-02-29"),
        (.dateOfBirth, .dateOfBirth, "1979-5-1"),
        (.gender, .gender, "m"),
        (.gender, .gender, ""),
        (.ethnicity, .ethnicity, "w1"),
        (.pncID, .pncID, "2001/0171310S"),
        (.croNumber, .croNumber, "85227/65G"),
        (.nomsNumber, .nomsNumber, "A1234B"),
        (.crn, .crn, "X12345"),
        (.mappaCategory, .category, "0"),
        (.mappaCategory, .category, ""),
        (.mappaLevel, .level, "one"),
        (.custodyStatus, .custodyStatus, "custody"),
        (.custodyStartDate, .custodyStart, "2025-13-01"),
        (.releaseDate, .releaseDate, "soon"),
        (.releaseDateType, .releaseDateType, "Actual"),
        (.releaseDateType, .releaseDateType, ""),
        (.orderType, .orderType, "community order"),
        (.orderType, .orderType, ""),
        (.roshLevel, .rosh, "High"),
        (.roshDate, .roshDate, ""),
        (.roshDate, .roshDate, "2026-11-31"),
    ])
    func sameReason(column: ExtractColumn, field: CoreField, value: String) throws {
        let fault = try ExtractRowValidatorTests.fault([column: value])
        let error = RecordFixture.errors(RecordFixture.draft([field: value]))
        #expect(error.errors.count == 1)
        #expect(error.errors.first?.message == fault.reason)
        #expect(error.errors.first?.field == fault.column)
    }

    @Test("category 3 needs level 2 or 3 in both, on mappa_level")
    func categoryLevel() throws {
        let fault = try ExtractRowValidatorTests.fault([.mappaCategory: "3", .mappaLevel: "1"])
        let error = RecordFixture.errors(RecordFixture.draft([.category: "3", .level: "1"]))
        #expect(error.description == "mappa_level: 1: " + fault.reason)
    }

    @Test("every coded field lists its allowed values once, for both", arguments: [
        (Gender.allowedValues, "M, F, X or U"),
        (MAPPACategoryCode.allowedValues, "1, 2, 3 or 4"),
        (MAPPALevelCode.allowedValues, "1, 2 or 3"),
        (AgencyKind.allowedValues, "police, probation or prison"),
        (RoSHLevel.allowedValues, "low, medium, high or very_high"),
    ])
    func allowed(words: String, expected: String) {
        #expect(words == expected)
    }

    @Test("RoSH levels are ordered low < medium < high < very high")
    func roshOrder() {
        #expect(RoSHLevel.allCases.sorted() == [.low, .medium, .high, .veryHigh])
        #expect([RoSHLevel.medium, .veryHigh, .low].max() == .veryHigh)
    }
}
