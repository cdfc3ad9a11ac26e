import Testing
import VisorTUI

@Suite("Theme colours and the terminal fallback")
struct ThemeColorTests {
    @Test("Colour spellings", arguments: [
        ("default", ThemeColor.terminalDefault), ("red", .named(.red)), ("bright_blue", .named(.brightBlue)),
        ("BRIGHT_BLACK", .named(.brightBlack)), ("208", .indexed(208)), ("#000000", .indexed(16)),
        ("#ffffff", .indexed(231)), ("#D55E00", .indexed(166)), ("#808080", .indexed(244)),
    ])
    func parses(text: String, colour: ThemeColor) {
        #expect(ThemeColor(text) == colour)
    }

    @Test("Nonsense is rejected", arguments: ["reddish", "256", "-1", "#12345", "#gggggg", "bright_", ""])
    func rejects(text: String) {
        #expect(ThemeColor(text) == nil)
    }

    @Test("256-colour themes fall back to the nearest of 8 or 16; monochrome gets none")
    func fallback() {
        #expect(ThemeColor.indexed(208).paletteIndex(forColourCount: 256) == 208)
        #expect(ThemeColor.indexed(208).paletteIndex(forColourCount: 8) == 3)
        #expect(ThemeColor.indexed(244).paletteIndex(forColourCount: 8) == 7)
        #expect(ThemeColor.indexed(244).paletteIndex(forColourCount: 16) == 8)
        #expect(ThemeColor.indexed(238).paletteIndex(forColourCount: 8) == 0, "dark grey: black, not a colour")
        #expect(ThemeColor.named(.brightBlack).paletteIndex(forColourCount: 8) == 7)
        #expect(ThemeColor.indexed(196).paletteIndex(forColourCount: 8) == 1)
        #expect(ThemeColor.indexed(21).paletteIndex(forColourCount: 8) == 4)
        #expect(ThemeColor.indexed(166).paletteIndex(forColourCount: 8) == 1, "vermillion: red")
        #expect(ThemeColor.named(.brightRed).paletteIndex(forColourCount: 8) == 1)
        #expect(ThemeColor.named(.brightRed).paletteIndex(forColourCount: 16) == 9)
        #expect(ThemeColor.terminalDefault.paletteIndex(forColourCount: 8) == -1)
        #expect(ThemeColor.named(.red).paletteIndex(forColourCount: 2) == nil)
    }
}
