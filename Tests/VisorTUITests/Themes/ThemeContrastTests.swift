import Foundation
import Testing
@testable import VisorTUI

/// Issue 10, point 9: every foreground/background pair of every shipped
/// theme reaches 4.5:1 (WCAG 2, normal text) as xterm paints it
/// (`TerminalColours.paint`), including the text that overlays draw on their
/// own background (`Theme.style(for:over:)`).
@Suite("Every shipped theme is readable in xterm (contrast of at least 4.5:1)")
struct ThemeContrastTests {
    static let minimum = 4.5

    /// The terminal set-up each theme is for: the light theme on a light
    /// terminal, the monochrome one (the terminal's own colours) on either,
    /// the others on a dark one.
    static func terminals(for name: String) -> [(name: String, colours: TerminalColours)] {
        let dark = (name: "xterm gray90 on black", colours: TerminalColours.dark)
        let light = (name: "xterm black on white", colours: TerminalColours.light)
        switch name {
        case "light": return [light]
        case "monochrome": return [dark, light]
        default: return [dark]
        }
    }

    /// The roles drawn on each surface other than the screen's own, as the
    /// views draw them: overlays and the sign-in, acknowledgement and lock
    /// screens (OverlayViews, LoginScreen), input fields, the status line, a
    /// selected row. Every role is also checked on the screen's own background.
    static let drawnOnSurfaces: [(surface: ThemeRole, roles: [ThemeRole])] = [
        (.dialog, [.normal, .dialog, .muted, .title, .helpKey, .inputLabel, .input, .error, .warning,
                   .focusedBorder, .selectedRow]),
        (.input, [.input, .inputLabel]),
        (.statusLine, [.statusLine, .statusAlert, .error]),
        (.header, [.header]),
        (.selectedRow, [.selectedRow]),
        (.selectedRowUnfocused, [.selectedRowUnfocused]),
    ]

    /// Every (text role, surface) pair checked.
    static var pairs: [(role: ThemeRole, surface: ThemeRole)] {
        ThemeRole.allCases.map { ($0, ThemeRole.normal) }
            + drawnOnSurfaces.flatMap { surface, roles in roles.map { ($0, surface) } }
    }

    /// The pairs of `theme` under `terminal` below the minimum, each named with its ratio and colours.
    static func shortfalls(_ theme: Theme, on terminal: (name: String, colours: TerminalColours)) -> [String] {
        pairs.compactMap { role, surface in
            let style = theme.style(for: role, over: surface)
            let ratio = terminal.colours.contrast(of: style)
            guard ratio < minimum else { return nil }
            let painted = terminal.colours.paint(style)
            let pair = surface == .normal ? role.rawValue : "\(role.rawValue) on \(surface.rawValue)"
            return "\(theme.name): \(pair): " + String(format: "%.2f:1", ratio)
                + " (\(painted.text) on \(painted.background), \(terminal.name))"
        }
    }

    @Test("Every role, alone and on the surfaces it is drawn on, reaches 4.5:1", arguments: shippedThemeNames)
    func everyPairReadable(name: String) {
        let theme = isolatedLoader().load(name).theme
        for terminal in Self.terminals(for: name) {
            let short = Self.shortfalls(theme, on: terminal)
            #expect(short.isEmpty, "below 4.5:1:\n\(short.joined(separator: "\n"))")
        }
    }

    @Test("Without colour (NO_COLOR, fewer than 8 colours) every pair still reaches 4.5:1", arguments: shippedThemeNames)
    func everyPairReadableWithoutColour(name: String) {
        let theme = isolatedLoader().load(name).theme.withoutColours()
        for terminal in Self.terminals(for: "monochrome") {
            let short = Self.shortfalls(theme, on: terminal)
            #expect(short.isEmpty, "below 4.5:1:\n\(short.joined(separator: "\n"))")
        }
    }
}
