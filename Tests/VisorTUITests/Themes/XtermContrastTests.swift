import Testing
@testable import VisorTUI

@Suite("What xterm paints a style in, and its WCAG contrast")
struct XtermContrastTests {
    let dark = TerminalColours.dark

    @Test("WCAG 2: black on white is 21:1, a colour on itself 1:1, xterm's grey on black about 5.2:1")
    func wcagRatios() {
        #expect(RGB.contrast(RGB(0, 0, 0), RGB(255, 255, 255)) == 21)
        #expect(RGB.contrast(RGB(0, 205, 205), RGB(0, 205, 205)) == 1)
        #expect(abs(RGB.contrast(RGB(127, 127, 127), RGB(0, 0, 0)) - 5.24) < 0.01)
    }

    @Test("The terminal's own colours stand for default: gray90 on black, or black on white")
    func defaults() {
        #expect(dark.paint(ThemeStyle()) == (RGB(229, 229, 229), RGB(0, 0, 0)))
        #expect(TerminalColours.light.paint(ThemeStyle()) == (RGB(0, 0, 0), RGB(255, 255, 255)))
    }

    @Test("Bold black on cyan is grey on cyan (bold-as-bright), about 2:1; colour 16 stays black")
    func boldAsBright() {
        let black = ThemeStyle(foreground: .named(.black), background: .named(.cyan), bold: true)
        #expect(dark.paint(black) == (RGB(127, 127, 127), RGB(0, 205, 205)))
        #expect(dark.contrast(of: black) < 2.1)
        var cube = black
        cube.foreground = .indexed(16)
        #expect(dark.paint(cube) == (RGB(0, 0, 0), RGB(0, 205, 205)))
        #expect(dark.contrast(of: cube) > 10)
        // An indexed colour below 8 is the same palette entry as its name, so bold brightens it too.
        #expect(dark.paint(ThemeStyle(foreground: .indexed(1), bold: true)).text == RGB(255, 0, 0))
        #expect(dark.paint(ThemeStyle(foreground: .named(.brightRed), bold: true)).text == RGB(255, 0, 0))
    }

    @Test("Reverse swaps after bold brightens the foreground; dim is two thirds of the foreground (as measured)")
    func reverseAndDim() {
        let boldReverse = ThemeStyle(foreground: .named(.black), background: .named(.white), bold: true, reverse: true)
        #expect(dark.paint(boldReverse) == (RGB(229, 229, 229), RGB(127, 127, 127)))
        #expect(dark.paint(ThemeStyle(reverse: true)) == (RGB(0, 0, 0), RGB(229, 229, 229)))
        #expect(dark.paint(ThemeStyle(dim: true)) == (RGB(153, 153, 153), RGB(0, 0, 0)))
        #expect(dark.paint(ThemeStyle(foreground: .named(.white), background: .named(.blue), dim: true))
            == (RGB(153, 153, 153), RGB(0, 0, 238)))
        #expect(dark.paint(ThemeStyle(reverse: true, dim: true)) == (RGB(0, 0, 0), RGB(153, 153, 153)))
    }
}
