import Testing
import VisorTUI

@Suite("Display width as ncurses measures it")
struct DisplayWidthTests {
    @Test("Names in Latin, accents and CJK measure their true columns", arguments: [
        ("Zoë", 3), ("Zoe\u{308}", 3), ("Ó'Brien", 7), ("Łukasz Wójcik", 13), ("王秀英", 6), ("😀", 2), ("", 0),
    ])
    func stringWidths(text: String, width: Int) {
        #expect(DisplayWidth.of(text) == width)
    }

    @Test("A grapheme is as wide as its first spacing scalar")
    func graphemeWidths() {
        #expect(DisplayWidth.of(Character("e\u{301}")) == 1)
        #expect(DisplayWidth.of(Character("王")) == 2)
        #expect(DisplayWidth.of(Character("😀")) == 2)
        #expect(DisplayWidth.of(Character("\u{301}")) == 0)
        #expect(DisplayWidth.of(Character("\t")) == 0)
        #expect(DisplayWidth.of(Character("\u{7F}")) == 0)
        #expect(DisplayWidth.of(Character("\u{0378}")) == 1, "unassigned, unprintable: one column")
    }

    @Test("A terminal cell gets the spacing scalar and its marks, or U+FFFD when unprintable")
    func terminalScalars() {
        #expect(DisplayWidth.terminalScalars(of: Character("e\u{301}")) == ["e", "\u{301}"])
        #expect(DisplayWidth.terminalScalars(of: Character("王")) == ["王"])
        #expect(DisplayWidth.terminalScalars(of: Character("\u{0378}")) == ["\u{FFFD}"])
        #expect(DisplayWidth.terminalScalars(of: Character("\t")).isEmpty)
        let stacked = Character("a\u{301}\u{302}\u{303}\u{304}\u{305}\u{306}")
        #expect(DisplayWidth.terminalScalars(of: stacked).count == 5, "curses holds 5 code points a cell")
    }

    @Test("Truncation cuts by columns, adds an ellipsis, never splits a wide character")
    func truncation() {
        #expect(DisplayWidth.truncate("Łukasz Wójcik", to: 8) == "Łukasz …")
        #expect(DisplayWidth.truncate("Łukasz Wójcik", to: 13) == "Łukasz Wójcik")
        #expect(DisplayWidth.truncate("王秀英", to: 4) == "王…")
        #expect(DisplayWidth.truncate("王秀英", to: 5) == "王秀…")
        #expect(DisplayWidth.truncate("王秀英", to: 5, ellipsis: false) == "王秀")
        #expect(DisplayWidth.truncate("王秀英", to: 1) == "…")
        #expect(DisplayWidth.truncate("abc", to: 0) == "")
        #expect(DisplayWidth.truncate("Zoe\u{308}y", to: 3, ellipsis: false) == "Zoe\u{308}")
    }

    @Test("Padding lines names up in one column")
    func padding() {
        for name in ["Zoë", "Ó'Brien", "Łukasz Wójcik", "王秀英", "😀", "a very long name indeed"] {
            #expect(DisplayWidth.of(DisplayWidth.pad(name, to: 12)) == 12, "\(name)")
            #expect(DisplayWidth.of(DisplayWidth.pad(name, to: 12, alignRight: true)) == 12, "\(name)")
        }
        #expect(DisplayWidth.pad("Zoë", to: 5) == "Zoë  ")
        #expect(DisplayWidth.pad("王", to: 4, alignRight: true) == "  王")
        #expect(DisplayWidth.pad("x", to: 0) == "")
    }
}
