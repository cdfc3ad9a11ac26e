import VisorDomain
import VisorStore

extension AppCore {
    /// `/` in the focused pane: search the nominal list, filter the queue or the
    /// actions, or find in the record. Whatever is typed next goes there.
    func beginFilter() {
        switch focus {
        case .list:
            list.isTypingSearch = true
            list.searchField = TextField(text: list.request.search)
        case .record:
            guard record.detail != nil else { return say("Open a record first: / then finds in it") }
            record.find.begin()
        case .queue: queue.filter.begin()
        case .actions: actions.filter.begin()
        }
    }

    /// Esc outside a dialog: drops the search or filter the focused pane kept.
    func clearFilter() {
        switch focus {
        case .list:
            guard !list.request.search.isEmpty else { return }
            list.searchField.clear()
            list.request.search = ""
            list.reload(loader)
        case .record: record.find.clear()
        case .queue:
            queue.filter.clear()
            queue.move(by: 0, visibleRows: visibleRows(.queue))
        case .actions:
            actions.filter.clear()
            actions.clamp(visibleRows(.actions))
        }
    }

    /// True while a search or filter line takes the keys.
    var isTypingFilter: Bool {
        list.isTypingSearch || queue.filter.isTyping || actions.filter.isTyping || record.find.isTyping
    }

    /// A key while a search or filter line is open.
    func handleFilterTyping(_ key: Key) {
        if list.isTypingSearch { return handleSearch(key) }
        let then: ActionID?
        switch focus {
        case .queue:
            let before = queue.filter.text
            then = Self.edit(&queue.filter, key, pane: .queue)
            if queue.filter.text != before { queue.cursor = ListCursor() }
            queue.move(by: 0, visibleRows: visibleRows(.queue))
        case .actions:
            let before = actions.filter.text
            then = Self.edit(&actions.filter, key, pane: .actions)
            if actions.filter.text != before { actions.cursor = ListCursor() }
            actions.clamp(visibleRows(.actions))
        case .record:
            let before = record.find.text
            then = Self.edit(&record.find, key, pane: .record)
            if record.find.text != before, let first = RecordView.firstMatch(record, rect: layout?.panes[.record]) {
                record.scroll = first
            }
        case .list:
            then = nil
        }
        if let then { perform(then) }
    }

    /// Applies a key to a filter line; a movement key leaves the line and is returned to be performed.
    private static func edit(_ filter: inout PaneFilter, _ key: Key, pane: PaneID) -> ActionID? {
        switch key {
        case .enter: filter.isTyping = false
        case .escape: filter.clear()
        case .up, .down, .pageUp, .pageDown:
            filter.isTyping = false
            return Keymap.action(for: key, in: pane)
        default: _ = filter.field.handle(key)
        }
        return nil
    }

    private func handleSearch(_ key: Key) {
        switch key {
        case .enter:
            list.isTypingSearch = false
        case .escape:
            list.isTypingSearch = false
            list.searchField.clear()
            list.request.search = ""
            list.reload(loader)
        case .up, .down, .pageUp, .pageDown:
            list.isTypingSearch = false
            if let action = Keymap.action(for: key, in: .list) { perform(action) }
        default:
            guard list.searchField.handle(key) else { return }
            if list.searchField.text != list.request.search {
                list.request.search = list.searchField.text
                list.reload(loader)
            }
        }
    }
}
