import Testing
@testable import VisorTUI

@Suite("A role's style over the surface painted beneath it")
struct ThemeSurfaceTests {
    @Test("On the screen's own background every role looks as it does alone")
    func overNormal() {
        for name in shippedThemeNames {
            let theme = isolatedLoader().load(name).theme
            for role in ThemeRole.allCases {
                let alone = TerminalColours.dark.paint(theme.style(for: role))
                #expect(TerminalColours.dark.paint(theme.style(for: role, over: .normal)) == alone, "\(name): \(role.rawValue)")
            }
        }
    }

    @Test("In a dialog, text without a background of its own keeps the dialog's, and plain text its colour")
    func textInDialog() {
        let theme = Theme.default
        let dialog = theme.style(for: .dialog)
        let muted = theme.style(for: .muted, over: .dialog)
        #expect(muted.foreground == theme.style(for: .muted).foreground)
        #expect(muted.background == dialog.background)
        let title = theme.style(for: .title, over: .dialog)
        #expect(title == ThemeStyle(foreground: dialog.foreground, background: dialog.background, bold: true))
        #expect(theme.style(for: .normal, over: .dialog) == dialog)
    }

    @Test("A role with a background of its own, or in reverse video, is drawn as it is")
    func ownBackground() {
        let theme = Theme.default
        #expect(theme.style(for: .selectedRow, over: .dialog) == theme.style(for: .selectedRow))
        #expect(theme.style(for: .error, over: .statusLine) == theme.style(for: .error))
        let reversed = Theme(name: "r", styles: [.title: ThemeStyle(bold: true, reverse: true)])
        #expect(reversed.style(for: .title, over: .dialog) == ThemeStyle(bold: true, reverse: true))
    }

    @Test("The normal role's colours count as the screen's: high contrast's black-backed text takes a dialog's blue")
    func normalColoursAreTheBase() {
        let theme = isolatedLoader().load("high-contrast").theme
        let title = theme.style(for: .title, over: .dialog)
        #expect(title.background == theme.style(for: .dialog).background)
        #expect(title.bold)
        // A surface without a background of its own shows the normal one beneath.
        #expect(theme.style(for: .header, over: .header).background == theme.style(for: .normal).background)
    }

    @Test("On a reverse-video dialog (monochrome, NO_COLOR) text is reversed too, keeping its attributes")
    func reverseDialog() {
        let theme = isolatedLoader().load("monochrome").theme
        #expect(theme.style(for: .muted, over: .dialog) == ThemeStyle(reverse: true, dim: true))
        #expect(theme.style(for: .title, over: .dialog) == ThemeStyle(bold: true, reverse: true))
        let plain = Theme.default.withoutColours()
        #expect(plain.style(for: .helpKey, over: .dialog) == ThemeStyle(bold: true, reverse: true))
    }
}
