import VisorDomain
import VisorStore

extension AppCore {
    func apply(_ message: InboxMessage) {
        switch message {
        case .actions(let items, let evaluatedAt):
            actions.replace(items, visibleRows: visibleRows(.actions))
            actions.evaluatedAt = evaluatedAt
            list.overdue = Set(items.filter { $0.state == .overdue }.compactMap(\.action.nominalID))
            list.dueSoon = Set(items.filter { $0.state == .due }.compactMap(\.action.nominalID))
        case .queue(let items):
            queue.replace(items, visibleRows: visibleRows(.queue))
        case .dataChanged:
            if screen == .main, !list.isTypingSearch { list.refresh(loader, visibleRows: listVisibleRows) }
        case .failure(let text):
            say(text, error: true)
        }
    }
}
