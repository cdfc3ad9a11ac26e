import Testing
@testable import VisorDomain

/// Entries (records.md "Entries"), validated at 2026-11-25.
@Suite("Entry draft")
struct EntryDraftTests {
    typealias F = RecordFixture

    static func entry(_ draft: EntryDraft, correctable: Set<Int64> = [7, 8]) throws(FieldErrors) -> NewEntry {
        try draft.validated(today: F.today, correctable: correctable)
    }

    static func errors(_ draft: EntryDraft, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        fieldErrorsDescription(sourceLocation: sourceLocation) { () throws(FieldErrors) in try entry(draft) }
    }

    @Test("each of the six kinds is added with a date defaulting to today", arguments: [
        "information", "risk_management_plan", "contact", "note",
    ])
    func plainKinds(kind: String) throws {
        let entry = try Self.entry(EntryDraft(kind: kind, text: "Change of address notified."))
        #expect(entry.kind.rawValue == kind && entry.date == F.today && entry.text == "Change of address notified.")
        #expect(entry.grading == nil && entry.rosh == nil && entry.corrects == nil && !entry.released)
    }

    @Test("intelligence carries its grading")
    func intelligence() throws {
        let entry = try Self.entry(EntryDraft(kind: "intelligence", date: "2026-11-20", text: "Seen near the school.",
                                              source: "2", assessment: "B", handling: "C",
                                              conditions: "not to be shared with the family"))
        #expect(entry.kind == .intelligence && entry.date == F.day("2026-11-20"))
        #expect(entry.grading?.stored == "2B-C: not to be shared with the family")
    }

    @Test("a risk assessment carries RoSH per victim group; its overall level is the highest")
    func riskAssessment() throws {
        let entry = try Self.entry(EntryDraft(kind: "risk_assessment", text: "OASys completed.",
                                              rosh: ["public=medium", "children=very_high", "known_adult=high"]))
        #expect(entry.rosh?.levels == [.public: .medium, .children: .veryHigh, .knownAdult: .high])
        #expect(entry.rosh?.overall == .veryHigh)
        #expect(entry.rosh?.pieces == ["public=medium", "known_adult=high", "children=very_high"])
    }

    @Test("multi-line text is kept, blank lines around it trimmed; 20,000 characters is the limit")
    func text() throws {
        #expect(try Self.entry(EntryDraft(kind: "note", text: "\n  first\n\nsecond  \n\n")).text == "first\n\nsecond")
        let longest = String(repeating: "e\u{301}", count: 20_000)
        #expect(try Self.entry(EntryDraft(kind: "note", text: longest)).text.count == 20_000)
    }

    @Test("a correction names an earlier entry of the same nominal")
    func correction() throws {
        #expect(try Self.entry(EntryDraft(kind: "note", text: "Corrects the address.", corrects: "8")).corrects == 8)
    }

    @Test("each bad field is refused, naming the field and the value", arguments: [
        (EntryDraft(kind: "", text: "x"),
         "kind: : required (information, intelligence, risk_assessment, risk_management_plan, contact or note)"),
        (EntryDraft(kind: "Note", text: "x"),
         "kind: Note: must be information, intelligence, risk_assessment, risk_management_plan, contact or note"),
        (EntryDraft(kind: "mapp_minutes", text: "x"),
         "kind: mapp_minutes: MAPP minutes are recorded with their meeting (visor meeting add)"),
        (EntryDraft(kind: "note", date: "2026-11-26", text: "x"), "date: 2026-11-26: is in the future"),
        (EntryDraft(kind: "note", date: "2026-02-29", text: "x"), "date: 2026-02-29: not a real calendar date"),
        (EntryDraft(kind: "note", date: "25/11/2026", text: "x"), "date: 25/11/2026: not an ISO date (YYYY-MM-DD)"),
        (EntryDraft(kind: "note", text: " \n "), "text:  \\n : required"),
        (EntryDraft(kind: "note", text: "a\tb"), "text: a\\tb: control characters are not allowed (\\t at character 2)"),
        (EntryDraft(kind: "note", text: "a\r\nb"),
         "text: a\\r\\nb: line breaks other than \\n are not allowed (\\r at character 2)"),
        (EntryDraft(kind: "note", text: "evil\u{202E}txt"),
         "text: evil\\u202etxt: bidirectional controls are not allowed (\\u202e at character 5)"),
        (EntryDraft(kind: "note", text: "x", source: "2"), "source: 2: only intelligence is graded"),
        (EntryDraft(kind: "contact", text: "x", handling: "P"), "handling: P: only intelligence is graded"),
        (EntryDraft(kind: "intelligence", text: "x"), "source: : required for intelligence (1, 2 or 3)"),
        (EntryDraft(kind: "intelligence", text: "x", source: "4", assessment: "B", handling: "P"),
         "source: 4: must be 1, 2 or 3"),
        (EntryDraft(kind: "intelligence", text: "x", source: "1", assessment: "B", handling: "C"),
         "conditions: : required when handling is C"),
        (EntryDraft(kind: "risk_assessment", text: "x"),
         "rosh: : required for a risk assessment (GROUP=LEVEL, e.g. public=high)"),
        (EntryDraft(kind: "risk_assessment", text: "x", rosh: ["everyone=high"]),
         "rosh: everyone=high: unknown victim group (public, known_adult, children, staff or prisoners)"),
        (EntryDraft(kind: "risk_assessment", text: "x", rosh: ["public=extreme"]),
         "rosh: public=extreme: must be low, medium, high or very_high"),
        (EntryDraft(kind: "risk_assessment", text: "x", rosh: ["public"]), "rosh: public: not GROUP=LEVEL (e.g. public=high)"),
        (EntryDraft(kind: "risk_assessment", text: "x", rosh: ["staff=low", "staff=high"]),
         "rosh: staff=high: staff is given twice"),
        (EntryDraft(kind: "note", text: "x", rosh: ["public=high"]),
         "rosh: public=high: only a risk assessment carries RoSH levels"),
        (EntryDraft(kind: "note", text: "x", corrects: "9"), "corrects: 9: no entry 9 on this nominal"),
        (EntryDraft(kind: "note", text: "x", corrects: "-1"), "corrects: -1: not an entry id (a whole number)"),
        (EntryDraft(kind: "note", text: "x", corrects: "eight"), "corrects: eight: not an entry id (a whole number)"),
    ])
    func refused(draft: EntryDraft, expected: String) {
        #expect(Self.errors(draft) == expected)
    }

    @Test("a text over 20,000 characters is refused with its length")
    func tooLong() {
        let text = String(repeating: "a", count: 20_001)
        #expect(Self.errors(EntryDraft(kind: "note", text: text))
            == "text: \(String(repeating: "a", count: 60)): too long (20001 characters, at most 20000)")
    }

    @Test("every field's error at once, in the form's order")
    func allErrors() {
        let draft = EntryDraft(kind: "intelligence", date: "tomorrow", text: "", source: "9", assessment: "Z",
                               handling: "P", corrects: "x")
        #expect(Self.errors(draft).split(separator: "\n").map { $0.prefix { $0 != ":" } }
            == ["date", "text", "source", "assessment", "corrects"])
    }
}
