import Testing
import VisorDomain
@testable import VisorTUI

/// Overlays paint their whole rectangle in their own background: text drawn
/// in a dialog keeps the dialog's background instead of showing the
/// terminal's between the words (issue 10, point 9).
@Suite("Overlays and the sign-in, acknowledgement and lock screens are fully painted")
struct OverlayPaintTests {
    /// Keys as help and the palette list them (the real ones are the application's; these paint the same).
    static let sampleBindings: [Binding] = [
        Binding("help", "Help: keys and where to get help", keys: [.character("?")], run: { _ in }),
        Binding("moveDown", "Move down", keys: [.character("j"), .down], run: { _ in }),
        Binding("acceptRequest", "Accept the request as full partner", keys: [.character("a")], scope: .pane(.queue),
                changesData: true, run: { _ in }),
        Binding("showPolicy", "Show the policy in force", keys: [], commands: ["policy"], run: { _ in }),
        Binding("quit", "Quit", keys: [.character("q")], run: { _ in }),
    ]

    /// Each dialog drawn over a screen of pane-like text.
    static let dialogs: [(name: String, draw: @Sendable (inout ScreenGrid, Rect) -> Void)] = [
        ("help", { grid, screen in
            OverlayViews.help(scroll: 0, bindings: OverlayPaintTests.sampleBindings, readOnly: false, contacts: HelpContacts.defaults, into: &grid, screen: screen)
        }),
        ("help, Annex A", { grid, screen in
            OverlayViews.help(scroll: 40, bindings: OverlayPaintTests.sampleBindings, readOnly: true, contacts: HelpContacts.defaults, into: &grid, screen: screen)
        }),
        ("palette", { grid, screen in
            var state = PaletteState()
            state.selected = 1
            _ = OverlayViews.palette(state, bindings: OverlayPaintTests.sampleBindings, into: &grid, screen: screen)
        }),
        ("policy", { grid, screen in OverlayViews.policy(.standard, scroll: 0, into: &grid, screen: screen) }),
        ("prompt", { grid, screen in
            var state = PromptState(title: "Decline the request", label: "Reason", purpose: .declineRequest(1))
            state.field = TextField(text: "Not ours")
            state.message = "A reason is needed."
            _ = OverlayViews.prompt(state, into: &grid, screen: screen)
        }),
        ("confirm quit", { grid, screen in
            OverlayViews.confirm(ConfirmState(title: "Quit?", question: "You have typed something not yet sent. "
                + "Quit anyway?", step: .quit), into: &grid, screen: screen)
        }),
        ("request detail", { grid, screen in
            let item = QueueItem(requestID: 7, nominalID: 7, direction: .incoming, nominalName: "QUENNELL, Hester Anne",
                                 agencyName: "HMP Belmarsh", requestedOn: LocalDate(year: 2026, month: 11, day: 20)!,
                                 due: LocalDate(year: 2026, month: 11, day: 25)!, reason: "Release planning.",
                                 mayAnswer: true, requestedBy: "Kwame Kaur (prison)")
            let state = RequestDetail.state(item, today: LocalDate(year: 2026, month: 11, day: 25)!)
            OverlayViews.detail(state, keys: "a accept · R accept as restricted · d decline · o open the record · Esc close", into: &grid, screen: screen)
        }),
        ("choice", { grid, screen in
            OverlayViews.choice(ChoiceState(title: "End which partnership?", options: [("Kent Police", 1), ("HMP Belmarsh", 2)],
                                            purpose: .endPartnership(nominal: 1)), into: &grid, screen: screen)
        }),
        ("sign-in", { grid, screen in
            var state = LoginState(prefilledUser: "spo")
            state.message = "Wrong user name or password."
            state.messageIsError = true
            _ = LoginView.draw(state, into: &grid, screen: screen)
        }),
        ("acknowledgement", { grid, screen in
            AcknowledgeView.draw(username: "noel", scroll: 0, into: &grid, screen: screen)
        }),
        ("lock", { grid, screen in
            _ = LockView.draw({ var lock = LockState(reason: .byUser); lock.message = "Wrong password."; return lock }(), username: "spo", into: &grid, screen: screen)
        }),
    ]

