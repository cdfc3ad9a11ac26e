import Testing
import VisorDomain
@testable import VisorTUI

/// Text from the data never reaches the terminal raw: `ScreenGrid.put`, which
/// every pane, dialog and the status line write through, shows controls and
/// bidirectional characters escaped, and measures them as shown.
@Suite("Screen grid: controls and bidirectional characters shown escaped")
struct ScreenGridEscapeTests {
    @Test("an escape sequence and an override are shown escaped, and take the columns they show in", arguments: [
        ("\u{1B}[2JWIPE", "\\x1b[2JWIPE"), ("abc\u{202E}fdp.exe", "abc\\u202efdp.exe"),
        ("\u{9B}31m", "\\x9b31m"), ("one\ntwo", "one\\ntwo"), ("\u{1B}]0;title\u{7}", "\\x1b]0;title\\x07"),
    ])
    func escaped(text: String, shown: String) {
        var grid = ScreenGrid(width: 40, height: 1)
        #expect(grid.put(text, x: 0, y: 0, role: .normal) == shown.count)
        #expect(grid.lines() == [shown])
        #expect(grid.holdsNoUnsafeScalar)
    }

    @Test("a cut text is cut as shown, escapes included, and still ends in …")
    func cut() {
        var grid = ScreenGrid(width: 20, height: 1)
        #expect(grid.put("a\u{1B}[2Jbcdef", x: 0, y: 0, role: .normal, maxWidth: 6) == 6)
        #expect(grid.lines() == ["a\\x1b…"])
        #expect(grid.holdsNoUnsafeScalar)
    }

    @Test("widths, cuts and padding measure the escaped text, so columns line up")
    func measures() {
        #expect(DisplayWidth.of("\u{1B}") == 4)
        #expect(DisplayWidth.of("a\u{202E}b") == 8)
        #expect(DisplayWidth.truncate("\u{1B}[2J", to: 4) == "\\x1…")
        #expect(DisplayWidth.pad("a\u{7}", to: 6) == "a\\x07 ")
        #expect(DisplayWidth.of(DisplayWidth.pad("\u{202E}x", to: 10)) == 10)
    }

    @Test("the terminal backend is never handed a control or a bidirectional character")
    func terminalScalars() {
        for character: Character in ["\u{1B}", "\u{202E}", "\u{9B}", "\r\n", "\u{2028}", "\u{061C}", "\u{2066}"] {
            #expect(DisplayWidth.terminalScalars(of: character).isEmpty, "\(character.unicodeScalars.map(\.value))")
        }
    }

    @Test("a text field holding an override shows it escaped, with the cursor after what is shown")
    func field() {
        var field = TextField()
        for character in "ab\u{202E}c" { _ = field.handle(.character(character)) }
        var grid = ScreenGrid(width: 30, height: 1)
        let cursor = grid.putField(field, x: 2, y: 0, width: 20, role: .normal)
        #expect(grid.lines() == ["  ab\\u202ec"])
        #expect(cursor == 2 + 9)
        #expect(field.cursorColumn == 9)
        #expect(grid.holdsNoUnsafeScalar)
    }
}

extension ScreenGrid {
    /// True when no cell holds a control, line break or bidirectional scalar.
    var holdsNoUnsafeScalar: Bool {
        (0..<height).allSatisfy { y in
            (0..<width).allSatisfy { x in !self[x: x, y: y].character.unicodeScalars.contains(where: TerminalText.isUnsafe) }
        }
    }
}

/// Wrapped prose (the record, dialogs) loses nothing around an escape.
@Suite("Text wrap: escapes are wrapped as shown")
struct TextWrapEscapeTests {
    @Test("a long word holding a control is cut into lines that, joined, are the whole text as shown")
    func wrapKeepsEverything() {
        let lines = TextWrap.wrap("ab\u{1B}[2Jcdefghijklmnop q\u{202E}r", width: 5)
        #expect(String(lines.joined().filter { $0 != " " }) == "ab\\x1b[2Jcdefghijklmnopq\\u202er", "\(lines)")
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 5 })
        #expect(lines.allSatisfy { !$0.unicodeScalars.contains(where: TerminalText.isUnsafe) })
    }
}
