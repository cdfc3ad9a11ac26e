import Foundation
import VisorDomain

/// One partner request as the queue lists it: everything the user may know of it.
public struct QueueItem: Sendable, Hashable {
    public enum Direction: Sendable, Hashable { case incoming, outgoing }

    public var requestID: PartnerRequestID
    public var nominalID: NominalID
    public var direction: Direction
    /// The nominal's name, or "register id N" when the requester may not see it.
    public var nominalName: String
    /// The other agency: the requester for incoming, the owner for outgoing.
    public var agencyName: String
    public var requestedOn: LocalDate
    public var due: LocalDate
    /// The requester's reason, whole.
    public var reason: String
    /// True when the signed-in user may answer it (the owner's CPC, deputy CPC, or the nominal's manager).
    public var mayAnswer: Bool
    /// True when the signed-in user may withdraw it (their agency asked).
    public var mayWithdraw: Bool
    /// Who asked ("Full Name (username)") and when.
    public var requestedBy: String?
    public var requestedAt: Date?
    public var state: PartnerRequest.State
    /// Accepted as a restricted partner.
    public var restricted: Bool
    /// Who answered or withdrew it, when, and the reason given for a decline.
    public var decidedBy: String?
    public var decidedAt: Date?
    public var decisionReason: String?
    /// Set when the line is a transfer of ownership proposed to the user's agency, not a partner request.
    public var transferID: Int64?

    public init(requestID: PartnerRequestID, nominalID: NominalID, direction: Direction, nominalName: String,
                agencyName: String, requestedOn: LocalDate, due: LocalDate, reason: String, mayAnswer: Bool = false,
                mayWithdraw: Bool = false, requestedBy: String? = nil, requestedAt: Date? = nil,
                state: PartnerRequest.State = .pending, restricted: Bool = false, decidedBy: String? = nil,
                decidedAt: Date? = nil, decisionReason: String? = nil) {
        self.requestID = requestID
        self.nominalID = nominalID
        self.direction = direction
        self.nominalName = nominalName
        self.agencyName = agencyName
        self.requestedOn = requestedOn
        self.due = due
        self.reason = reason
        self.mayAnswer = mayAnswer
        self.mayWithdraw = mayWithdraw
        self.requestedBy = requestedBy
        self.requestedAt = requestedAt
        self.state = state
        self.restricted = restricted
        self.decidedBy = decidedBy
        self.decidedAt = decidedAt
        self.decisionReason = decisionReason
    }

    /// The words the queue line and the filter search: name, agency, reasons, people.
    var searchableText: String {
        [nominalName, agencyName, reason, requestedBy ?? "", decidedBy ?? "", decisionReason ?? "", state.rawValue]
            .joined(separator: " ")
    }
}

/// The queue's two views: what waits (incoming then outgoing), and what was answered lately.
public enum QueueView: Sendable, Hashable {
    case pending, answered

    /// How many days of answers the answered view keeps.
    public static let answeredDays = 30
}

extension PaneID {
    public static let queue = PaneID("Partner queue", goTo: "the partner queue")
}

/// Incoming requests awaiting this agency's answer, then its own outgoing ones;
/// or, in the answered view, the requests answered in the last 30 days.
public final class PartnerQueuePane: FilteredListPane {
    public let id = PaneID.queue
    public var items: [QueueItem] = []
    public var loaded = false
    public var view: QueueView = .pending
    public var cursor = ListCursor()
    public var filter = PaneFilter()
    public var message: String?
    /// Each part's size, as the last read gave them (the rows read may be the first of many).
    public var totals: QueueLoad?
    /// Rows of each part to read: grows as the cursor nears the end of what was read.
    var limit = QueueWindow.firstLimit

    public init() {}

    /// What to read: a screenful of each part, all of them while a filter is typed (it searches
    /// every row), and the answered part only in its view.
    var windowRequest: QueueWindow.Request {
        QueueWindow.Request(limit: filter.text.isEmpty ? limit : nil, answered: view == .answered)
    }

