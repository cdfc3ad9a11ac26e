import Testing
@testable import VisorDomain

/// records.md's duplicate check before a nominal is created.
@Suite("Duplicate check")
struct DuplicateCheckTests {
    typealias F = RecordFixture

    static func core() throws -> NominalCore {
        try F.draft().validated(creating: true, today: F.today, agencies: F.agencies)
    }

    static let namesake = ExistingNominal(id: 41, surname: "WOJCIK", dateOfBirth: RecordFixture.day("1979-05-01"))

    @Test("the same identifier as another nominal is refused, naming its register id", arguments: [
        (ExistingNominal(id: 9, pncID: PNCID(year: 1979, serial: 163_001), surname: "Other",
                         dateOfBirth: RecordFixture.day("1960-01-01")),
         "pnc_id: 1979/0163001B: already on the register as nominal 9"),
        (ExistingNominal(id: 10, crn: CRN(letter: "X", number: 123_456), surname: "Other",
                         dateOfBirth: RecordFixture.day("1960-01-01")),
         "crn: X123456: already on the register as nominal 10"),
    ])
    func identifier(existing: ExistingNominal, expected: String) throws {
        let core = try Self.core()
        do throws(IdentifierClash) {
            try DuplicateCheck.identifierClash(core, among: [Self.namesake, existing])
            Issue.record("expected a refusal")
        } catch {
            #expect(error.error.description == expected)
            #expect(error.nominalID == existing.id)
        }
        // The nominal being edited is not its own duplicate.
        #expect(throws: Never.self) { try DuplicateCheck.identifierClash(core, among: [existing], editing: existing.id) }
    }

    @Test("the same folded surname and date of birth is a warning to confirm")
    func namesakes() throws {
        let core = try Self.core()
        let other = ExistingNominal(id: 3, surname: "Wójcik", dateOfBirth: F.day("1979-05-02"))
        #expect(DuplicateCheck.namesakes(of: core, among: [Self.namesake, other]) == [41])
        #expect(DuplicateCheck.namesakes(of: core, among: [Self.namesake], editing: 41).isEmpty)
        #expect(DuplicateCheck.warning(namesakes: [41]) == "the register holds a nominal with the same surname and "
            + "date of birth (nominal 41): confirm that this is another person (--confirm-duplicate)")
    }
}
