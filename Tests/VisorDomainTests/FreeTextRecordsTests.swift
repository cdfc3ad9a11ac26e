import Testing
@testable import VisorDomain

/// records.md: "free text refuses control, bidirectional and zero-width characters".
@Suite("Free text as records.md refuses it")
struct FreeTextRecordsTests {
    @Test("ordinary text in any script passes, one-line or multi-line", arguments: [
        "Ó'Brien-Smith", "王秀英", "Zoë — “quoted”, 50% … done", "", "e\u{301}", "👍🏽",
    ])
    func ordinary(text: String) {
        #expect(FreeText.problem(in: text) == nil)
        #expect(FreeText.problem(in: text, multiline: true) == nil)
    }

    @Test("each refused character is named, escaped, with its position", arguments: [
        ("a\u{7}b", false, "control characters are not allowed (\\x07 at character 2)"),
        ("ab\tc", true, "control characters are not allowed (\\t at character 3)"),
        ("a\u{1B}[2J", false, "control characters are not allowed (\\x1b at character 2)"),
        ("\u{7F}", false, "control characters are not allowed (\\x7f at character 1)"),
        ("x\u{9B}", false, "control characters are not allowed (\\x9b at character 2)"),
        ("one\ntwo", false, "line breaks are not allowed (\\n at character 4)"),
        ("one\r\ntwo", true, "line breaks other than \\n are not allowed (\\r at character 4)"),
        ("one\u{2028}two", true, "line breaks other than \\n are not allowed (\\u2028 at character 4)"),
        ("abc\u{202E}fed", false, "bidirectional controls are not allowed (\\u202e at character 4)"),
        ("\u{2066}x", true, "bidirectional controls are not allowed (\\u2066 at character 1)"),
        ("a\u{200B}b", false, "zero-width characters are not allowed (\\u200b at character 2)"),
        ("\u{FEFF}name", false, "zero-width characters are not allowed (\\ufeff at character 1)"),
        ("soft\u{AD}hyphen", true, "zero-width characters are not allowed (\\xad at character 5)"),
    ])
    func refused(text: String, multiline: Bool, expected: String) {
        #expect(FreeText.problem(in: text, multiline: multiline) == expected)
    }

    @Test("a multi-line text keeps its line feeds")
    func lineFeeds() {
        #expect(FreeText.problem(in: "first line\nsecond line\n\nthird", multiline: true) == nil)
    }
}
