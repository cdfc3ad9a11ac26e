import Foundation
import VisorDomain

/// One partner request as the queue lists it.
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
    public var reason: String
    /// True when the signed-in user may answer it (the owner's CPC, deputy CPC, or the nominal's manager).
    public var mayAnswer: Bool

    public init(requestID: PartnerRequestID, nominalID: NominalID, direction: Direction, nominalName: String,
                agencyName: String, requestedOn: LocalDate, due: LocalDate, reason: String, mayAnswer: Bool = false) {
        self.requestID = requestID
        self.nominalID = nominalID
        self.direction = direction
        self.nominalName = nominalName
        self.agencyName = agencyName
        self.requestedOn = requestedOn
        self.due = due
        self.reason = reason
        self.mayAnswer = mayAnswer
    }
}

/// Incoming requests awaiting this agency's answer, then its own outgoing ones.
public struct PartnerQueuePane: Sendable {
    public var items: [QueueItem] = []
    public var loaded = false
    public var selected = 0
    public var top = 0
    public var message: String?

    public init() {}

    public var incomingCount: Int { items.count { $0.direction == .incoming } }
    /// Incoming requests this user may answer: the status line's `N requests`.
    public var answerableCount: Int { items.count { $0.direction == .incoming && $0.mayAnswer } }
    public var selectedItem: QueueItem? { items.indices.contains(selected) ? items[selected] : nil }

    mutating func replace(_ newItems: [QueueItem], visibleRows: Int) {
        let current = selectedItem?.requestID
        items = newItems
        loaded = true
        if let current, let index = items.firstIndex(where: { $0.requestID == current }) { selected = index }
        selected = min(selected, max(0, items.count - 1))
        move(by: 0, visibleRows: visibleRows)
    }

    mutating func move(by delta: Int, visibleRows: Int) {
        selected = min(max(0, selected + delta), max(0, items.count - 1))
        guard visibleRows > 0 else { return }
        if selected < top { top = selected }
        if selected >= top + visibleRows { top = selected - visibleRows + 1 }
        top = max(0, min(top, max(0, items.count - visibleRows)))
    }
}

/// Draws the partner queue: age, deadline, agency and nominal.
enum PartnerQueueView {
    static func draw(_ pane: PartnerQueuePane, today: LocalDate, into grid: inout ScreenGrid, rect: Rect,
                     focused: Bool) {
        grid.drawBox(rect, title: "3 Partner queue · \(pane.incomingCount) in · "
            + "\(pane.items.count - pane.incomingCount) out", focused: focused)
        let inner = rect.inset(by: 1)
        guard inner.width > 4, inner.height > 0 else { return }
        if let message = pane.message {
            grid.put(message, x: inner.x + 1, y: inner.maxY - 1, role: .warning, maxWidth: inner.width - 1)
        }
        guard !pane.items.isEmpty else {
            grid.put(pane.loaded ? "No pending requests." : "Loading…", x: inner.x + 1, y: inner.y, role: .muted)
            return
        }
        for line in 0..<inner.height - (pane.message == nil ? 0 : 1) {
            let index = pane.top + line
            guard pane.items.indices.contains(index) else { break }
            let item = pane.items[index]
            let selected = index == pane.selected
            let late = item.due < today
            let role: ThemeRole = selected ? (focused ? .selectedRow : .selectedRowUnfocused) : late ? .overdue : .normal
            grid.fill(Rect(x: inner.x, y: inner.y + line, width: inner.width, height: 1), role: role)
            let age = today.dayNumber - item.requestedOn.dayNumber
            let arrow = item.direction == .incoming ? "←" : "→"
            let text = "\(late ? "!" : " ") \(arrow) \(item.nominalName) · \(item.agencyName) · \(age)d, due \(item.due.iso)"
            grid.put(text, x: inner.x, y: inner.y + line, role: role, maxWidth: inner.width)
        }
    }
}
