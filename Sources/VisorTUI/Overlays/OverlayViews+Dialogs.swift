/// The dialogs that ask (yes/no, a choice) and the one that shows a text whole.
extension OverlayViews {
    static func confirm(_ state: ConfirmState, into grid: inout ScreenGrid, screen: Rect) {
        let width = min(66, screen.width - 2)
        let lines = TextWrap.wrap(state.question, width: max(1, width - 4))
        let rect = box(in: screen, width: width, height: 4 + lines.count)
        drawFrame(rect, title: state.title, into: &grid)
        let inner = rect.inset(top: 1, left: 2, bottom: 1, right: 2)
        for (index, line) in lines.prefix(max(0, inner.height - 1)).enumerated() {
            grid.put(line, x: inner.x, y: inner.y + index, role: .dialog, maxWidth: inner.width)
        }
        grid.put("y yes · n no", x: inner.x, y: inner.maxY - 1, role: .warning, maxWidth: inner.width)
    }

    /// Options one a row in `area`, scrolled so that the selected one shows, which is highlighted:
    /// a choice dialog's, and a form's choice list.
    static func drawOptions(_ options: [String], selected: Int, in area: Rect, into grid: inout ScreenGrid) {
        let first = max(0, selected - area.height + 1)
        for (row, option) in options.enumerated().dropFirst(first).prefix(area.height) {
            let role: ThemeRole = row == selected ? .selectedRow : .dialog
            let line = Rect(x: area.x, y: area.y + row - first, width: area.width, height: 1)
            grid.fill(line, role: role)
            grid.put(option, x: line.x + 1, y: line.y, role: role, maxWidth: line.width - 1)
        }
    }

    static func choice(_ state: ChoiceState, into grid: inout ScreenGrid, screen: Rect) {
        let width = min(72, screen.width - 2)
        let rect = box(in: screen, width: width, height: 4 + state.options.count)
        drawFrame(rect, title: state.title, into: &grid)
        let inner = rect.inset(top: 1, left: 2, bottom: 1, right: 2)
        drawOptions(state.options.map(\.label), selected: state.selected,
                    in: Rect(x: inner.x, y: inner.y, width: inner.width, height: max(0, inner.height - 1)), into: &grid)
        grid.put("j/k choose · Enter · Esc cancel", x: inner.x, y: inner.maxY - 1, role: .muted, maxWidth: inner.width)
    }

    /// A text whole: labelled paragraphs wrapped under their labels, scrolled with j/k.
    static func detail(_ state: DetailState, keys: String, into grid: inout ScreenGrid, screen: Rect) {
        let width = min(90, screen.width - 2)
        let lines = detailLines(state.paragraphs, width: max(1, width - 4))
        let rect = box(in: screen, width: width, height: min(screen.height - 2, lines.count + 4))
        drawFrame(rect, title: state.title, into: &grid)
        let inner = rect.inset(top: 1, left: 2, bottom: 1, right: 2)
        let rows = max(0, inner.height - 2)
        let first = min(state.scroll, max(0, lines.count - rows))
        for (row, line) in lines.dropFirst(first).prefix(rows).enumerated() {
            grid.put(line.text, x: inner.x, y: inner.y + row, role: line.role, maxWidth: inner.width)
        }
        var hint = keys
        if first + rows < lines.count { hint = "↓ more · " + hint }
        grid.put(hint, x: inner.x, y: inner.maxY - 1, role: .muted, maxWidth: inner.width)
    }

    static func detailLines(_ paragraphs: [DetailParagraph], width: Int) -> [StyledLine] {
        let labelWidth = min(18, (paragraphs.compactMap { $0.label.map(DisplayWidth.of) }.max() ?? 0) + 2)
        var lines: [StyledLine] = []
        for paragraph in paragraphs {
            guard let label = paragraph.label else {
                lines += TextWrap.wrap(paragraph.text, width: width).map { StyledLine(text: $0, role: paragraph.role) }
                continue
            }
            let body = TextWrap.wrap(paragraph.text, width: max(1, width - labelWidth))
            for (index, part) in body.enumerated() {
                let head = index == 0 ? DisplayWidth.pad(label, to: labelWidth) : String(repeating: " ", count: labelWidth)
                lines.append(StyledLine(text: head + part, role: paragraph.role))
            }
        }
        return lines
    }
}
