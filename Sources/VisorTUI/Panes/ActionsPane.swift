import VisorDomain
import VisorRegister

/// One action as the actions pane lists it: the register's `ListedAction`.
public typealias ActionItem = ListedAction

extension PaneID {
    public static let actions = PaneID("Actions", goTo: "the actions")
}

/// Where the actions pane reads: the register's kept actions of one agency (the user's: what they
/// must take, and what an SPO oversees), as of today, up to the policy's horizon.
public struct ActionsFeed: Sendable {
    public let register: any Register
    public let agencyID: AgencyID
    public let horizonDays: Int
    public let today: @Sendable () -> LocalDate

    /// The agency's actions, narrowed by the pane's filters.
    func query(state: ActionState? = nil, rule: RuleID? = nil, text: String? = nil) -> ActionQuery {
        ActionQuery(asOf: today(), horizonDays: horizonDays, agencyID: agencyID, rules: rule.map { [$0] },
                    state: state, text: text)
    }
}

/// The actions visible to the user: overdue, then due within the warning window, then upcoming
/// within the horizon; filtered by state, rule and `/` text. Read a page at a time from the kept
/// actions (as the nominal list is), counted by the register; the selection survives refreshes.
public final class ActionsPane: FilteredListPane {
    public let id = PaneID.actions
    /// The actions around the cursor: rows `pageOffset ..< pageOffset + page.count` of the list.
    public private(set) var page: [ActionItem] = []
    public private(set) var pageOffset = 0
    /// The filtered list's counts (its state filter aside) and all of the agency's.
    public private(set) var counts = ActionCounts()
    public private(set) var overall = ActionCounts()
    /// False until the first read has finished.
    public private(set) var loaded = false
    public var stateFilter: ActionState?
    public var ruleFilter: RuleID?
    public var filter = PaneFilter()
    public var cursor = ListCursor()
    var feed: ActionsFeed?

    /// Rows read beyond the visible ones on each side, so that moving rarely waits for a read.
    static let margin = 30

    public init() {}

    var shownCount: Int { counts.count(stateFilter) }

    /// The action at row `index` of the filtered list, when it is in the page read.
    func item(at index: Int) -> ActionItem? {
        let position = index - pageOffset
        return page.indices.contains(position) ? page[position] : nil
    }

    public var selectedItem: ActionItem? { item(at: cursor.selected) }

    public var overdueCount: Int { overall.overdue }

    var currentQuery: ActionQuery? {
        feed?.query(state: stateFilter, rule: ruleFilter, text: filter.text.isEmpty ? nil : filter.text)
    }

    /// Reads the counts and the page again (after a change, a new day, a filter), keeping the
    /// selection on the same action when it is still listed near where it was.
    func refresh(visibleRows: Int) throws(StoreError) {
        guard let feed, let query = currentQuery else { return }
        let current = selectedItem
        let offsetInView = cursor.selected - cursor.top
        overall = try feed.register.actionCounts(feed.query())
        counts = query.rules == nil && query.text == nil ? overall : try feed.register.actionCounts(query)
        loaded = true
        try read(around: cursor.top, visibleRows: visibleRows)
        if let current, let index = page.firstIndex(where: { $0.action == current.action }) {
            cursor.selected = pageOffset + index
            cursor.top = max(0, cursor.selected - offsetInView)
        }
        cursor.clamp(count: shownCount, visibleRows: visibleRows)
        try ensurePage(visibleRows: visibleRows)
    }

    /// Reads the page again when the visible rows or the selection fall outside it.
    func ensurePage(visibleRows: Int) throws(StoreError) {
        let end = min(shownCount, cursor.top + max(1, visibleRows))
        let covered = pageOffset <= cursor.top && end <= pageOffset + page.count
            && (cursor.selected < end ? item(at: cursor.selected) != nil || shownCount == 0 : true)
        if !covered { try read(around: cursor.top, visibleRows: visibleRows) }
    }

    private func read(around top: Int, visibleRows: Int) throws(StoreError) {
        guard let feed, let query = currentQuery else { return }
        let offset = max(0, top - ActionsPane.margin)
        page = try feed.register.actionPage(query, offset: offset, limit: visibleRows + 2 * ActionsPane.margin)
        pageOffset = offset
    }

    /// After the cursor moved or a filter changed: reads what the pane now shows.
    func settle(core: AppCore, recount: Bool) {
        do {
            if recount { try refresh(visibleRows: core.visibleRows(.actions)) } else {
                try ensurePage(visibleRows: core.visibleRows(.actions))
            }
        } catch {
            core.say("The actions could not be read: \(error)", error: true)
        }
    }

    func cursorMoved(core: AppCore) { settle(core: core, recount: false) }

    func filterChanged(core: AppCore) {
        cursor = ListCursor()
        settle(core: core, recount: true)
    }

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
                core.actions.settle(core: core, recount: false)
            }),
            Binding("filterRule", "Filter actions by rule", keys: [.character("r")], scope: .pane(id), run: { core in
                core.actions.cycleRuleFilter()
                core.actions.settle(core: core, recount: true)
            }),
        ]
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
        let rules = overall.rules
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

    /// Read at sign-in, and again when the timer sees the agency's actions change or a new day,
    /// with the list's marks.
    public func reload(core: AppCore) { core.readActions() }
}

extension ActionItem {
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
        if pane.loaded { title += " · \(NumberText.grouped(pane.overdueCount)) overdue" }
        if let state = pane.stateFilter { title += " · \(state.rawValue) only" }
        if let rule = pane.ruleFilter { title += " · \(rule) only" }
        title += pane.filter.titleSuffix
        grid.drawBox(rect, title: title, focused: focused)
        var inner = rect.inset(by: 1)
        guard inner.width > 4, inner.height > 0 else { return }
        guard pane.loaded else {
            grid.put("Reading the actions…", x: inner.x + 1, y: inner.y, role: .muted)
            return
        }
        let count = pane.shownCount
        inner = pane.drawFilterLine(into: &grid, inner: inner, count: count)
        if count == 0 {
            let empty = !pane.filter.text.isEmpty ? "No action matches the filter."
                : pane.stateFilter.map { "Nothing \($0.rawValue)." } ?? "Nothing overdue, due or upcoming."
            grid.put(empty, x: inner.x + 1, y: inner.y, role: .muted, maxWidth: inner.width - 1)
            return
        }
        pane.drawRows(into: &grid, rect: inner, focused: focused) { index in
            guard index < count, let item = pane.item(at: index) else { return nil }
            return (item.line, item.state == .overdue ? .overdue : item.state == .due ? .dueSoon : .normal)
        }
    }
}
