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
        case .quit: if hasUnsavedInput { askToQuit(returnTo: overlay) } else { wantsQuit = true }
        case .quitAsking: askToQuit(returnTo: overlay)
        case .help: overlay = .help(scroll: 0)
        case .palette: overlay = .palette(PaletteState())
        case .showPolicy: overlay = .policy(scroll: 0)
        case .focusNext: focusPane(PaneID(rawValue: focus.rawValue % 4 + 1) ?? .list)
        case .focusPrevious: focusPane(PaneID(rawValue: (focus.rawValue + 2) % 4 + 1) ?? .list)
        case .focusList: focusPane(.list)
        case .focusRecord: focusPane(.record)
        case .focusQueue: focusPane(.queue)
        case .focusActions: focusPane(.actions)
        case .moveDown: scroll(focus, by: 1)
        case .moveUp: scroll(focus, by: -1)
        case .pageDown: scroll(focus, by: max(1, visibleRows(focus) - 1))
        case .pageUp: scroll(focus, by: -max(1, visibleRows(focus) - 1))
        case .first: jumpToEnd(first: true)
        case .last: jumpToEnd(first: false)
        case .open: open()
        case .viewDetail: showSelectedWhole()
        case .search: beginFilter()
        case .clearFilter: clearFilter()
        case .sortNext, .sortPrevious:
            let orders = NominalSort.allCases
            let index = orders.firstIndex(of: list.request.sort) ?? 0
            list.request.sort = orders[(index + (action == .sortNext ? 1 : orders.count - 1)) % orders.count]
            list.reload(loader)
            say("Sorted by \(list.request.sort.title.lowercased())")
        case .nextTab: record.switchTab(by: 1)
        case .previousTab: record.switchTab(by: -1)
        case .zoom:
            zoomed = zoomed == nil ? focus : nil
            keepPagesFull()
        case .lockScreen: lock = LockState(reason: .byUser)
        case .redraw: wantsFullRepaint = true
        case .filterState: actions.cycleStateFilter(); actions.clamp(visibleRows(.actions))
        case .filterRule: actions.cycleRuleFilter(); actions.clamp(visibleRows(.actions))
        case .toggleQueueView: queue.toggleView(visibleRows: visibleRows(.queue))
        case .requestPartnership, .acceptRequest, .acceptRestricted, .declineRequest, .withdrawRequest,
             .addDutyPartner, .endPartnership:
            performPartnerAction(action)
        }
    }

    /// Moves the focus; when a pane is zoomed, the zoom follows, so the focused pane is always the one shown.
    func focusPane(_ pane: PaneID) {
        focus = pane
        if zoomed != nil, zoomed != pane {
            zoomed = pane
            keepPagesFull()
        }
    }

    /// After the panes change size (zoom, resize): every list shows a full page, its selection visible.
    func keepPagesFull() {
        guard screen == .main else { return }
        list.fillPage(loader, visibleRows: listVisibleRows)
        queue.move(by: 0, visibleRows: visibleRows(.queue))
        actions.clamp(visibleRows(.actions))
    }

    /// Asks "Quit?"; `n` returns to `returnTo` (a draft keeps its text).
    func askToQuit(returnTo: Overlay?) {
        let draft = hasUnsavedInput
        overlay = .confirm(ConfirmState(
            title: "Quit?",
            question: draft ? "You have typed something not yet sent. Quit anyway?" : "Quit Visor?",
            step: .quit, returnTo: returnTo))
    }

    private func jumpToEnd(first: Bool) {
        switch focus {
        case .list: first ? list.first(loader) : list.last(loader, visibleRows: listVisibleRows)
        case .record: record.scroll = first ? 0 : RecordView.maxScroll(record, rect: layout?.panes[.record])
        case .queue: queue.move(by: first ? -queue.items.count : queue.items.count, visibleRows: visibleRows(.queue))
        case .actions: actions.move(by: first ? -actions.items.count : actions.items.count,
                                    visibleRows: visibleRows(.actions))
        }
    }

    /// Enter: opens what the focused pane's selection is about.
    func open() {
        switch focus {
        case .list:
            guard let row = list.selectedRow else { return }
            let exact = SearchQuery.parse(list.request.search, currentYear: clock.today().year)?.isExact ?? false
            openRecord(row.id, foundExactly: exact || row.access == .stub)
        case .record:
            break
        case .queue:
            if let item = queue.selectedItem { overlay = .detail(RequestDetail.state(item, today: clock.today())) }
        case .actions:
            if let item = actions.selectedItem { follow(item) }
        }
    }

    /// Opens a record in the record pane and shows it (a zoomed screen zooms to the record).
    func openRecord(_ id: NominalID, foundExactly: Bool) {
        guard let user else { return }
        do {
            let detail = try database.openRecord(id, for: user, foundExactly: foundExactly)
            record.foundExactly = foundExactly
            record.show(detail)
            focusPane(.record)
        } catch {
            say(error.description, error: true)
        }
    }
}
