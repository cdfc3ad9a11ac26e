import Testing
@testable import VisorTUI

@Suite("Styles on terminals with 8 or 16 colours (xterm says TERM=xterm: 8)")
struct ColourCountTests {
    @Test("Bold black chosen as 16 stays black on 8 and 16 colours: bold is left off")
    func cubeBlackStaysBlack() {
        let selected = Theme.default.style(for: .selectedRow)
        for count in [8, 16] {
            let reduced = selected.reduced(toColourCount: count)
            #expect(reduced == ThemeStyle(foreground: .indexed(0), background: .named(.cyan)))
            #expect(TerminalColours.dark.paint(reduced) == (RGB(0, 0, 0), RGB(0, 205, 205)))
        }
    }

    @Test("A bright name keeps bold on 8 colours, which brings its brightness back")
    func brightNameKeepsBold() {
        let overdue = Theme.default.style(for: .overdue).reduced(toColourCount: 8)
        #expect(overdue.bold)
        #expect(TerminalColours.dark.paint(overdue).text == RGB(255, 0, 0))
    }

    @Test("256 colours and no colour leave the style as it is")
    func unchanged() {
        let style = ThemeStyle(foreground: .indexed(16), background: .indexed(18), bold: true)
        #expect(style.reduced(toColourCount: 256) == style)
        #expect(style.reduced(toColourCount: 0) == style)
    }

    @Test("On 8 colours the selection, the active tab and the status line reach 4.5:1",
          arguments: ["default", "high-contrast", "colour-blind"])
    func eightColourSelection(name: String) {
        let theme = isolatedLoader().load(name).theme
        for role in [ThemeRole.selectedRow, .tabActive, .statusLine, .statusAlert] {
            let ratio = TerminalColours.dark.contrast(of: theme.style(for: role).reduced(toColourCount: 8))
            #expect(ratio >= 4.5, "\(name): \(role.rawValue): \(ratio)")
        }
    }
}
