import VisorDomain

/// Draws overlays in a centred box over the panes.
enum OverlayViews {
    static func box(in screen: Rect, width: Int, height: Int) -> Rect {
        let w = min(width, screen.width - 2), h = min(height, screen.height - 2)
        return Rect(x: screen.x + (screen.width - w) / 2, y: screen.y + (screen.height - h) / 2, width: w, height: h)
    }

    static func drawFrame(_ rect: Rect, title: String, into grid: inout ScreenGrid) {
        grid.fill(rect, role: .dialog)
        grid.drawBox(rect, title: title, focused: true)
    }

    static func help(scroll: Int, bindings: [Binding], readOnly: Bool, contacts: [HelpContact], into grid: inout ScreenGrid,
                     screen: Rect) {
        let rect = box(in: screen, width: 100, height: screen.height - 2)
        drawFrame(rect, title: "Help — Esc to close, j/k to scroll", into: &grid)
        let inner = rect.inset(top: 1, left: 2, bottom: 1, right: 2)
        let lines = helpLines(bindings: bindings, readOnly: readOnly, contacts: contacts, width: inner.width)
        for (row, line) in lines.dropFirst(scroll).prefix(inner.height).enumerated() {
            grid.put(line.text, x: inner.x, y: inner.y + row, role: line.role, maxWidth: inner.width)
        }
    }

    /// The main screen's keys, each with its pane, then Annex A's where to get help.
    static func helpLines(bindings: [Binding], readOnly: Bool, contacts: [HelpContact], width: Int) -> [StyledLine] {
        var lines = [StyledLine(text: readOnly ? "Keys (read-only access: nothing here changes data)" : "Keys",
                                role: .title)]
        let shown = Keymap.available(bindings, readOnly: readOnly)
        let keyWidth = shown.map { DisplayWidth.of($0.keyNames) }.max() ?? 14
        for binding in shown {
            let keys = DisplayWidth.pad(binding.keys.isEmpty ? ":" + (binding.commands.first ?? "") : binding.keyNames,
                                        to: keyWidth)
            let scope: String = switch binding.scope {
            case .pane(let pane): "  (\(pane.title))"
            default: ""
            }
            // Long titles wrap under themselves, not under the keys.
            for (index, part) in TextWrap.wrap(binding.title + scope, width: max(10, width - keyWidth - 1)).enumerated() {
                lines.append(StyledLine(text: (index == 0 ? keys + " " : String(repeating: " ", count: keyWidth + 1))
                    + part))
            }
        }
        let hint = "/ then a name, an identifier (PNC, CRO, NOMS, CRN) or a name and a date"
            + " of birth (wojcik 1985-03-01); Enter keeps the filter, Esc clears it."
        lines += TextWrap.wrap(hint, width: max(10, width)).map { StyledLine(text: $0, role: .muted) }
        lines.append(StyledLine(text: ""))
        lines.append(StyledLine(text: "Where to get help (PI 05/2009, Annex A)", role: .title))
        for contact in contacts {
            lines.append(StyledLine(text: contact.problem, role: .helpKey))
            let body = [contact.whereToGo, contact.contact, contact.notes].filter { !$0.isEmpty }.joined(separator: " — ")
            lines += TextWrap.wrap(body, width: max(10, width - 4)).map { StyledLine(text: "    " + $0) }
        }
        return lines
    }

    static func palette(_ state: PaletteState, bindings: [Binding], into grid: inout ScreenGrid,
                        screen: Rect) -> (x: Int, y: Int) {
        let rect = box(in: screen, width: 64, height: min(16, screen.height - 2))
        drawFrame(rect, title: "Command palette — Enter runs, Esc closes", into: &grid)
        let inner = rect.inset(top: 1, left: 2, bottom: 1, right: 2)
        grid.put(":", x: inner.x, y: inner.y, role: .inputLabel)
        let cursorX = grid.putField(state.field, x: inner.x + 1, y: inner.y, width: inner.width - 1, role: .input)
        let matches = state.matches(in: bindings)
        for (row, binding) in matches.prefix(inner.height - 2).enumerated() {
            let role: ThemeRole = row == state.selected ? .selectedRow : .dialog
            let y = inner.y + 2 + row
            grid.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), role: role)
            grid.put(binding.title, x: inner.x + 1, y: y, role: role, maxWidth: inner.width - 16)
            let keys = binding.keys.isEmpty ? ":" + (binding.commands.first ?? "") : binding.keyNames
            grid.put(keys, x: inner.maxX - DisplayWidth.of(keys), y: y, role: role)
        }
        return (cursorX, inner.y)
    }

    static func policy(_ policy: Policy, scroll: Int, into grid: inout ScreenGrid, screen: Rect) {
        let rect = box(in: screen, width: 80, height: screen.height - 2)
        drawFrame(rect, title: "Policy in force — Esc to close, j/k to scroll", into: &grid)
        let inner = rect.inset(top: 1, left: 2, bottom: 1, right: 2)
        // Long settings wrap under themselves rather than lose their end.
        let lines = PolicyLines.lines(policy).flatMap { line -> [String] in
            let indent = String(line.prefix { $0 == " " }) + "  "
            let parts = TextWrap.wrap(line, width: inner.width)
            guard parts.count > 1, let first = parts.first else { return parts }
            let rest = TextWrap.wrap(parts.dropFirst().joined(separator: " "), width: max(1, inner.width - indent.count))
            return [first] + rest.map { indent + $0 }
        }
        for (row, line) in lines.dropFirst(scroll).prefix(inner.height).enumerated() {
            grid.put(line, x: inner.x, y: inner.y + row, role: .dialog, maxWidth: inner.width)
        }
    }

    static func prompt(_ state: PromptState, into grid: inout ScreenGrid, screen: Rect) -> (x: Int, y: Int) {
        let width = min(76, screen.width - 2)
        let labelLines = TextWrap.wrap(state.label, width: max(1, width - 4))
        let messageLines = state.message.map { TextWrap.wrap($0, width: max(1, width - 4)) } ?? []
        let rect = box(in: screen, width: width, height: 5 + labelLines.count + messageLines.count)
        drawFrame(rect, title: state.title, into: &grid)
        let inner = rect.inset(top: 1, left: 2, bottom: 1, right: 2)
        for (index, line) in labelLines.enumerated() {
            grid.put(line, x: inner.x, y: inner.y + index, role: .inputLabel, maxWidth: inner.width)
        }
        let fieldY = inner.y + labelLines.count
        grid.fill(Rect(x: inner.x, y: fieldY, width: inner.width, height: 1), role: .input)
        let cursorX = grid.putField(state.field, x: inner.x, y: fieldY, width: inner.width, role: .input)
        for (index, line) in messageLines.enumerated() {
            grid.put(line, x: inner.x, y: fieldY + 1 + index, role: .error, maxWidth: inner.width)
        }
        grid.put("Enter to \(state.verb) · Esc to cancel", x: inner.x, y: inner.maxY - 1, role: .muted,
                 maxWidth: inner.width)
        return (cursorX, fieldY)
    }
}

/// The policy in force for `:policy`: each setting of the policy table (`PolicyKey`), what it
/// means and its value — the same table the policy file's parser and example are made from.
enum PolicyLines {
    static func lines(_ policy: Policy) -> [String] {
        PolicyOverrides.describe(policy).flatMap { setting -> [String] in
            let summary: String = setting.key.summary
            let heading = summary.prefix(1).uppercased() + String(summary.dropFirst()) + ":"
            let value = "  \(setting.value)  (\(setting.key.path))"
            return [heading, value]
        }
    }
}
