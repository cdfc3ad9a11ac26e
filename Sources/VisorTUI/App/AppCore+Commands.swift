import VisorDomain
import VisorRegister

/// What the global bindings and the panes' bindings call: moving the focus,
/// opening records, sorting, quitting.
extension AppCore {
    /// Moves the focus; when a pane is zoomed, the zoom follows, so the focused pane is always the one shown.
    func focusPane(_ pane: PaneID) {
        focus = pane
        if zoomed != nil, zoomed != pane {
            zoomed = pane
            keepPagesFull()
        }
    }

    /// The next (or previous) pane in the order of their keys.
    func cycleFocus(by step: Int) {
        let ids = panes.map(\.id)
        guard let index = ids.firstIndex(of: focus), !ids.isEmpty else { return }
        focusPane(ids[(index + step + ids.count) % ids.count])
    }

    /// After the panes change size (zoom, resize): every pane shows a full page, its selection visible.
    func keepPagesFull() {
        guard screen == .main else { return }
        for pane in panes { pane.fit(visibleRows: visibleRows(pane.id), core: self) }
    }

    /// j/k, PgUp/PgDn and the wheel in the focused pane (or another one, for the wheel).
    func scroll(_ id: PaneID, by delta: Int) {
        pane(id)?.move(by: delta, visibleRows: visibleRows(id), core: self)
    }

    /// Asks "Quit?"; `n` returns to `returnTo` (a draft keeps its text).
    func askToQuit(returnTo: Overlay?) {
        let draft = hasUnsavedInput
        overlay = .confirm(ConfirmState(
            title: "Quit?",
            question: draft ? "You have typed something not yet sent. Quit anyway?" : "Quit Visor?",
            step: .quit, returnTo: returnTo))
    }

    /// Quits at once, or asks first when a dialog holds typed text that quitting would lose.
    func quitAskingWhenTyped() {
        if hasUnsavedInput { askToQuit(returnTo: overlay) } else { wantsQuit = true }
    }

    /// True when a dialog holds typed text that quitting would lose.
    var hasUnsavedInput: Bool {
        if case .prompt(let state)? = overlay { return !state.field.text.isEmpty }
        if case .form(let state)? = overlay { return state.isDirty }
        return false
    }

    /// Enter in the list: opens the selected nominal (a stub when the search was exact).
    func openSelectedNominal() {
        guard let row = list.selectedRow else { return }
        let exact = SearchQuery.parse(list.request.search, currentYear: clock.today().year)?.isExact ?? false
        openRecord(row.id, foundExactly: exact || row.access == .stub)
    }

    /// Opens a record in the record pane and shows it (a zoomed screen zooms to the record).
    func openRecord(_ id: NominalID, foundExactly: Bool) {
        guard let user else { return }
        do {
            let detail = try database.openRecord(id, for: user, foundExactly: foundExactly)
            record.foundExactly = foundExactly
            record.show(detail)
            focusPane(.record)
        } catch {
            say(error.description, error: true)
        }
    }

    /// `s`/`S`: the list's next or previous order.
    func sortList(by step: Int) {
        let orders = NominalSort.allCases
        let index = orders.firstIndex(of: list.request.sort) ?? 0
        list.request.sort = orders[(index + step + orders.count) % orders.count]
        list.reload(loader)
        say("Sorted by \(list.request.sort.title.lowercased())")
    }

    /// Ctrl-X: locks at once, saying the user did.
    func lockNow() { lock = LockState(reason: .byUser) }
}
