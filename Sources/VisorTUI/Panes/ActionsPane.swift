import VisorDomain

/// One action as the actions pane lists it.
public struct ActionItem: Sendable, Hashable {
    public var action: Action
    public var state: ActionState
    public var agencyName: String
    public var username: String?
    /// "SURNAME, Forenames" of the nominal concerned, if any.
    public var nominalName: String?

    public init(action: Action, state: ActionState, agencyName: String, username: String?, nominalName: String? = nil) {
        self.action = action
        self.state = state
        self.agencyName = agencyName
        self.username = username
        self.nominalName = nominalName
    }
}

/// The actions visible to the user: overdue first, then due within the
/// warning window; filtered by state and rule; the selection survives refreshes.
public struct ActionsPane: Sendable {
    public var items: [ActionItem] = []
    /// False until the first evaluation has finished.
    public var evaluated = false
    public var stateFilter: ActionState?
    public var ruleFilter: RuleID?
    public var selected = 0
    public var top = 0
    public var evaluatedAt: String?

    public init() {}

    public var shown: [ActionItem] {
        items.filter { item in
            (stateFilter == nil || item.state == stateFilter) && (ruleFilter == nil || item.action.rule == ruleFilter)
        }
    }

    public var overdueCount: Int { items.count { $0.state == .overdue } }

    /// Replaces the items, keeping the selection on the same action when it is still listed.
    mutating func replace(_ newItems: [ActionItem], visibleRows: Int) {
        let current = shown.indices.contains(selected) ? shown[selected] : nil
        let offsetInView = selected - top
        items = newItems
        evaluated = true
        if let current, let index = shown.firstIndex(where: { $0.action == current.action }) {
            selected = index
            top = max(0, index - offsetInView)
        } else {
            selected = min(selected, max(0, shown.count - 1))
        }
        clamp(visibleRows)
    }

    mutating func move(by delta: Int, visibleRows: Int) {
        selected = min(max(0, selected + delta), max(0, shown.count - 1))
        clamp(visibleRows)
    }

    mutating func clamp(_ visibleRows: Int) {
        guard visibleRows > 0 else { return }
        if selected < top { top = selected }
        if selected >= top + visibleRows { top = selected - visibleRows + 1 }
        top = max(0, min(top, max(0, shown.count - visibleRows)))
    }

    mutating func cycleStateFilter() {
        stateFilter = switch stateFilter {
        case nil: .overdue
        case .overdue?: .due
        case .due?: .upcoming
        case .upcoming?: nil
        }
        selected = 0
        top = 0
    }

    mutating func cycleRuleFilter() {
        let rules = Array(Set(items.map(\.action.rule))).sorted()
        if let current = ruleFilter, let index = rules.firstIndex(of: current) {
            ruleFilter = index + 1 < rules.count ? rules[index + 1] : nil
        } else {
            ruleFilter = rules.first
        }
        selected = 0
        top = 0
    }
}

/// Draws the actions pane.
enum ActionsView {
    static func draw(_ pane: ActionsPane, into grid: inout ScreenGrid, rect: Rect, focused: Bool) {
        var title = "4 Actions"
        if pane.evaluated { title += " · \(pane.overdueCount) overdue" }
        if let state = pane.stateFilter { title += " · \(state.rawValue)" }
        if let rule = pane.ruleFilter { title += " · \(rule)" }
        grid.drawBox(rect, title: title, focused: focused)
        let inner = rect.inset(by: 1)
        guard inner.width > 4, inner.height > 0 else { return }
        guard pane.evaluated else {
            grid.put("Evaluating the rules…", x: inner.x + 1, y: inner.y, role: .muted)
            return
        }
        let shown = pane.shown
        if shown.isEmpty {
            grid.put("Nothing overdue or due.", x: inner.x + 1, y: inner.y, role: .muted)
            return
        }
        for line in 0..<inner.height {
            let index = pane.top + line
            guard shown.indices.contains(index) else { break }
            let item = shown[index]
            let selected = index == pane.selected
            let role: ThemeRole = selected ? (focused ? .selectedRow : .selectedRowUnfocused)
                : item.state == .overdue ? .overdue : item.state == .due ? .dueSoon : .normal
            grid.fill(Rect(x: inner.x, y: inner.y + line, width: inner.width, height: 1), role: role)
            let mark = item.state == .overdue ? "!" : item.state == .due ? "•" : " "
            let who = item.nominalName.map { $0 + " — " } ?? ""
            let text = "\(mark) \(item.action.due.iso) \(item.action.rule) \(who)\(item.action.summary)"
            grid.put(text, x: inner.x, y: inner.y + line, role: role, maxWidth: inner.width)
        }
    }
}
