import VisorDomain
import VisorRegister

/// Draws the nominal list: a header with the sorted column marked, one line
/// per row with an action marker (`!` overdue, `•` due soon) so that colour
/// is never the only cue, and the search box at the bottom when in use.
@MainActor
struct NominalListView {
    struct Column {
        let sort: NominalSort?
        let title: String
        let width: Int
    }

    /// The columns that fit `width`: name always; date of birth and category/level
    /// from 40 columns; release, custody and owner as room allows.
    static func columns(width: Int) -> [Column] {
        var fixed: [Column] = [Column(sort: .dateOfBirth, title: "Born", width: 10),
                               Column(sort: .mappa, title: "C/L", width: 3)]
        if width >= 56 { fixed.append(Column(sort: .releaseDate, title: "Release", width: 10)) }
        if width >= 66 { fixed.append(Column(sort: .custody, title: "Custody", width: 9)) }
        if width >= 84 { fixed.insert(Column(sort: .owner, title: "Owner", width: min(22, width - 78)), at: 2) }
        let used = 2 + fixed.reduce(0) { $0 + $1.width + 1 }
        return [Column(sort: .name, title: "Name", width: max(8, width - used))] + fixed
    }

    static func draw(_ pane: NominalListPane, into grid: inout ScreenGrid, rect: Rect, focused: Bool) {
        var title = "1 Nominals"
        if let count = pane.count {
            let position = pane.rows.isEmpty ? "0/" : pane.offset.map { "\(NumberText.grouped($0 + pane.selected + 1))/" } ?? ""
            title += " · \(position)\(count.text)"
        }
        // The order is always visible: marked in the header, or named here when its column is hidden.
        if !columns(width: rect.width - 2).contains(where: { $0.sort == pane.request.sort }) {
            title += " · by \(pane.request.sort.title.lowercased())"
        }
        if !pane.request.search.isEmpty { title += " · “\(pane.request.search)”" }
        grid.drawBox(rect, title: title, focused: focused)
        var inner = rect.inset(by: 1)
        guard inner.width > 4, inner.height > 1 else { return }
        let showsSearch = pane.isTypingSearch || !pane.request.search.isEmpty
        if showsSearch {
            let (body, box) = inner.splitRows(bottom: 1)
            drawSearch(pane, into: &grid, rect: box)
            inner = body
        }
        let columns = columns(width: inner.width)
        drawHeader(columns, sort: pane.request.sort, into: &grid, rect: inner)
        let body = inner.splitRows(top: 1).bottom
        if pane.rows.isEmpty {
            let message = pane.lastError ?? (pane.request.search.isEmpty ? "No records to show"
                : "No match — a record you may not see shows only for an exact identifier or name and date of birth")
            grid.put(message, x: body.x + 1, y: body.y, role: .muted, maxWidth: body.width - 1)
            return
        }
        for line in 0..<body.height {
            let index = pane.top + line
            guard pane.rows.indices.contains(index) else { break }
            drawRow(pane.rows[index], pane: pane, selected: index == pane.selected, focused: focused,
                    columns: columns, into: &grid, x: body.x, y: body.y + line, width: body.width)
        }
    }

    static func visibleRows(_ pane: NominalListPane, rect: Rect) -> Int {
        let showsSearch = pane.isTypingSearch || !pane.request.search.isEmpty
        return max(0, rect.height - 3 - (showsSearch ? 1 : 0))
    }

    private static func drawHeader(_ columns: [Column], sort: NominalSort, into grid: inout ScreenGrid, rect: Rect) {
        grid.fill(Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), role: .header)
        var x = rect.x + 2
        for column in columns {
            let mark = column.sort == sort ? "▾" : ""
            grid.put(DisplayWidth.truncate(column.title + mark, to: column.width), x: x, y: rect.y, role: .header,
                     maxWidth: column.width)
            x += column.width + 1
        }
    }

    private static func drawRow(_ row: NominalListRow, pane: NominalListPane, selected: Bool, focused: Bool,
                                columns: [Column], into grid: inout ScreenGrid, x: Int, y: Int, width: Int) {
        let base: ThemeRole = selected ? (focused ? .selectedRow : .selectedRowUnfocused)
            : row.access == .stub ? .stub : row.access == .restricted ? .restricted : .normal
        grid.fill(Rect(x: x, y: y, width: width, height: 1), role: base)
        if pane.overdue.contains(row.id) {
            grid.put("!", x: x, y: y, role: selected ? base : .overdue)
        } else if pane.dueSoon.contains(row.id) {
            grid.put("•", x: x, y: y, role: selected ? base : .dueSoon)
        } else if row.access == .restricted {
            grid.put("r", x: x, y: y, role: base)
        }
        var column = x + 2
        for spec in columns {
            let text = cell(row, spec.sort)
            grid.put(DisplayWidth.truncate(text, to: spec.width), x: column, y: y, role: base, maxWidth: spec.width)
            column += spec.width + 1
            if row.access == .stub, spec.sort == .name {
                let note = "stub — owned by \(row.ownerName); Enter to see it or request access"
                grid.put(DisplayWidth.truncate(note, to: x + width - column), x: column, y: y, role: base,
                         maxWidth: x + width - column)
                return
            }
        }
    }

    static func cell(_ row: NominalListRow, _ sort: NominalSort?) -> String {
        switch sort {
        case .name?: row.displayName + (row.lifecycle == .archived ? " (archived)" : "")
        case .dateOfBirth?: row.dateOfBirth.iso
        case .mappa?: row.category.map { "\($0.rawValue)/\(row.level?.rawValue ?? 0)" } ?? ""
        case .owner?: row.ownerName
        case .custody?: row.custody.map { $0 == .inCustody ? "custody" : "community" } ?? ""
        case .releaseDate?: row.releaseDate?.iso ?? ""
        case nil: ""
        }
    }

    private static func drawSearch(_ pane: NominalListPane, into grid: inout ScreenGrid, rect: Rect) {
        grid.fill(rect, role: .input)
        let used = grid.put("/", x: rect.x, y: rect.y, role: .inputLabel)
        let field = pane.isTypingSearch ? pane.searchField : TextField(text: pane.request.search)
        grid.putField(field, x: rect.x + used, y: rect.y, width: searchFieldWidth(rect), role: .input)
        if let count = pane.count {
            let label = "\(count.text) match" + (count.count == 1 && !count.isCapped ? "" : "es")
            grid.put(label, x: rect.maxX - DisplayWidth.of(label), y: rect.y, role: .inputLabel)
        }
    }

    /// Where the terminal cursor goes while typing a search.
    static func searchCursor(_ pane: NominalListPane, rect: Rect) -> (x: Int, y: Int)? {
        guard pane.isTypingSearch else { return nil }
        let inner = rect.inset(by: 1)
        let box = inner.splitRows(bottom: 1).bottom
        return (box.x + 1 + FieldWindow(pane.searchField, width: searchFieldWidth(box)).cursorOffset, box.y)
    }

    /// The search text's columns: the line less the `/` and room for "10,000+ matches".
    private static func searchFieldWidth(_ box: Rect) -> Int { max(1, box.width - 1 - 16) }
}
