import Foundation
import Testing
import VisorDomain

/// JSON strings and CSV cells as the command line writes them.
@Suite("JSON and CSV text")
struct OutputTextTests {
    static let hostile = [
        "\u{1B}[2J\u{1B}]0;pwned\u{7}", "abc\u{202E}fdp.exe", "\u{0}\u{1F}\u{7F}\u{80}\u{9F}", "a\u{2028}b\u{2029}",
        "\"quoted\" \\ back", "tab\tnew\nline\rcr", "\u{061C}\u{200E}\u{200F}\u{2066}\u{2069}", "Wójcik 王 🦊 \u{200D}",
    ]

    @Test("JSON escapes every unsafe character as \\uXXXX and reads back exactly", arguments: hostile)
    func json(text: String) throws {
        let quoted = JSONText.quote(text)
        #expect(!quoted.unicodeScalars.contains(where: TerminalText.isUnsafe), "\(quoted)")
        let parsed = try JSONSerialization.jsonObject(with: Data("[\(quoted)]".utf8)) as? [String]
        #expect(parsed == [text])
    }

    @Test("JSON escapes by name where JSON has one, else \\u with four hex digits")
    func jsonForms() {
        #expect(JSONText.quote("a\u{1B}b\u{202E}c\nd\"e\\") == #""a\u001bb\u202ec\nd\"e\\""#)
        #expect(JSONText.quote("\u{7F}\u{85}") == #""\u007f\u0085""#)
        #expect(JSONText.quote("plain Wójcik") == "\"plain Wójcik\"")
    }

    @Test("a CSV text cell a spreadsheet would run as a formula gets a leading '", arguments: [
        ("=HYPERLINK(\"http://x\";\"y\")", "\"'=HYPERLINK(\"\"http://x\"\";\"\"y\"\")\""), ("+1", "'+1"),
        ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"), ("\tcmd", "'\\tcmd"), ("\r=1", "'\\r=1"),
        ("a=b", "a=b"), ("2026-01-01", "2026-01-01"), ("X123456", "X123456"), (" =1", " =1"),
    ])
    func csvFormula(text: String, cell: String) {
        #expect(CSVText.text(text) == cell)
    }

    @Test("CSV cells are escaped as on a terminal, so no line break or control is left, and quoted by RFC 4180",
          arguments: hostile)
    func csvEscaped(text: String) {
        let cell = CSVText.text(text)
        #expect(!cell.unicodeScalars.contains(where: TerminalText.isUnsafe), "\(cell)")
        #expect(CSVText.text("a,b") == "\"a,b\"")
        #expect(CSVText.text("Lon\u{1B}[2Jdon") == "Lon\\x1b[2Jdon")
    }

    @Test("numbers are not neutralised: a negative number stays a number")
    func csvNumbers() {
        #expect(CSVText.plain("-5") == "-5")
        #expect(CSVText.plain("42") == "42")
    }
}
