import Testing
@testable import VisorDomain

/// The 3x5x2 grading (records.md "Entries"): a value that refuses anything else.
@Suite("Intelligence grading")
struct IntelligenceGradingTests {
    static let sources = ["1", "2", "3"]
    static let assessments = ["A", "B", "C", "D", "E"]

    static func parse(_ source: String, _ assessment: String, _ handling: String,
                      _ conditions: String? = nil) throws(FieldErrors) -> IntelligenceGrading {
        try IntelligenceGrading(source: source, assessment: assessment, handling: handling, conditions: conditions)
    }

    static func errors(_ source: String, _ assessment: String, _ handling: String,
                       _ conditions: String? = nil) -> String? {
        do throws(FieldErrors) {
            _ = try parse(source, assessment, handling, conditions)
            return nil
        } catch {
            return error.description
        }
    }

    @Test("every one of the 30 gradings is accepted, and its stored form reads back the same")
    func all30() throws {
        var stored: Set<String> = []
        for source in Self.sources {
            for assessment in Self.assessments {
                let p = try Self.parse(source, assessment, "P")
                #expect(p.source.rawValue == source && p.assessment.rawValue == assessment && p.handling == .p)
                #expect(p.conditions == nil && p.stored == source + assessment + "-P")
                let c = try Self.parse(source, assessment, "C", "police use only")
                #expect(c.handling == .c && c.conditions == "police use only")
                #expect(c.stored == source + assessment + "-C: police use only")
                for grading in [p, c] {
                    #expect(try IntelligenceGrading(stored: grading.stored) == grading)
                    stored.insert(grading.stored)
                }
            }
        }
        #expect(stored.count == 30)
    }

    @Test("a source outside 1-3 is refused, naming the field and the value", arguments: [
        "0", "4", "5", "A", "1A", "01", " 2x", "١",
    ])
    func badSource(source: String) {
        #expect(Self.errors(source, "A", "P") == "source: \(FieldError(field: "", value: source, message: "").shownValue): must be 1, 2 or 3")
    }

    @Test("an assessment outside A-E is refused, case included", arguments: ["F", "a", "e", "AB", "1", "Ä"])
    func badAssessment(assessment: String) {
        #expect(Self.errors("1", assessment, "P") == "assessment: \(assessment): must be A, B, C, D or E")
    }

    @Test("a handling code other than P or C is refused", arguments: ["p", "c", "X", "PC", "1", "R"])
    func badHandling(handling: String) {
        #expect(Self.errors("1", "A", handling) == "handling: \(handling): must be P or C")
    }

    @Test("C needs its conditions; P takes none", arguments: [
        ("C", nil, "conditions: : required when handling is C"),
        ("C", "   ", "conditions:    : required when handling is C"),
        ("P", "only police", "conditions: only police: only with handling C (P may be disseminated without conditions)"),
        ("C", "no\u{202E}te", "conditions: no\\u202ete: bidirectional controls are not allowed (\\u202e at character 3)"),
        ("C", "line\nbreak", "conditions: line\\nbreak: line breaks are not allowed (\\n at character 5)"),
    ] as [(String, String?, String)])
    func conditions(handling: String, conditions: String?, expected: String) {
        #expect(Self.errors("2", "B", handling, conditions) == expected)
    }

    @Test("every missing or wrong part is reported at once, in option order")
    func allParts() {
        #expect(Self.errors("", "F", "") == """
            source: : required for intelligence (1, 2 or 3)
            assessment: F: must be A, B, C, D or E
            handling: : required for intelligence (P or C)
            """)
    }

    @Test("the conditions text is trimmed and may be up to 2,000 characters")
    func conditionsLength() throws {
        #expect(try Self.parse("3", "E", "C", "  not to the subject  ").conditions == "not to the subject")
        #expect(try Self.parse("3", "E", "C", String(repeating: "x", count: 2_000)).conditions?.count == 2_000)
        #expect(Self.errors("3", "E", "C", String(repeating: "x", count: 2_001))?
            .hasSuffix("too long (2001 characters, at most 2000)") == true)
    }

    @Test("old stored gradings read letter first: assessment then source", arguments: [
        ("B2 P", "2B-P"),
        ("C3 P", "3C-P"),
        ("A1 C", "1A-C: " + IntelligenceGrading.legacyConditions),
        ("B2", "2B-C: " + IntelligenceGrading.legacyConditions),
    ])
    func legacy(old: String, canonical: String) throws {
        #expect(try IntelligenceGrading(stored: old).stored == canonical)
    }

    @Test("a stored text that is no grading is refused, naming the field grading", arguments: [
        "", "2", "2B", "2B-", "2B-X", "2B-C", "2B-C:", "2B-C: ", "4A-P", "2F-P", "F2 P", "B4 P", "B2 X", "B2P",
        "2b-p", "2B-P ", "x2B-P",
    ])
    func badStored(text: String) {
        #expect(throws: FieldError.self, "\(text)") { try IntelligenceGrading(stored: text) }
        do throws(FieldError) {
            _ = try IntelligenceGrading(stored: text)
        } catch {
            #expect(error.field == "grading")
            #expect(error.value == text)
        }
    }

    @Test("a value built from typed parts holds the same invariant")
    func typedParts() throws {
        #expect(throws: FieldError.self) { try IntelligenceGrading(source: .reliable, assessment: .a, handling: .c) }
        #expect(throws: FieldError.self) {
            try IntelligenceGrading(source: .reliable, assessment: .a, handling: .p, conditions: "x")
        }
        #expect(try IntelligenceGrading(source: .untested, assessment: .d, handling: .p).description == "2D-P")
    }

    @Test("a stored entry's grading reads back, old or new; an unreadable one is none")
    func entryGrading() {
        func entry(_ grading: String?) -> Entry {
            Entry(id: 1, nominalID: 42, kind: .intelligence, text: "x", grading: grading, agencyID: 1, authorUserID: nil,
                  createdAt: LondonTime.instant(RecordFixture.today))
        }
        #expect(entry("B2").intelligenceGrading?.stored == "2B-C: " + IntelligenceGrading.legacyConditions)
        #expect(entry("3E-P").intelligenceGrading?.handling == .p)
        #expect(entry("Z9").intelligenceGrading == nil)
        #expect(entry(nil).intelligenceGrading == nil)
    }
}
