import Testing
@testable import VisorDomain

@Suite("Field errors")
struct FieldErrorTests {
    @Test("a field error reads FIELD: VALUE: MESSAGE, as the import's line without the line number")
    func description() {
        let error = FieldError(.dateOfBirth, value: "2030-01-01", message: "is in the future")
        #expect(error.description == "date_of_birth: 2030-01-01: is in the future")
        #expect(error.field == "date_of_birth")
    }

    @Test("the value is shown escaped: controls as the import shows them, bidi and zero-width as \\u", arguments: [
        ("Smith\tJones", "Smith\\tJones"),
        ("a\nb", "a\\nb"),
        ("x\u{1B}[31m", "x\\x1b[31m"),
        ("abc\u{202E}fed", "abc\\u202efed"),
        ("a\u{200B}b", "a\\u200bb"),
        ("Wójcik", "Wójcik"),
    ])
    func escaped(value: String, shown: String) {
        let error = FieldError(field: "surname", value: value, message: "m")
        #expect(error.shownValue == shown)
        #expect(error.value == value)
        #expect(error.description == "surname: \(shown): m")
    }

    @Test("a long value is cut at 60 characters, as the import cuts it")
    func cut() {
        let error = FieldError(field: "text", value: String(repeating: "x", count: 100), message: "m")
        #expect(error.shownValue.count == 60)
    }

    @Test("errors keep one per field, in the form's order")
    func collector() {
        var collector = FieldErrorCollector()
        collector.add(FieldError(field: "b", value: "1", message: "first of b"))
        collector.add(FieldError(field: "a", value: "2", message: "a"))
        collector.add(FieldError(field: "b", value: "3", message: "second of b"))
        collector.add(FieldError(field: "z", value: "4", message: "not in the order"))
        do throws(FieldErrors) {
            try collector.check(order: ["a", "b"])
            Issue.record("expected errors")
        } catch {
            #expect(error.errors.map(\.message) == ["a", "first of b", "not in the order"])
            #expect(error["b"]?.value == "1")
            #expect(error.description == "a: 2: a\nb: 1: first of b\nz: 4: not in the order")
        }
    }

    @Test("a step's failure is 65 for bad input, 77 for a refusal naming its rule")
    func stepFailure() {
        let bad = StepFailure(FieldError(field: "level", value: "1", message: "must be 2 or 3"))
        #expect(bad.exitStatus == 65)
        #expect(bad.description == "level: 1: must be 2 or 3")
        let refused = StepFailure.refused(Refusal("the record's creator cannot validate it", rule: .r10))
        #expect(refused.exitStatus == 77)
        #expect(refused.description == "the record's creator cannot validate it (R10)")
    }
}
