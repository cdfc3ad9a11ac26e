/// Every command of the application, in one registry: the single source of
/// key bindings, the `?` help, the `:` palette, and read-only filtering (an
/// SPO never sees an action that would change data).
public enum ActionID: String, CaseIterable, Sendable {
    case quit, quitAsking, help, palette, focusNext, focusPrevious
    case focusList, focusRecord, focusQueue, focusActions
    case moveDown, moveUp, pageDown, pageUp, first, last, open, viewDetail
    case search, clearFilter, sortNext, sortPrevious, nextTab, previousTab, zoom, lockScreen, redraw, showPolicy
    case requestPartnership, acceptRequest, acceptRestricted, declineRequest, withdrawRequest, addDutyPartner
    case endPartnership
    case filterState, filterRule, toggleQueueView
}

/// Where an action applies: everywhere, or in one pane.
public enum ActionScope: Hashable, Sendable {
    case global
    case pane(PaneID)
}

/// The description of one action: what it is called, what it does, its keys,
/// and whether it changes data (hidden from read-only users).
public struct ActionInfo: Sendable {
    public let id: ActionID
    public let title: String
    public let keys: [String]
    public let scope: ActionScope
    public let changesData: Bool
}

/// The four panes, numbered as their keys.
public enum PaneID: Int, CaseIterable, Sendable {
    case list = 1, record, queue, actions

    public var title: String {
        switch self {
        case .list: "Nominals"
        case .record: "Record"
        case .queue: "Partner queue"
        case .actions: "Actions"
        }
    }
}

public enum ActionRegistry {
    public static let all: [ActionInfo] = [
        ActionInfo(id: .help, title: "Help: keys and where to get help", keys: ["?"], scope: .global, changesData: false),
        ActionInfo(id: .palette, title: "Command palette", keys: [":"], scope: .global, changesData: false),
        ActionInfo(id: .focusNext, title: "Next pane", keys: ["Tab"], scope: .global, changesData: false),
        ActionInfo(id: .focusPrevious, title: "Previous pane", keys: ["Shift-Tab"], scope: .global, changesData: false),
        ActionInfo(id: .focusList, title: "Go to the nominal list", keys: ["1"], scope: .global, changesData: false),
        ActionInfo(id: .focusRecord, title: "Go to the record", keys: ["2"], scope: .global, changesData: false),
        ActionInfo(id: .focusQueue, title: "Go to the partner queue", keys: ["3"], scope: .global, changesData: false),
        ActionInfo(id: .focusActions, title: "Go to the actions", keys: ["4"], scope: .global, changesData: false),
        ActionInfo(id: .moveDown, title: "Move down", keys: ["j", "↓"], scope: .global, changesData: false),
        ActionInfo(id: .moveUp, title: "Move up", keys: ["k", "↑"], scope: .global, changesData: false),
        ActionInfo(id: .pageDown, title: "Page down", keys: ["PgDn", "Space", "Ctrl-F"], scope: .global, changesData: false),
        ActionInfo(id: .pageUp, title: "Page up", keys: ["PgUp", "Ctrl-B"], scope: .global, changesData: false),
        ActionInfo(id: .first, title: "First", keys: ["g", "Home"], scope: .global, changesData: false),
        ActionInfo(id: .last, title: "Last", keys: ["G", "End"], scope: .global, changesData: false),
        ActionInfo(id: .open, title: "Open the selected item: a record, a request in full, where an action leads",
                   keys: ["Enter"], scope: .global, changesData: false),
        ActionInfo(id: .viewDetail, title: "Show the selected line whole", keys: ["v"], scope: .pane(.queue),
                   changesData: false),
        ActionInfo(id: .viewDetail, title: "Show the selected action whole", keys: ["v"], scope: .pane(.actions),
                   changesData: false),
        ActionInfo(id: .search, title: "Search the list as you type (names and identifiers)", keys: ["/"],
                   scope: .pane(.list), changesData: false),
        ActionInfo(id: .search, title: "Find in the record", keys: ["/"], scope: .pane(.record), changesData: false),
        ActionInfo(id: .search, title: "Filter the requests", keys: ["/"], scope: .pane(.queue), changesData: false),
        ActionInfo(id: .search, title: "Filter the actions", keys: ["/"], scope: .pane(.actions), changesData: false),
        ActionInfo(id: .clearFilter, title: "Clear the search or filter kept by Enter", keys: ["Esc"], scope: .global,
                   changesData: false),
        ActionInfo(id: .sortNext, title: "Sort by the next column", keys: ["s"], scope: .pane(.list), changesData: false),
        ActionInfo(id: .sortPrevious, title: "Sort by the previous column", keys: ["S"], scope: .pane(.list),
                   changesData: false),
        ActionInfo(id: .nextTab, title: "Next tab", keys: ["l", "→", "]"], scope: .pane(.record), changesData: false),
        ActionInfo(id: .previousTab, title: "Previous tab", keys: ["h", "←", "["], scope: .pane(.record),
                   changesData: false),
        ActionInfo(id: .requestPartnership, title: "Request partnership (stub)", keys: ["r"], scope: .pane(.record),
                   changesData: true),
        ActionInfo(id: .addDutyPartner, title: "Make the partner R5/R6 requires", keys: ["p"], scope: .pane(.record),
                   changesData: true),
        ActionInfo(id: .endPartnership, title: "End a partnership: choose which, give a reason", keys: ["e"],
                   scope: .pane(.record), changesData: true),
        ActionInfo(id: .acceptRequest, title: "Accept the request as full partner", keys: ["a"], scope: .pane(.queue),
                   changesData: true),
        ActionInfo(id: .acceptRestricted, title: "Accept as restricted partner", keys: ["R"], scope: .pane(.queue),
                   changesData: true),
        ActionInfo(id: .declineRequest, title: "Decline the request (with a reason)", keys: ["d"], scope: .pane(.queue),
                   changesData: true),
        ActionInfo(id: .withdrawRequest, title: "Withdraw our request", keys: ["w"], scope: .pane(.queue),
                   changesData: true),
        ActionInfo(id: .filterState, title: "Filter actions by state", keys: ["f"], scope: .pane(.actions),
                   changesData: false),
        ActionInfo(id: .filterRule, title: "Filter actions by rule", keys: ["r"], scope: .pane(.actions),
                   changesData: false),
        ActionInfo(id: .toggleQueueView, title: "Pending requests, or those answered in the last 30 days", keys: ["f"],
                   scope: .pane(.queue), changesData: false),
        ActionInfo(id: .zoom, title: "Zoom the focused pane", keys: ["z"], scope: .global, changesData: false),
        ActionInfo(id: .showPolicy, title: "Show the policy in force", keys: [":policy"], scope: .global,
                   changesData: false),
        ActionInfo(id: .lockScreen, title: "Lock the screen (as GNU screen's C-a x)", keys: ["Ctrl-X"], scope: .global,
                   changesData: false),
        ActionInfo(id: .redraw, title: "Redraw the screen", keys: ["Ctrl-L", "Ctrl-R"], scope: .global, changesData: false),
        ActionInfo(id: .quit, title: "Quit", keys: ["q"], scope: .global, changesData: false),
        ActionInfo(id: .quitAsking, title: "Quit, after asking", keys: ["Ctrl-C"], scope: .global, changesData: false),
    ]

    public static func info(_ id: ActionID) -> ActionInfo? { all.first { $0.id == id } }

    /// The actions a user may perform: all of them, or only those that change nothing.
    public static func available(readOnly: Bool) -> [ActionInfo] {
        all.filter { !readOnly || !$0.changesData }
    }
}
