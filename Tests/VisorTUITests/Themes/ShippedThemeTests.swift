import Foundation
import Testing
@testable import VisorTUI

@Suite("The theme files shipped in themes/")
struct ShippedThemeTests {
    @Test("Every shipped theme loads by name with no warning", arguments: shippedThemeNames)
    func loadsCleanly(name: String) {
        let result = isolatedLoader().load(name)
        #expect(result.warnings.isEmpty)
        #expect(result.theme.name == name)
        #expect(result.path == shippedThemesDirectory() + "/\(name).toml")
    }

    @Test("themes/default.toml defines every role and equals the compiled-in theme")
    func defaultFileMatchesCompiledTheme() throws {
        let path = shippedThemesDirectory() + "/default.toml"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let parsed = try ThemeParser.parse(text)
        #expect(Set(parsed.styles.keys) == Set(ThemeRole.allCases))
        #expect(ThemeLoader.parse(text, path: path).theme == Theme.default)
    }

    @Test("Colour is never the only cue for overdue, selection and focus", arguments: shippedThemeNames)
    func neverColourAlone(name: String) {
        let theme = isolatedLoader().load(name).theme
        for role in [ThemeRole.overdue, .selectedRow, .focusedBorder] {
            #expect(theme.style(for: role).hasNonColourCue, "\(name): \(role.rawValue)")
        }
        let overdue = theme.style(for: .overdue).withoutColours
        let dueSoon = theme.style(for: .dueSoon).withoutColours
        #expect(overdue != dueSoon, "\(name): overdue and due soon differ only by colour")
    }

    @Test("On an 8-colour terminal no role draws text in its own background colour", arguments: shippedThemeNames)
    func eightColourFallbackStaysReadable(name: String) {
        let theme = isolatedLoader().load(name).theme
        for role in ThemeRole.allCases {
            let style = theme.style(for: role)
            guard let fg = style.foreground.paletteIndex(forColourCount: 8),
                  let bg = style.background.paletteIndex(forColourCount: 8), fg >= 0 else { continue }
            #expect(fg != bg, "\(name): \(role.rawValue)")
        }
    }

    @Test("A role that sets a background sets its text colour too", arguments: shippedThemeNames)
    func backgroundsCarryTheirText(name: String) {
        // Else its text is the terminal's own colour, which may be the background's: on 8 colours
        // the default theme's greys become black, under a light terminal's black text.
        let theme = isolatedLoader().load(name).theme
        for role in ThemeRole.allCases where theme.style(for: role).background != .terminalDefault {
            #expect(theme.style(for: role).foreground != .terminalDefault, "\(name): \(role.rawValue)")
        }
    }

    @Test("Without colour, background highlights become reverse video, and only those", arguments: shippedThemeNames)
    func withoutColoursKeepsHighlights(name: String) {
        let theme = isolatedLoader().load(name).theme
        let plain = theme.withoutColours()
        #expect(!plain.usesColour)
        #expect(!plain.style(for: .normal).reverse, "\(name): normal text must not be reversed")
        #expect(!plain.style(for: .muted).reverse, "\(name): muted text must not be reversed")
        for role in [ThemeRole.selectedRow, .statusLine, .tabActive] {
            #expect(plain.style(for: role).hasNonColourCue, "\(name): \(role.rawValue)")
        }
    }

    @Test("The monochrome theme uses no colour; the others do")
    func monochromeHasNoColour() {
        #expect(!isolatedLoader().load("monochrome").theme.usesColour)
        #expect(isolatedLoader().load("colour-blind").theme.usesColour)
    }

    @Test("The colour-blind theme maps Okabe–Ito hex colours to xterm-256 indexes")
    func colourBlindHex() {
        let theme = isolatedLoader().load("colour-blind").theme
        #expect(theme.style(for: .overdue).foreground == .indexed(166))
        #expect(theme.style(for: .dueSoon).foreground == ThemeColor("#56B4E9"))
    }
}
