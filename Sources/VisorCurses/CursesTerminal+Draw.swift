import CNcursesw
import VisorTUI

extension CursesTerminal {
    /// Copies `grid` to the screen and shows the hardware cursor at `cursor`
    /// (for text fields) or hides it.
    ///
    /// Only cells that changed since the last frame are written; a resize, a
    /// theme change or a grid of another size repaints everything.
    public func draw(_ grid: ScreenGrid, cursor: (x: Int, y: Int)?) {
        guard !isStopped else { return }
        let (columns, rows) = size
        let last = needsFullRedraw ? nil : previous.flatMap { $0.width == grid.width && $0.height == grid.height ? $0 : nil }
        if last == nil { werase(window) }
        for y in 0..<min(grid.height, rows) {
            for x in 0..<min(grid.width, columns) {
                let cell = grid[x: x, y: y]
                if cell.isContinuation { continue }
                if let last, last[x: x, y: y] == cell { continue }
                put(cell, x: x, y: y, columns: columns)
            }
        }
        previous = grid
        needsFullRedraw = false
        placeCursor(cursor, columns: columns, rows: rows)
        wnoutrefresh(window)
        doupdate()
    }

    /// Writes one cell with the wide-character API; a double-width grapheme that
    /// the screen is too narrow for (grid and terminal sizes disagree) becomes a space.
    private func put(_ cell: Cell, x: Int, y: Int, columns: Int) {
        var scalars = DisplayWidth.terminalScalars(of: cell.character)
        if scalars.isEmpty || (DisplayWidth.of(cell.character) == 2 && x + 1 >= columns) { scalars = [" "] }
        var text = scalars.map { wchar_t(bitPattern: $0.value) }
        text.append(0)
        let entry = palette.entry(for: cell.role, over: cell.surface)
        _ = visor_put_cell(window, Int32(y), Int32(x), text, entry.attributes, entry.pair)
    }

    private func placeCursor(_ cursor: (x: Int, y: Int)?, columns: Int, rows: Int) {
        if let cursor, cursor.x >= 0, cursor.x < columns, cursor.y >= 0, cursor.y < rows {
            leaveok(window, false)
            wmove(window, Int32(cursor.y), Int32(cursor.x))
            if !cursorVisible { curs_set(1); cursorVisible = true }
        } else {
            leaveok(window, true)
            if cursorVisible { curs_set(0); cursorVisible = false }
        }
    }
}
