/// The main screen's keys that work in every pane. The focus keys 1, 2, …
/// follow the panes' order, so a new pane gets its key without a line here.
@MainActor
enum GlobalBindings {
    static func all(panes: [any Pane]) -> [Binding] {
        let focusKeys = panes.enumerated().compactMap { index, pane -> Binding? in
            guard index < 9 else { return nil }
            let id = pane.id
            return Binding(ActionID("focus \(id.title)"), "Go to \(id.goTo)", keys: [.character(Character(String(index + 1)))],
                           run: { $0.focusPane(id) })
        }
        return [
            Binding("help", "Help: keys and where to get help", keys: [.character("?")],
                    run: { $0.overlay = .help(scroll: 0) }),
            Binding("palette", "Command palette", keys: [.character(":")], run: { $0.overlay = .palette(PaletteState()) }),
            Binding("focusNext", "Next pane", keys: [.tab], run: { $0.cycleFocus(by: 1) }),
            Binding("focusPrevious", "Previous pane", keys: [.backTab], run: { $0.cycleFocus(by: -1) }),
        ] + focusKeys + [
            Binding("moveDown", "Move down", keys: [.character("j"), .down], run: { $0.scroll($0.focus, by: 1) }),
            Binding("moveUp", "Move up", keys: [.character("k"), .up], run: { $0.scroll($0.focus, by: -1) }),
            Binding("pageDown", "Page down", keys: [.pageDown, .character(" "), .control("f")],
                    run: { $0.scroll($0.focus, by: max(1, $0.visibleRows($0.focus) - 1)) }),
            Binding("pageUp", "Page up", keys: [.pageUp, .control("b")],
                    run: { $0.scroll($0.focus, by: -max(1, $0.visibleRows($0.focus) - 1)) }),
            Binding("first", "First", keys: [.character("g"), .home], run: { core in
                core.focusedPane.jump(toFirst: true, visibleRows: core.visibleRows(core.focus), core: core)
            }),
            Binding("last", "Last", keys: [.character("G"), .end], run: { core in
                core.focusedPane.jump(toFirst: false, visibleRows: core.visibleRows(core.focus), core: core)
            }),
            Binding("clearFilter", "Clear the search or filter kept by Enter", keys: [.escape],
                    run: { $0.focusedPane.clearFilter(core: $0) }),
            Binding("zoom", "Zoom the focused pane", keys: [.character("z")], run: { core in
                core.zoomed = core.zoomed == nil ? core.focus : nil
                core.keepPagesFull()
            }),
            Binding("showPolicy", "Show the policy in force", keys: [], commands: ["policy"],
                    run: { $0.overlay = .policy(scroll: 0) }),
            Binding("lockScreen", "Lock the screen (as GNU screen's C-a x)", keys: [.control("x")],
                    run: { $0.lockNow() }),
            Binding("redraw", "Redraw the screen", keys: [.control("l"), .control("r")],
                    run: { $0.wantsFullRepaint = true }),
            Binding("quit", "Quit", keys: [.character("q")], commands: ["quit", "q"],
                    run: { $0.quitAskingWhenTyped() }),
            Binding("quitAsking", "Quit, after asking", keys: [.control("c")],
                    run: { $0.askToQuit(returnTo: $0.overlay) }),
        ]
    }
}
