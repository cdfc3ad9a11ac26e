import VisorDomain

/// Draws a form: a label and a field per row, each field's error beside it (cut to fit; the focused
/// field's error whole at the foot), a date's weekday, the choices list when open, and the keys.
enum FormView {
    static let labelWidth = 24
    static let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

    /// Rows of fields that fit in a form drawn on `screen`.
    static func fieldRows(screen: Rect, fields: Int) -> Int {
        max(1, min(fields, screen.height - 2 - 6))
    }

    static func draw(_ state: FormState, into grid: inout ScreenGrid, screen: Rect) -> (x: Int, y: Int)? {
        let rows = fieldRows(screen: screen, fields: state.fields.count)
        let rect = OverlayViews.box(in: screen, width: 110, height: rows + 8)
        OverlayViews.drawFrame(rect, title: state.title, into: &grid)
        let inner = rect.inset(top: 1, left: 2, bottom: 1, right: 2)
        guard inner.width > 20, inner.height > 3 else { return nil }
        let labelWidth = min(Self.labelWidth, inner.width / 3)
        let fieldWidth = max(8, min(48, inner.width - labelWidth - 2 - 24))
        let errorX = inner.x + labelWidth + fieldWidth + 2
        let top = visibleTop(state, rows: rows)
        var cursor: (x: Int, y: Int)?
        for (row, index) in (top..<min(state.fields.count, top + rows)).enumerated() {
            let field = state.fields[index]
            let y = inner.y + row
            let focused = index == state.focus
            grid.put((focused ? "▸ " : "  ") + field.label, x: inner.x, y: y, role: focused ? .title : .inputLabel,
                     maxWidth: labelWidth - 1)
            let fieldX = inner.x + labelWidth
            grid.fill(Rect(x: fieldX, y: y, width: fieldWidth, height: 1), role: .input)
            if focused {
                cursor = (grid.putField(field.input, x: fieldX, y: y, width: fieldWidth, role: .input), y)
            } else {
                grid.put(field.text, x: fieldX, y: y, role: .input, maxWidth: fieldWidth)
            }
            var besideX = errorX
            if field.isDate, let date = LocalDate(iso: field.text.trimmingCharacters(in: .whitespaces)) {
                besideX += grid.put(weekdays[date.isoWeekday - 1], x: besideX, y: y, role: .muted) + 1
            }
            if let error = state.shownError(field) {
                grid.put("✗ " + error, x: besideX, y: y, role: .error, maxWidth: max(0, inner.maxX - besideX))
            }
        }
        if top > 0 { grid.put("↑", x: inner.maxX - 1, y: inner.y, role: .muted) }
        if top + rows < state.fields.count { grid.put("↓", x: inner.maxX - 1, y: inner.y + rows - 1, role: .muted) }
        var footY = inner.y + rows + 1
        if let field = state.focusedField {
            let about = state.shownError(field).map { "\(field.key): \($0)" }
                ?? (field.choices.isEmpty ? (field.isDate ? "A date, YYYY-MM-DD" : "")
                    : "Ctrl-O to choose: " + field.choices.prefix(12).joined(separator: ", ")
                        + (field.choices.count > 12 ? ", …" : ""))
            for line in TextWrap.wrap(about, width: inner.width).prefix(2) {
                grid.put(line, x: inner.x, y: footY, role: state.shownError(field) == nil ? .muted : .error,
                         maxWidth: inner.width)
                footY += 1
            }
        }
        if let message = state.message {
            for line in TextWrap.wrap(message, width: inner.width).prefix(max(1, inner.maxY - 1 - footY)) {
                grid.put(line, x: inner.x, y: footY, role: .warning, maxWidth: inner.width)
                footY += 1
            }
        }
        grid.put("Tab/↓ next · Shift-Tab/↑ previous · Enter next (on the last: save) · Ctrl-S save · Esc discard",
                 x: inner.x, y: inner.maxY - 1, role: .muted, maxWidth: inner.width)
        if let choosing = state.choosing, let y = cursor?.y {
            drawChoices(choosing, x: inner.x + labelWidth, below: y, into: &grid, screen: screen)
            return nil
        }
        return cursor
    }

    /// The first field shown: the focused one in view, near the middle when the form scrolls.
    static func visibleTop(_ state: FormState, rows: Int) -> Int {
        max(0, min(state.focus - rows / 2, state.fields.count - rows))
    }

    private static func drawChoices(_ list: FormChoiceList, x: Int, below y: Int, into grid: inout ScreenGrid,
                                    screen: Rect) {
        let width = min(44, screen.width - x - 1)
        let height = min(list.options.count, 10)
        guard width > 4, height > 0 else { return }
        let top = y + 1 + height + 2 <= screen.maxY ? y + 1 : max(0, y - height - 2)
        let rect = Rect(x: x, y: top, width: width, height: height + 2)
        grid.fill(rect, role: .dialog)
        grid.drawBox(rect, title: "Choose — Enter · Esc", focused: true)
        OverlayViews.drawOptions(list.options, selected: list.selected,
                                 in: Rect(x: rect.x + 1, y: rect.y + 1, width: width - 2, height: height), into: &grid)
    }
}