    static let cases = dialogs.flatMap { dialog in [(dialog.name, 80, 24), (dialog.name, 120, 40)] }

    /// A screen of text in the roles panes use, then the dialog.
    static func drawn(_ name: String, width: Int, height: Int) -> ScreenGrid {
        var grid = ScreenGrid(width: width, height: height)
        let roles: [ThemeRole] = [.normal, .muted, .overdue, .header]
        for y in 0..<height {
            grid.put(String(repeating: "pane text ", count: width / 10 + 1), x: 0, y: y, role: roles[y % roles.count])
        }
        dialogs.first { $0.name == name }?.draw(&grid, grid.bounds)
        return grid
    }

    /// The dialog's rectangle: from its top-left corner to its bottom-right one.
    static func frame(of grid: ScreenGrid) -> Rect? {
        var corners: [(Int, Int)] = []
        for y in 0..<grid.height {
            for x in 0..<grid.width where grid[x: x, y: y].role == .focusedBorder {
                if "┌┘".contains(grid[x: x, y: y].character) { corners.append((x, y)) }
            }
        }
        guard corners.count == 2 else { return nil }
        return Rect(x: corners[0].0, y: corners[0].1, width: corners[1].0 - corners[0].0 + 1,
                    height: corners[1].1 - corners[0].1 + 1)
    }

    /// The cells of the dialog `name` drawn at a size, row by row, with their places. The lock covers
    /// the whole screen; the others their box.
    static func dialogCells(_ name: String, width: Int, height: Int,
                            sourceLocation: SourceLocation = #_sourceLocation) throws -> [(x: Int, y: Int, cell: Cell)] {
        let grid = drawn(name, width: width, height: height)
        let rect = name == "lock" ? grid.bounds
            : try #require(frame(of: grid), "\(name): no frame", sourceLocation: sourceLocation)
        return (rect.y..<rect.maxY).flatMap { y in (rect.x..<rect.maxX).map { x in (x, y, grid[x: x, y: y]) } }
    }

    @Test("Every cell of the dialog is on a surface the dialog painted, never the screen's own", arguments: cases)
    func paintedSurface(name: String, width: Int, height: Int) throws {
        let bare = try Self.dialogCells(name, width: width, height: height).filter { $0.cell.surface == .normal }
            .map { "(\($0.x),\($0.y)) \($0.cell.role.rawValue)" }
        #expect(bare.isEmpty, "\(name) at \(width)×\(height): cells on the screen's own surface: \(bare.prefix(8))")
    }

    @Test("In the default theme no cell of a dialog shows the terminal's black", arguments: cases)
    func noTerminalBlack(name: String, width: Int, height: Int) throws {
        let terminal = TerminalColours.dark
        let black = try Self.dialogCells(name, width: width, height: height).filter {
            terminal.paint(Theme.default.style(for: $0.cell.role, over: $0.cell.surface)).background == terminal.background
        }.map { "(\($0.x),\($0.y)) \($0.cell.role.rawValue) on \($0.cell.surface.rawValue)" }
        #expect(black.isEmpty, "\(name) at \(width)×\(height): \(black.count) cells on black: \(black.prefix(8))")
    }

    @Test("Every cell of every dialog reaches 4.5:1 in every shipped theme", arguments: cases)
    func readableInEveryTheme(name: String, width: Int, height: Int) throws {
        let cells = try Self.dialogCells(name, width: width, height: height).map(\.cell)
        for themeName in shippedThemeNames {
            let theme = isolatedLoader().load(themeName).theme
            for terminal in ThemeContrastTests.terminals(for: themeName) {
                let pairs = Set(cells.filter { terminal.colours.contrast(of: theme.style(for: $0.role, over: $0.surface)) < 4.5 }
                    .map { "\($0.role.rawValue) on \($0.surface.rawValue)" })
                #expect(pairs.isEmpty, "\(themeName), \(name) (\(terminal.name)): below 4.5:1: \(pairs.sorted())")
            }
        }
    }
}
