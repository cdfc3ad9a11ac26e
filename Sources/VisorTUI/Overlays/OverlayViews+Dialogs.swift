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

    static func choice(_ state: ChoiceState, into grid: inout ScreenGrid, screen: Rect) {
        let width = min(72, screen.width - 2)
        let rect = box(in: screen, width: width, height: 4 + state.options.count)
        drawFrame(rect, title: state.title, into: &grid)
        let inner = rect.inset(top: 1, left: 2, bottom: 1, right: 2)
        let rows = max(0, inner.height - 1)
        let first = max(0, state.selected - rows + 1)
        for (row, option) in state.options.enumerated().dropFirst(first).prefix(rows) {
            let y = inner.y + row - first
            let role: ThemeRole = row == state.selected ? .selectedRow : .dialog
            grid.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), role: role)
            grid.put(option.label, x: inner.x + 1, y: y, role: role, maxWidth: inner.width - 1)
        }
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
