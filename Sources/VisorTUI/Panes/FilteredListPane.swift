/// A pane listing items held in memory (the partner queue, the actions): the
/// shared list cursor, the `/` filter, the mouse — one implementation for all of them.
@MainActor
protocol FilteredListPane: Pane {
    var cursor: ListCursor { get set }
    var filter: PaneFilter { get set }
    /// How many items the filter lets through.
    var shownCount: Int { get }
    /// Rows above the items inside the border (0 for a plain list).
    var headerRows: Int { get }
}

extension FilteredListPane {
    var headerRows: Int { 0 }
    public var selected: Int { cursor.selected }
    public var top: Int { cursor.top }

    public func move(by delta: Int, visibleRows: Int, core: AppCore) {
        cursor.move(by: delta, count: shownCount, visibleRows: visibleRows)
    }

    public func jump(toFirst: Bool, visibleRows: Int, core: AppCore) {
        cursor.move(by: toFirst ? Int.min / 2 : Int.max / 2, count: shownCount, visibleRows: visibleRows)
    }

    public func fit(visibleRows: Int, core: AppCore) {
        cursor.clamp(count: shownCount, visibleRows: visibleRows)
    }

    public func click(x: Int, y: Int, rect: Rect, core: AppCore) {
        cursor.select(cursor.top + (y - rect.y - 1 - headerRows), count: shownCount,
                      visibleRows: visibleRows(in: rect))
    }

    public var isTypingFilter: Bool { filter.isTyping }

    public func beginFilter(core: AppCore) { filter.begin() }

    public func clearFilter(core: AppCore) {
        filter.clear()
        core.fitFocusedPane()
    }

    public func typeFilter(_ key: Key, core: AppCore) -> Key? {
        let before = filter.text
        let then = filter.edit(key)
        if filter.text != before { cursor = ListCursor() }
        core.fitFocusedPane()
        return then
    }
}
