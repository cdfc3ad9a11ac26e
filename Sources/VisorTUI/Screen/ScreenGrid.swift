import VisorDomain

/// A width × height grid of cells that panes draw into; the terminal backend
/// copies it to the screen and tests read it as text.
///
/// Every write clips to the grid, and the grid keeps one invariant: a
/// double-width grapheme is always followed by its continuation cell, and a
/// continuation cell always follows one. Overwriting either half blanks the other.
public struct ScreenGrid: Sendable, Hashable {
    /// Width in columns.
    public let width: Int
    /// Height in rows.
    public let height: Int
    /// Row-major cells, `width * height` of them.
    private var cells: [Cell]

    /// A blank grid; negative sizes become zero.
    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.cells = Array(repeating: Cell(), count: self.width * self.height)
    }

    /// The whole grid as a rectangle.
    public var bounds: Rect { Rect(width: width, height: height) }

    /// The cell at (x, y); outside the grid, a blank normal cell.
    public subscript(x x: Int, y y: Int) -> Cell {
        guard x >= 0, x < width, y >= 0, y < height else { return Cell() }
        return cells[y * width + x]
    }

    /// Writes `text` from (x, y) left to right in `role` and returns the columns used.
    /// The cells keep the surface they were on (`Cell.surface`).
    ///
    /// Stops at the grid's right edge or after `maxWidth` columns: nothing is cut
    /// off silently, so text that does not fit ends in `…` (unless `ellipsis` is
    /// false, for callers that show the cut themselves). A double-width grapheme
    /// that does not fit becomes a space. Controls, line breaks and bidirectional
    /// controls are shown escaped (`TerminalText`: `\x1b`, `\u202e`), here where
    /// every pane, dialog and the status line write, so no data can reach the
    /// terminal raw; other zero-width graphemes (a lone combining mark) are
    /// dropped. Columns left of 0 are consumed unseen.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, role: ThemeRole, maxWidth: Int? = nil,
                             ellipsis: Bool = true) -> Int {
        guard y >= 0, y < height else { return 0 }
        let limit = min(width, maxWidth.map { x + max(0, $0) } ?? width)
        var text = TerminalText.escaped(text)
        if ellipsis, x >= 0, limit > x, DisplayWidth.of(text) > limit - x {
            text = DisplayWidth.truncate(text, to: limit - x)
        }
        var column = x
        for c in text {
            guard column < limit else { break }
            let w = DisplayWidth.of(c)
            if w == 0 { continue }
            if column < 0 {
                // Left of the grid: a wide grapheme straddling column 0 shows its right half as a space.
                if column + w > 0 { write(" ", x: 0, y: y, role: role) }
                column += w
                continue
            }
            if column + w > limit {
                write(" ", x: column, y: y, role: role)
                column += 1
                break
            }
            write(c, x: column, y: y, role: role)
            if w == 2 { write(" ", x: column + 1, y: y, role: role, isContinuation: true) }
            column += w
        }
        return max(0, column - max(0, x))
    }

    /// Blanks every cell of `rect` (clipped to the grid) in `role`, which becomes
    /// their surface: text written there later shows over its background.
    public mutating func fill(_ rect: Rect, role: ThemeRole) {
        let area = rect.intersection(bounds)
        for y in area.y..<area.maxY {
            for x in area.x..<area.maxX { setCell(x: x, y: y, Cell.blank(role)) }
        }
    }

    /// The text of each row: continuation cells skipped, trailing spaces trimmed.
    public func lines() -> [String] {
        (0..<height).map { line(y: $0) }
    }

    /// The text of row `y` as `lines()` gives it.
    public func line(y: Int) -> String {
        guard y >= 0, y < height else { return "" }
        var text = ""
        for x in 0..<width where !cells[y * width + x].isContinuation {
            text.append(cells[y * width + x].character)
        }
        while text.last == " " { text.removeLast() }
        return text
    }

    /// The role of every column of row `y`, continuation cells included.
    public func roles(y: Int) -> [ThemeRole] {
        guard y >= 0, y < height else { return [] }
        return (0..<width).map { cells[y * width + $0].role }
    }

    /// The surface role of every column of row `y`, continuation cells included.
    public func surfaces(y: Int) -> [ThemeRole] {
        guard y >= 0, y < height else { return [] }
        return (0..<width).map { cells[y * width + $0].surface }
    }

    /// Writes text in `role` at (x, y), on the surface already there.
    private mutating func write(_ character: Character, x: Int, y: Int, role: ThemeRole, isContinuation: Bool = false) {
        guard x >= 0, x < width, y >= 0, y < height else { return }
        let surface = cells[y * width + x].surface
        setCell(x: x, y: y, Cell(character: character, role: role, surface: surface, isContinuation: isContinuation))
    }

    /// Stores one cell, repairing any double-width grapheme it cuts in half.
    mutating func setCell(x: Int, y: Int, _ cell: Cell) {
        guard x >= 0, x < width, y >= 0, y < height else { return }
        let i = y * width + x
        let old = cells[i]
        if old.isContinuation, !cell.isContinuation, x > 0 {
            // Overwriting the right half: the left half can no longer show its grapheme.
            cells[i - 1] = blanked(cells[i - 1])
        }
        if !old.isContinuation, x + 1 < width, cells[i + 1].isContinuation, !isWide(cell) {
            // Overwriting the left half with something narrow: its continuation is orphaned.
            cells[i + 1] = blanked(cells[i + 1])
        }
        cells[i] = cell
    }

    /// The half of a cut wide grapheme: a space in the same role on the same surface.
    private func blanked(_ cell: Cell) -> Cell {
        Cell(character: " ", role: cell.role, surface: cell.surface)
    }

    private func isWide(_ cell: Cell) -> Bool {
        !cell.isContinuation && DisplayWidth.of(cell.character) == 2
    }
}
