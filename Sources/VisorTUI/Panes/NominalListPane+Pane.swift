import VisorDomain
import VisorRegister

extension NominalListPane: Pane {
    public var bindings: [Binding] {
        [
            Binding("openNominal", "Open the selected nominal's record", keys: [.enter], scope: .pane(id),
                    whyNot: { $0.list.selectedRow == nil ? "No nominal selected" : nil },
                    run: { $0.openSelectedNominal() }),
            Binding("search", "Search the list as you type (names and identifiers)", keys: [.character("/")],
                    scope: .pane(id), run: { $0.list.beginFilter(core: $0) }),
            Binding("sortNext", "Sort by the next column", keys: [.character("s")], scope: .pane(id),
                    run: { $0.sortList(by: 1) }),
            Binding("sortPrevious", "Sort by the previous column", keys: [.character("S")], scope: .pane(id),
                    run: { $0.sortList(by: -1) }),
            Binding("createNominalFromList", "Create a nominal (your agency owns it)", keys: [.character("c")],
                    scope: .pane(id), changesData: true, run: { $0.openCreateForm() }),
        ]
    }

    public func draw(into grid: inout ScreenGrid, rect: Rect, focused: Bool, context: PaneContext) -> (x: Int, y: Int)? {
        NominalListView.draw(self, into: &grid, rect: rect, focused: focused)
        return NominalListView.searchCursor(self, rect: rect)
    }

    public func visibleRows(in rect: Rect) -> Int { NominalListView.visibleRows(self, rect: rect) }

    public func move(by delta: Int, visibleRows: Int, core: AppCore) {
        move(by: delta, loader: core.loader, visibleRows: visibleRows)
    }

    public func jump(toFirst: Bool, visibleRows: Int, core: AppCore) {
        if toFirst { first(core.loader) } else { last(core.loader, visibleRows: visibleRows) }
    }

    public func fit(visibleRows: Int, core: AppCore) { fillPage(core.loader, visibleRows: visibleRows) }

    /// A click on the header sorts by that column; on a row, selects it.
    public func click(x: Int, y: Int, rect: Rect, core: AppCore) {
        let headerY = rect.y + 1
        if y == headerY {
            var column = 2
            for spec in NominalListView.columns(width: rect.width - 2) {
                if x - rect.x - 1 >= column, x - rect.x - 1 < column + spec.width, let sort = spec.sort {
                    request.sort = sort
                    reload(core.loader)
                    return
                }
                column += spec.width + 1
            }
            return
        }
        if y > headerY { cursor.select(top + (y - headerY - 1), count: rows.count, visibleRows: visibleRows(in: rect)) }
    }

    public var isTypingFilter: Bool { isTypingSearch }

    public func beginFilter(core: AppCore) {
        isTypingSearch = true
        searchField = TextField(text: request.search)
    }

    public func clearFilter(core: AppCore) {
        isTypingSearch = false
        guard !request.search.isEmpty else { return }
        searchField.clear()
        request.search = ""
        reload(core.loader)
    }

    public func typeFilter(_ key: Key, core: AppCore) -> Key? {
        switch key {
        case .enter:
            isTypingSearch = false
        case .escape:
            clearFilter(core: core)
        case .up, .down, .pageUp, .pageDown:
            isTypingSearch = false
            return key
        default:
            guard searchField.handle(key), searchField.text != request.search else { return nil }
            request.search = searchField.text
            reload(core.loader)
        }
        return nil
    }

    public func reload(core: AppCore) { reload(core.loader) }
}
