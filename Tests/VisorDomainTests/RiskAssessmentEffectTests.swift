import Testing
@testable import VisorDomain

/// records.md: a risk assessment "when it is the latest, sets the record's RoSH level and date".
@Suite("Risk assessment effect")
struct RiskAssessmentEffectTests {
    typealias F = RecordFixture

    static func assessment(_ date: String, _ pieces: [String]) throws -> NewEntry {
        try EntryDraft(kind: "risk_assessment", date: date, text: "OASys.", rosh: pieces)
            .validated(today: F.today, correctable: [])
    }

    @Test("the latest assessment sets the record's RoSH to its highest level, and its date")
    func latest() throws {
        var nominal = F.nominal()
        nominal.rosh = .low
        nominal.roshDate = F.day("2026-01-01")
        let entry = try Self.assessment("2026-11-01", ["public=medium", "staff=high"])
        let updated = entry.applied(to: nominal)
        #expect(updated.rosh == .high && updated.roshDate == F.day("2026-11-01"))
    }

    @Test("an assessment of the same date as the record's replaces it; an older one does not")
    func sameAndOlder() throws {
        var nominal = F.nominal()
        nominal.rosh = .veryHigh
        nominal.roshDate = F.day("2026-11-01")
        #expect(try Self.assessment("2026-11-01", ["public=low"]).applied(to: nominal).rosh == .low)
        let older = try Self.assessment("2026-10-31", ["public=low"])
        #expect(older.roshChange(on: nominal) == nil)
        #expect(older.applied(to: nominal) == nominal)
    }

    @Test("a record without a RoSH takes the first assessment's; other kinds change nothing")
    func firstAndOtherKinds() throws {
        let nominal = F.nominal()
        #expect(try Self.assessment("2020-02-29", ["prisoners=medium"]).roshChange(on: nominal)?.date
            == F.day("2020-02-29"))
        let note = try EntryDraft(kind: "note", text: "x").validated(today: F.today, correctable: [])
        #expect(note.applied(to: nominal) == nominal)
    }
}
