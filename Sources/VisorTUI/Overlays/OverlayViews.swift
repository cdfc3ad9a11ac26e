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
            return TextWrap.wrap(line, width: inner.width).enumerated().map { $0.offset == 0 ? $0.element : indent + $0.element }
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

/// The policy values, one line each, for `:policy`.
enum PolicyLines {
    static func lines(_ p: Policy) -> [String] {
        let clearances = Role.allCases.map { role in
            "  \(role.rawValue): " + p.clearanceKinds(for: role).map(\.rawValue).sorted().joined(separator: ", ")
        }
        return [
            "Warning window: \(p.warningWindowDays) days",
            "R1 create category 2 nominal: \(p.r1MonthsBeforeRelease) months before release",
            "R3 prison requests partnership: \(p.r3MonthsBeforeRelease) months before release",
            "R4 answer a partner request: \(p.r4AnswerWorkingDays) working days",
            "R8 complete the record: \(p.r8CompleteWorkingDays) working days;"
                + " minimum data set: " + p.minimumDataSet.map(\.rawValue).joined(separator: ", "),
            "R9 reconcile every \(p.r9ReconcileDays) days; resolve discrepancies in \(p.r9DiscrepancyWorkingDays) working days",
            "R10 validate within \(p.r10ValidateWorkingDays) working days; review every \(p.r10ReviewMonthsMultiAgency)"
                + " months (level 2/3), \(p.r10ReviewMonthsLevel1) months (level 1)",
            "R11 MAPP review: \(p.r11ReviewWeeksLevel2) weeks (level 2), \(p.r11ReviewWeeksLevel3) weeks (level 3)",
            "R13 renew clearance \(p.r13RenewDaysBeforeExpiry) days before expiry",
            "R14 SPO sign-in every \(p.r14SPOSignInDays) days; manager views every \(p.r14ManagerViewDays) days",
            "R16 notification every \(p.r16NotificationYears) year(s)",
            "Sign-in: \(p.lockoutFailures) failures lock for \(p.lockoutMinutes) minutes;"
                + " the screen locks after \(p.idleLockMinutes) idle minutes",
            "Rules re-evaluated every \(p.timerIntervalSeconds) seconds; actions horizon \(p.actionsHorizonDays) days",
            "Bank holidays: \(p.bankHolidays.count) dates (England and Wales)",
            "Clearance accepted for each role:",
        ] + clearances
    }
}
