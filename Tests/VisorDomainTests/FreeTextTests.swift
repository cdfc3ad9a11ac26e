import Testing
import VisorDomain

/// Free-text input (records.md): controls, line breaks, bidirectional and
/// zero-width characters are refused with a message naming the field and
/// showing the character escaped.
@Suite("Free text")
struct FreeTextTests {
    @Test("refused characters, named and placed", arguments: [
        ("a\u{7}b", "reason: control characters are not allowed (\\x07 at character 2)"),
        ("\u{1B}[2J", "reason: control characters are not allowed (\\x1b at character 1)"),
        ("tab\there", "reason: control characters are not allowed (\\t at character 4)"),
        ("one\ntwo", "reason: line breaks are not allowed (\\n at character 4)"),
        ("one\r\ntwo", "reason: line breaks are not allowed (\\r at character 4)"),
        ("a\u{2028}b", "reason: line breaks are not allowed (\\u2028 at character 2)"),
        ("abc\u{202E}fdp.exe", "reason: bidirectional controls are not allowed (\\u202e at character 4)"),
        ("\u{2067}x", "reason: bidirectional controls are not allowed (\\u2067 at character 1)"),
        ("Smi\u{200B}th", "reason: zero-width characters are not allowed (\\u200b at character 4)"),
        ("\u{FEFF}Smith", "reason: zero-width characters are not allowed (\\ufeff at character 1)"),
        ("Zoë\u{9B}", "reason: control characters are not allowed (\\x9b at character 4)"),
    ])
    func refused(text: String, message: String) {
        #expect(throws: FreeTextError.self) { try FreeText.validate(text, field: "reason") }
        do {
            try FreeText.validate(text, field: "reason")
        } catch {
            #expect(error.description == message)
            #expect(!error.description.unicodeScalars.contains(where: TerminalText.isUnsafe))
        }
    }

    @Test("ordinary text passes, in any script", arguments: [
        "MAPP level 2", "Wójcik, Łukasz — Ó'Brien", "王秀英", "🦊 ❤️", "Zoë said “no”…", "",
    ])
    func accepted(text: String) throws {
        try FreeText.validate(text, field: "reason")
        #expect(FreeText.problem(in: text) == nil)
    }

    @Test("a multi-line text may hold line feeds, and only those")
    func multiline() throws {
        try FreeText.validate("first line\nsecond line\n", field: "entry", multiline: true)
        #expect(FreeText.problem(in: "a\r\nb", multiline: true)
            == "line breaks other than \\n are not allowed (\\r at character 2)")
        #expect(FreeText.problem(in: "a\n\u{1B}b", multiline: true)
            == "control characters are not allowed (\\x1b at character 3)")
        #expect(FreeText.problem(in: "a\n\u{202E}b", multiline: true)
            == "bidirectional controls are not allowed (\\u202e at character 3)")
    }
}
