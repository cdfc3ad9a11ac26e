import Testing
import VisorDomain

/// Text shown on a terminal or written to a text file: the controls, line
/// breaks and bidirectional controls escaped, everything else kept.
@Suite("Terminal text")
struct TerminalTextTests {
    @Test("unsafe characters are shown escaped", arguments: [
        ("\u{1B}[2Jwipe", "\\x1b[2Jwipe"), ("a\u{202E}b", "a\\u202eb"), ("a\nb", "a\\nb"), ("a\tb", "a\\tb"),
        ("a\r\nb", "a\\r\\nb"), ("a\u{0}b", "a\\x00b"), ("a\u{7}b", "a\\x07b"), ("a\u{7F}b", "a\\x7fb"),
        ("\u{9B}31m", "\\x9b31m"), ("a\u{85}b", "a\\x85b"), ("a\u{2028}b", "a\\u2028b"), ("\u{061C}", "\\u061c"),
        ("\u{200E}\u{200F}", "\\u200e\\u200f"), ("\u{2066}x\u{2069}", "\\u2066x\\u2069"),
        ("\u{1B}]0;title\u{7}", "\\x1b]0;title\\x07"),
    ])
    func escaped(text: String, shown: String) {
        #expect(TerminalText.escaped(text) == shown)
    }

    @Test("ordinary text, backslashes and zero-width characters are kept as they are", arguments: [
        "Wójcik", "王秀英", "🦊 Sam", "C:\\path\\x1b", "", "a\u{200B}b", "👩\u{200D}💻", "\u{FEFF}x",
    ])
    func kept(text: String) {
        #expect(TerminalText.escaped(text) == text)
    }

    @Test("escaping twice changes nothing more, and leaves no unsafe scalar")
    func idempotent() {
        let text = "\u{1B}[31m\u{202E}evil\u{0}\n\u{9B}\\"
        let once = TerminalText.escaped(text)
        #expect(TerminalText.escaped(once) == once)
        #expect(!once.unicodeScalars.contains(where: TerminalText.isUnsafe))
    }

    @Test("the escapes: two hex digits below U+0100, four below U+10000, eight above")
    func escapeForms() {
        #expect(TerminalText.escape("\u{1}") == "\\x01")
        #expect(TerminalText.escape("\u{AD}") == "\\xad")
        #expect(TerminalText.escape("\u{200B}") == "\\u200b")
        #expect(TerminalText.escape("\u{E0041}") == "\\U000e0041")
    }

    @Test("a text of several lines keeps its line feeds and escapes the rest")
    func lines() {
        #expect(TerminalText.escapedLines("Error: '\u{1B}[2J'\nUsage: x\r") == "Error: '\\x1b[2J'\nUsage: x\\r")
    }
}
