/// A semantic role a cell is drawn in; themes map each role to colours and attributes.
///
/// Raw values are the snake_case table names used in theme files (`[selected_row]`).
public enum ThemeRole: String, CaseIterable, Sendable, Hashable, Codable {
    case normal
    case muted
    case border
    case focusedBorder = "focused_border"
    case title
    case header
    case selectedRow = "selected_row"
    case selectedRowUnfocused = "selected_row_unfocused"
    case statusLine = "status_line"
    case statusAlert = "status_alert"
    case overdue
    case dueSoon = "due_soon"
    case restricted
    case stub
    case error
    case warning
    case success
    case input
    case inputLabel = "input_label"
    case searchMatch = "search_match"
    case tabActive = "tab_active"
    case tabInactive = "tab_inactive"
    case helpKey = "help_key"
    case dialog
}
