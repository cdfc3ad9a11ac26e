/// A pane listing items with a `/` filter (the partner queue, the actions): the shared list
/// cursor, the filter, the mouse — one implementation for all of them.
@MainActor
protocol FilteredListPane: Pane {
    var cursor: ListCursor { get set }
    var filter: PaneFilter { get set }
    /// How many items the filter lets through.
    var shownCount: Int { get }
    /// After the cursor moved or was clamped (a pane that reads its items a page at a time reads here).
    func cursorMoved(core: AppCore)
    /// After the filter's text changed or was cleared, before the cursor is fitted.
    func filterChanged(core: AppCore)
}

extension FilteredListPane {
    func cursorMoved(core: AppCore) {}
    func filterChanged(core: AppCore) {}

    public var selected: Int { cursor.selected }
    public var top: Int { cursor.top }

    public func move(by delta: Int, visibleRows: Int, core: AppCore) {
        cursor.move(by: delta, count: shownCount, visibleRows: visibleRows)
        cursorMoved(core: core)
    }

    public func jump(toFirst: Bool, visibleRows: Int, core: AppCore) {
        cursor.move(by: toFirst ? Int.min / 2 : Int.max / 2, count: shownCount, visibleRows: visibleRows)
        cursorMoved(core: core)
    }

    public func fit(visibleRows: Int, core: AppCore) {
        cursor.clamp(count: shownCount, visibleRows: visibleRows)
        cursorMoved(core: core)
    }

    public func click(x: Int, y: Int, rect: Rect, core: AppCore) {
        cursor.select(cursor.top + (y - rect.y - 1), count: shownCount, visibleRows: visibleRows(in: rect))
        cursorMoved(core: core)
    }

    public var isTypingFilter: Bool { filter.isTyping }

    public func beginFilter(core: AppCore) { filter.begin() }

    public func clearFilter(core: AppCore) {
        filter.clear()
        filterChanged(core: core)
        core.fitFocusedPane()
    }

    public func typeFilter(_ key: Key, core: AppCore) -> Key? {
        let before = filter.text
        let then = filter.edit(key)
        if filter.text != before {
            cursor = ListCursor()
            filterChanged(core: core)
        }
        core.fitFocusedPane()
        return then
    }
}

extension FilteredListPane {
    /// The `/` line at the foot of `inner`, when the filter shows; returns the rows left above it.
    func drawFilterLine(into grid: inout ScreenGrid, inner: Rect, count: Int) -> Rect {
        guard filter.isShown else { return inner }
        let (body, box) = inner.splitRows(bottom: 1)
        filter.draw(into: &grid, rect: box, count: count)
        return body
    }

    /// The visible items from the cursor's top: each line filled in its role (`item` gives the text and
    /// the role of the item at an index, or nil past the end), the selection highlighted.
    func drawRows(into grid: inout ScreenGrid, rect: Rect, focused: Bool,
                  item: (Int) -> (text: String, role: ThemeRole)?) {
        for line in 0..<max(0, rect.height) {
            let index = cursor.top + line
            guard let (text, own) = item(index) else { break }
            let role: ThemeRole = index == cursor.selected ? (focused ? .selectedRow : .selectedRowUnfocused) : own
            grid.fill(Rect(x: rect.x, y: rect.y + line, width: rect.width, height: 1), role: role)
            grid.put(text, x: rect.x, y: rect.y + line, role: role, maxWidth: rect.width)
        }
    }
}
