extension ScreenGrid {
    /// Draws a single-line box (─│┌┐└┘) around the edge of `rect`, in the
    /// `focusedBorder` or `border` role, with `title` in the top border.
    ///
    /// A rectangle one row tall becomes a horizontal line, one column wide a
    /// vertical line; the title is cut with `…` to fit between the corners.
    public mutating func drawBox(_ rect: Rect, title: String?, focused: Bool) {
        let area = rect.intersection(bounds)
        guard !rect.isEmpty, !area.isEmpty else { return }
        let role: ThemeRole = focused ? .focusedBorder : .border
        let left = rect.x, right = rect.maxX - 1, top = rect.y, bottom = rect.maxY - 1

        if rect.height == 1 || rect.width == 1 {
            for y in top...bottom {
                for x in left...right {
                    put(rect.height == 1 ? "─" : "│", x: x, y: y, role: role)
                }
            }
            return
        }
        for x in (left + 1)..<right {
            put("─", x: x, y: top, role: role)
            put("─", x: x, y: bottom, role: role)
        }
        for y in (top + 1)..<bottom {
            put("│", x: left, y: y, role: role)
            put("│", x: right, y: y, role: role)
        }
        put("┌", x: left, y: top, role: role)
        put("┐", x: right, y: top, role: role)
        put("└", x: left, y: bottom, role: role)
        put("┘", x: right, y: bottom, role: role)

        // " Title " between the corners needs at least one column for the text itself.
        let inner = rect.width - 2
        if let title, !title.isEmpty, inner >= 3 {
            let text = " " + DisplayWidth.truncate(title, to: inner - 2) + " "
            put(text, x: left + 1, y: top, role: .title, maxWidth: inner)
        }
    }
}