    /// True when a part holds rows not read yet.
    var hasMore: Bool {
        guard let totals, let limit = totals.request.limit else { return false }
        return view == .pending ? totals.incomingTotal - items.count { $0.transferID != nil } > limit
            || totals.outgoingTotal > limit : totals.answeredTotal > limit
    }

    /// Near the end of what was read, more is read.
    func cursorMoved(core: AppCore) {
        guard hasMore, cursor.selected + 10 >= shownCount else { return }
        limit *= 2
        core.reloadQueue()
    }

    /// A filter searches every row: typing one reads them all; clearing it reads a screenful again.
    func filterChanged(core: AppCore) {
        if filter.text.isEmpty { limit = QueueWindow.firstLimit }
        if totals?.request != windowRequest { core.reloadQueue() }
    }

    /// The rows of the current view that pass the filter.
    public var shown: [QueueItem] {
        items.filter { item in
            (view == .pending) == (item.state == .pending) && filter.matches(item.searchableText)
        }
    }

    var shownCount: Int { shown.count }
    // Counted by the register for every row, read or not (nothing before the first read).
    public var incomingCount: Int { totals?.incomingTotal ?? 0 }
    public var outgoingCount: Int { totals?.outgoingTotal ?? 0 }
    /// Incoming requests this user may answer: the status line's `N requests`.
    public var answerableCount: Int { totals?.answerableTotal ?? 0 }
    public var selectedItem: QueueItem? {
        let shown = shown
        return shown.indices.contains(cursor.selected) ? shown[cursor.selected] : nil
    }

    public var bindings: [Binding] {
        [
            Binding("showRequest", "Show the request whole: reason, who asked and when, the answer", keys: [.enter],
                    scope: .pane(id), whyNot: { $0.queue.selectedItem == nil ? "No request selected" : nil },
                    run: { $0.showSelectedWhole() }),
            Binding("viewRequest", "Show the selected request whole", keys: [.character("v")], scope: .pane(id),
                    whyNot: { $0.queue.selectedItem == nil ? "No request selected" : nil },
                    run: { $0.showSelectedWhole() }),
            Binding("filterQueue", "Filter the requests", keys: [.character("/")], scope: .pane(id),
                    run: { $0.queue.beginFilter(core: $0) }),
            Binding("acceptRequest", "Accept the request as full partner", keys: [.character("a")], scope: .pane(id),
                    changesData: true, whyNot: { $0.answerableSelectionProblem() }, run: { $0.acceptSelected(restricted: false) }),
            Binding("acceptRestricted", "Accept as restricted partner", keys: [.character("R")], scope: .pane(id),
                    changesData: true, whyNot: { $0.answerableSelectionProblem(restricted: true) },
                    run: { $0.acceptSelected(restricted: true) }),
            Binding("declineRequest", "Decline the request (with a reason)", keys: [.character("d")], scope: .pane(id),
                    changesData: true, whyNot: { $0.answerableSelectionProblem() }, run: { $0.declineSelected() }),
            Binding("withdrawRequest", "Withdraw our request", keys: [.character("w")], scope: .pane(id),
                    changesData: true, whyNot: { $0.withdrawableSelectionProblem }, run: { $0.withdrawSelected() }),
            Binding("toggleQueueView", "Pending requests, or those answered in the last 30 days", keys: [.character("f")],
                    scope: .pane(id), run: { $0.queue.toggleView(core: $0) }),
        ]
    }

    func replace(_ load: QueueLoad, visibleRows: Int) {
        // A transfer and a request may share a number: the selection is kept by both.
        let current = selectedItem.map { ($0.transferID, $0.requestID) }
        totals = load
        items = load.items
        loaded = true
        let shown = shown
        if let current, let index = shown.firstIndex(where: { ($0.transferID, $0.requestID) == current }) {
            cursor.selected = index
        }
        cursor.clamp(count: shown.count, visibleRows: visibleRows)
    }

