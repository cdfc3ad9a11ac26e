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

extension PaneID {
    public static let actions = PaneID("Actions", goTo: "the actions")
}

/// The actions visible to the user: overdue, then due within the warning
/// window, then upcoming within the horizon; filtered by state, rule and `/`
/// text; the selection survives refreshes.
public final class ActionsPane: FilteredListPane {
    public let id = PaneID.actions
    public var items: [ActionItem] = []
    /// False until the first evaluation has finished.
    public var evaluated = false
    public var stateFilter: ActionState?
    public var ruleFilter: RuleID?
    public var filter = PaneFilter()
    public var cursor = ListCursor()
    public var evaluatedAt: String?

    public init() {}

    public var shown: [ActionItem] {
        items.filter { item in
            (stateFilter == nil || item.state == stateFilter) && (ruleFilter == nil || item.action.rule == ruleFilter)
                && filter.matches(item.searchableText)
        }
    }

    var shownCount: Int { shown.count }

    public var selectedItem: ActionItem? {
        let shown = shown
        return shown.indices.contains(cursor.selected) ? shown[cursor.selected] : nil
    }

    public var overdueCount: Int { items.count { $0.state == .overdue } }

    public var bindings: [Binding] {
        let none: @MainActor @Sendable (AppCore) -> String? = { $0.actions.selectedItem == nil ? "No action selected" : nil }
        return [
            Binding("followAction", "Follow the action: its record, the stub and request form, or what to do",
                    keys: [.enter], scope: .pane(id), whyNot: none,
                    run: { core in if let item = core.actions.selectedItem { core.follow(item) } }),
            Binding("viewAction", "Show the selected action whole", keys: [.character("v")], scope: .pane(id),
                    whyNot: none, run: { $0.showSelectedWhole() }),
            Binding("filterActions", "Filter the actions", keys: [.character("/")], scope: .pane(id),
                    run: { $0.actions.beginFilter(core: $0) }),
            Binding("filterState", "Filter actions by state", keys: [.character("f")], scope: .pane(id), run: { core in
                core.actions.cycleStateFilter()
                core.fitFocusedPane()
            }),
            Binding("filterRule", "Filter actions by rule", keys: [.character("r")], scope: .pane(id), run: { core in
                core.actions.cycleRuleFilter()
                core.fitFocusedPane()
            }),
        ]
    }

    /// Replaces the items, keeping the selection on the same action when it is still listed.
    func replace(_ newItems: [ActionItem], visibleRows: Int) {
        let current = selectedItem
        let offsetInView = cursor.selected - cursor.top
        items = newItems
        evaluated = true
        let shown = shown
        if let current, let index = shown.firstIndex(where: { $0.action == current.action }) {
            cursor.selected = index
            cursor.top = max(0, index - offsetInView)
        }
        cursor.clamp(count: shown.count, visibleRows: visibleRows)
    }

    func cycleStateFilter() {
        stateFilter = switch stateFilter {
        case nil: .overdue
        case .overdue?: .due
        case .due?: .upcoming
        case .upcoming?: nil
        }
        cursor = ListCursor()
    }

    func cycleRuleFilter() {
        let rules = Array(Set(items.map(\.action.rule))).sorted()
        if let current = ruleFilter, let index = rules.firstIndex(of: current) {
            ruleFilter = index + 1 < rules.count ? rules[index + 1] : nil
        } else {
            ruleFilter = rules.first
        }
        cursor = ListCursor()
    }

    public func draw(into grid: inout ScreenGrid, rect: Rect, focused: Bool, context: PaneContext) -> (x: Int, y: Int)? {
        ActionsView.draw(self, into: &grid, rect: rect, focused: focused)
        return filter.cursor(in: rect.inset(by: 1).splitRows(bottom: 1).bottom, count: shownCount)
    }

    public func visibleRows(in rect: Rect) -> Int { max(0, rect.height - 2 - (filter.isShown ? 1 : 0)) }

    /// The actions come from the rules timer, not from a read of their own.
    public func reload(core: AppCore) {}
}

extension ActionItem {
    /// The words `/` searches: rule, state, due date, nominal and summary.
    var searchableText: String {
        [action.rule.description, state.rawValue, action.due.iso, nominalName ?? "", action.summary].joined(separator: " ")
    }

    /// The line the actions pane shows (cut with `…` where it does not fit; `v` shows it whole).
    var line: String {
        let mark = state == .overdue ? "!" : state == .due ? "•" : " "
        let who = nominalName.map { $0 + " — " } ?? ""
        return "\(mark) \(action.due.iso) \(action.rule) \(who)\(action.summary)"
    }
}

/// Draws the actions pane.
enum ActionsView {
    @MainActor
    static func draw(_ pane: ActionsPane, into grid: inout ScreenGrid, rect: Rect, focused: Bool) {
        var title = "4 Actions"
        if pane.evaluated { title += " · \(NumberText.grouped(pane.overdueCount)) overdue" }
        if let state = pane.stateFilter { title += " · \(state.rawValue) only" }
        if let rule = pane.ruleFilter { title += " · \(rule) only" }
        title += pane.filter.titleSuffix
        grid.drawBox(rect, title: title, focused: focused)
        var inner = rect.inset(by: 1)
        guard inner.width > 4, inner.height > 0 else { return }
        guard pane.evaluated else {
            grid.put("Evaluating the rules…", x: inner.x + 1, y: inner.y, role: .muted)
            return
        }
        let shown = pane.shown
        if pane.filter.isShown {
            let (body, box) = inner.splitRows(bottom: 1)
            pane.filter.draw(into: &grid, rect: box, count: shown.count)
            inner = body
        }
        if shown.isEmpty {
            let empty = !pane.filter.text.isEmpty ? "No action matches the filter."
                : pane.stateFilter.map { "Nothing \($0.rawValue)." } ?? "Nothing overdue, due or upcoming."
            grid.put(empty, x: inner.x + 1, y: inner.y, role: .muted, maxWidth: inner.width - 1)
            return
        }
        for line in 0..<max(0, inner.height) {
            let index = pane.top + line
            guard shown.indices.contains(index) else { break }
            let item = shown[index]
            let selected = index == pane.selected
            let role: ThemeRole = selected ? (focused ? .selectedRow : .selectedRowUnfocused)
                : item.state == .overdue ? .overdue : item.state == .due ? .dueSoon : .normal
            grid.fill(Rect(x: inner.x, y: inner.y + line, width: inner.width, height: 1), role: role)
            grid.put(item.line, x: inner.x, y: inner.y + line, role: role, maxWidth: inner.width)
        }
    }
}
