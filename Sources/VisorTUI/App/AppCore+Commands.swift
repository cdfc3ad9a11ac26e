import VisorDomain
import VisorStore

extension AppCore {
    /// Carries out an action of the registry.
    func perform(_ action: ActionID) {
        if let info = ActionRegistry.info(action), info.changesData, user?.hasWorkingRole != true {
            say("Read-only access: a senior probation officer cannot change records", error: true)
            return
        }
        switch action {
        case .quit: if hasUnsavedInput { overlay = .confirmQuit } else { wantsQuit = true }
        case .help: overlay = .help(scroll: 0)
        case .palette: overlay = .palette(PaletteState())
        case .showPolicy: overlay = .policy(scroll: 0)
        case .focusNext: focus = PaneID(rawValue: focus.rawValue % 4 + 1) ?? .list
        case .focusPrevious: focus = PaneID(rawValue: (focus.rawValue + 2) % 4 + 1) ?? .list
        case .focusList: focus = .list
        case .focusRecord: focus = .record
        case .focusQueue: focus = .queue
        case .focusActions: focus = .actions
        case .moveDown: scroll(focus, by: 1)
        case .moveUp: scroll(focus, by: -1)
        case .pageDown: scroll(focus, by: max(1, visibleRows(focus) - 1))
        case .pageUp: scroll(focus, by: -max(1, visibleRows(focus) - 1))
        case .first: jumpToEnd(first: true)
        case .last: jumpToEnd(first: false)
        case .open: open()
        case .search:
            list.isTypingSearch = true
            list.searchField = TextField(text: list.request.search)
        case .sortNext, .sortPrevious:
            let orders = NominalSort.allCases
            let index = orders.firstIndex(of: list.request.sort) ?? 0
            list.request.sort = orders[(index + (action == .sortNext ? 1 : orders.count - 1)) % orders.count]
            list.reload(loader)
            say("Sorted by \(list.request.sort.title.lowercased())")
        case .nextTab: record.switchTab(by: 1)
        case .previousTab: record.switchTab(by: -1)
        case .zoom: zoomed = zoomed == nil ? focus : nil
        case .lockScreen: lock = LockState()
        case .redraw: wantsFullRepaint = true
        case .filterState: actions.cycleStateFilter()
        case .filterRule: actions.cycleRuleFilter()
        case .requestPartnership, .acceptRequest, .acceptRestricted, .declineRequest, .withdrawRequest,
             .addDutyPartner, .endPartnership:
            performPartnerAction(action)
        }
    }

    private func jumpToEnd(first: Bool) {
        switch focus {
        case .list: first ? list.first(loader) : list.last(loader, visibleRows: listVisibleRows)
        case .record: record.scroll = first ? 0 : max(0, record.scroll + 1000)
        case .queue: queue.move(by: first ? -queue.items.count : queue.items.count, visibleRows: visibleRows(.queue))
        case .actions: actions.move(by: first ? -actions.items.count : actions.items.count,
                                    visibleRows: visibleRows(.actions))
        }
    }

    /// Enter: opens the selected nominal, or the nominal of the selected request or action.
    func open() {
        switch focus {
        case .list:
            guard let row = list.selectedRow else { return }
            let exact = SearchQuery.parse(list.request.search, currentYear: clock.today().year)?.isExact ?? false
            openRecord(row.id, foundExactly: exact || row.access == .stub)
        case .record:
            break
        case .queue:
            if let item = queue.selectedItem { openRecord(item.nominalID, foundExactly: true) }
        case .actions:
            let shown = actions.shown
            guard shown.indices.contains(actions.selected) else { return }
            let action = shown[actions.selected].action
            if let nominal = action.nominalID {
                openRecord(nominal, foundExactly: false)
            } else if let crn = action.crn {
                say("Case \(crn) is in the area's extract, not yet on the register: create its nominal")
            }
        }
    }

    func openRecord(_ id: NominalID, foundExactly: Bool) {
        guard let user else { return }
        do {
            let detail = try database.openRecord(id, for: user, foundExactly: foundExactly)
            record.foundExactly = foundExactly
            record.show(detail)
            focus = .record
        } catch {
            say(error.description, error: true)
        }
    }

    func handleOverlay(_ key: Key) {
        guard let current = overlay else { return }
        switch current {
        case .help(let scroll):
            overlay = scrolled(key, scroll, make: { .help(scroll: $0) })
        case .policy(let scroll):
            overlay = scrolled(key, scroll, make: { .policy(scroll: $0) })
        case .confirmQuit:
            if key == .character("y") || key == .character("Y") { wantsQuit = true }
            overlay = nil
        case .palette(var state):
            handlePalette(key, &state)
        case .prompt(var state):
            switch key {
            case .escape: overlay = nil
            case .enter: submitPrompt(state)
            case .control("q"): overlay = state.field.text.isEmpty ? nil : .confirmQuit
                if state.field.text.isEmpty { wantsQuit = true }
            default:
                _ = state.field.handle(key)
                overlay = .prompt(state)
            }
        }
    }

    private func scrolled(_ key: Key, _ scroll: Int, make: (Int) -> Overlay) -> Overlay? {
        switch key {
        case .escape, .character("q"), .character("?"), .enter: return nil
        case .character("j"), .down: return make(scroll + 1)
        case .character("k"), .up: return make(max(0, scroll - 1))
        case .pageDown, .character(" "): return make(scroll + 10)
        case .pageUp: return make(max(0, scroll - 10))
        case .character("g"), .home: return make(0)
        default: return make(scroll)
        }
    }

    private func handlePalette(_ key: Key, _ state: inout PaletteState) {
        let matches = state.matches(readOnly: user?.hasWorkingRole != true)
        switch key {
        case .escape:
            overlay = nil
        case .enter:
            overlay = nil
            let typed = state.field.text.trimmingCharacters(in: .whitespaces).lowercased()
            if typed == "policy" || typed == "q" || typed == "quit" {
                perform(typed == "policy" ? .showPolicy : .quit)
            } else if matches.indices.contains(state.selected) {
                perform(matches[state.selected].id)
            }
        case .down, .tab, .control("n"):
            state.selected = min(state.selected + 1, max(0, matches.count - 1))
            overlay = .palette(state)
        case .up, .backTab, .control("p"):
            state.selected = max(0, state.selected - 1)
            overlay = .palette(state)
        default:
            _ = state.field.handle(key)
            state.selected = 0
            overlay = .palette(state)
        }
    }
}