    /// Switches between the pending and the answered views (the answered part is read when shown).
    func toggleView(core: AppCore) {
        view = view == .pending ? .answered : .pending
        limit = QueueWindow.firstLimit
        cursor = ListCursor()
        core.reloadQueue()
        cursor.clamp(count: shown.count, visibleRows: core.visibleRows(.queue))
    }

    public func draw(into grid: inout ScreenGrid, rect: Rect, focused: Bool, context: PaneContext) -> (x: Int, y: Int)? {
        PartnerQueueView.draw(self, today: context.today, into: &grid, rect: rect, focused: focused)
        return filter.cursor(in: rect.inset(by: 1).splitRows(bottom: 1).bottom, count: shownCount)
    }

    public func visibleRows(in rect: Rect) -> Int {
        max(0, rect.height - 2 - (filter.isShown ? 1 : 0) - (message == nil ? 0 : 1))
    }

    public func reload(core: AppCore) { core.reloadQueue() }
}

/// Draws the partner queue: age, deadline, agency, nominal and the reason, or in
/// the answered view the answer, who gave it and when.
enum PartnerQueueView {
    @MainActor
    static func draw(_ pane: PartnerQueuePane, today: LocalDate, into grid: inout ScreenGrid, rect: Rect,
                     focused: Bool) {
        var title = "3 Partner queue · "
        title += pane.view == .pending
            ? "\(NumberText.grouped(pane.incomingCount)) in · \(NumberText.grouped(pane.outgoingCount)) out"
            : "answered, last \(QueueView.answeredDays) days"
                + (pane.totals.map { " · \(NumberText.grouped($0.answeredTotal))" } ?? "")
        title += pane.filter.titleSuffix
        grid.drawBox(rect, title: title, focused: focused)
        var inner = rect.inset(by: 1)
        guard inner.width > 4, inner.height > 0 else { return }
        let shown = pane.shown
        inner = pane.drawFilterLine(into: &grid, inner: inner, count: shown.count)
        if let message = pane.message {
            grid.put(message, x: inner.x + 1, y: inner.maxY - 1, role: .warning, maxWidth: inner.width - 1)
            inner = inner.splitRows(bottom: 1).top
        }
        guard !shown.isEmpty else {
            let empty = !pane.loaded ? "Loading…"
                : !pane.filter.text.isEmpty ? "No request matches the filter."
                : pane.view == .pending ? "No pending requests. f shows those answered lately."
                : "No request answered in the last \(QueueView.answeredDays) days. f shows the pending ones."
            grid.put(empty, x: inner.x + 1, y: inner.y, role: .muted, maxWidth: inner.width - 1)
            return
        }
        pane.drawRows(into: &grid, rect: inner, focused: focused) { index in
            guard shown.indices.contains(index) else { return nil }
            let item = shown[index]
            let late = item.state == .pending && item.due < today
            return (text(item, late: late, today: today), late ? .overdue : .normal)
        }
    }

    /// One line of the queue; what it cannot fit ends in `…`, and Enter shows it whole.
    static func text(_ item: QueueItem, late: Bool, today: LocalDate) -> String {
        let arrow = item.direction == .incoming ? "←" : "→"
        guard item.state == .pending else {
            let when = item.decidedAt.map { LondonTime.date(of: $0).iso } ?? ""
            let answer = item.state == .accepted && item.restricted ? "accepted (restricted)" : item.state.rawValue
            var text = "  \(arrow) \(item.nominalName) · \(item.agencyName) · \(answer) \(when)"
            if let who = item.decidedBy { text += " by \(who)" }
            if let reason = item.decisionReason { text += " · “\(reason)”" }
            return text
        }
        // The deadline first, as in the actions pane: it is what the line is for.
        let age = today.dayNumber - item.requestedOn.dayNumber
        if item.transferID != nil {
            return "  ⇐ \(item.requestedOn.iso) Transfer of \(item.nominalName) from \(item.agencyName) · \(age)d"
                + " · a accept · d decline"
        }
        return "\(late ? "!" : " ") \(arrow) \(item.due.iso) \(item.nominalName) · \(item.agencyName) · \(age)d"
            + " · “\(item.reason)”"
    }
}
