import VisorDomain

/// The status line of cli.md: user, agency, `N overdue` (`… overdue` until the
/// first evaluation), `N requests` for those who answer them, and hints or a message.
enum StatusLineView {
    struct Content {
        var username: String
        var agency: String
        var overdue: Int?
        var requests: Int?
        var message: String?
        var messageIsError = false
        var readOnly = false
    }

    static let hints = "? help  : commands  q quit "

    /// " user · agency · N overdue · N requests · read-only ".
    static func left(_ content: Content) -> String {
        var parts = [content.username, content.agency]
        parts.append(content.overdue.map { "\(NumberText.grouped($0)) overdue" } ?? "… overdue")
        if let requests = content.requests { parts.append("\(NumberText.grouped(requests)) requests") }
        if content.readOnly { parts.append("read-only") }
        return " " + parts.joined(separator: " · ") + " "
    }

    /// Columns left for a message beside the user's part of the line.
    static func messageRoom(_ content: Content, width: Int) -> Int {
        max(0, width - DisplayWidth.of(left(content)) - 1)
    }

    static func draw(_ content: Content, into grid: inout ScreenGrid, rect: Rect) {
        grid.fill(rect, role: .statusLine)
        let used = grid.put(left(content), x: rect.x, y: rect.y,
                            role: (content.overdue ?? 0) > 0 ? .statusAlert : .statusLine, maxWidth: rect.width)
        let right = content.message ?? hints
        let role: ThemeRole = content.message == nil ? .statusLine : (content.messageIsError ? .error : .statusAlert)
        let width = DisplayWidth.of(right)
        let x = max(rect.x + used + 1, rect.maxX - width)
        grid.put(right, x: x, y: rect.y, role: role, maxWidth: rect.maxX - x)
    }
}
