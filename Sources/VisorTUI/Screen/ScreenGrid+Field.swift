/// Where a one-line text field's text goes in `width` columns: scrolled sideways
/// so that the cursor always shows, with `…` for text hidden on the left.
struct FieldWindow {
    /// The text from the first character shown (its right end is cut with `…` when drawn).
    var text: String
    /// True when characters before `text` scrolled off the left.
    var scrolledLeft: Bool
    /// Columns from the field's left edge to the cursor.
    var cursorOffset: Int

    init(_ field: TextField, width: Int) {
        let characters = Array(field.text)
        let cursor = min(field.cursor, characters.count)
        // The first character shown: as far left as the cursor allows, keeping one column for the
        // cursor itself and one for the `…` that stands for what scrolled off the left.
        var first = 0
        while first < cursor {
            let marker = first > 0 ? 1 : 0
            if DisplayWidth.of(String(characters[first..<cursor])) + marker + 1 <= width { break }
            first += 1
        }
        text = String(characters[first...])
        scrolledLeft = first > 0
        cursorOffset = (first > 0 ? 1 : 0) + DisplayWidth.of(String(characters[first..<cursor]))
    }
}

extension ScreenGrid {
    /// Draws a one-line text field in `width` columns (see `FieldWindow`) and
    /// returns the screen column of the cursor. A secret field shows nothing.
    @discardableResult
    public mutating func putField(_ field: TextField, x: Int, y: Int, width: Int, role: ThemeRole) -> Int {
        guard width > 0, !field.isSecret else { return x }
        let window = FieldWindow(field, width: width)
        var column = x
        if window.scrolledLeft { column += put("…", x: column, y: y, role: role) }
        put(window.text, x: column, y: y, role: role, maxWidth: x + width - column)
        return x + window.cursorOffset
    }
}
