/// The selection and scroll of a list held in memory: which row is selected,
/// which is at the top, kept on screen whatever the list's length or the pane's height.
public struct ListCursor: Sendable, Hashable {
    public var selected = 0
    public var top = 0

    public init() {}

    /// Moves the selection by `delta` rows within `count`, scrolling to keep it visible.
    mutating func move(by delta: Int, count: Int, visibleRows: Int) {
        selected += delta
        clamp(count: count, visibleRows: visibleRows)
    }

    /// Selects the row at `index` (a click), if there is one.
    mutating func select(_ index: Int, count: Int, visibleRows: Int) {
        guard index >= 0, index < count else { return }
        selected = index
        clamp(count: count, visibleRows: visibleRows)
    }

    /// Keeps the selection within the list and on screen, and the page full: no empty rows
    /// below the last item while rows above are scrolled away.
    mutating func clamp(count: Int, visibleRows: Int) {
        selected = min(max(0, selected), max(0, count - 1))
        guard visibleRows > 0 else { return }
        if selected < top { top = selected }
        if selected >= top + visibleRows { top = selected - visibleRows + 1 }
        top = max(0, min(top, max(0, count - visibleRows)))
    }
}
