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
