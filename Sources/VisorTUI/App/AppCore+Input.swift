import VisorDomain
import VisorStore

extension AppCore {
    /// Applies one input event.
    public func handle(_ event: InputEvent) {
        switch event {
        case .resize(let width, let height):
            resize(width: width, height: height)
        case .key(let key):
            lastInput = clock.now()
            // A message stays until the next key (or a few seconds, `tick`).
            statusMessage = nil
            handle(key)
        case .mouse(let mouse):
            lastInput = clock.now()
            handle(mouse)
        }
    }

    private func handle(_ key: Key) {
        if key == .control("c"), screen != .main || lock != nil {
            wantsQuit = true
            return
        }
        if lock != nil { return handleLock(key) }
        switch screen {
        case .login: handleLogin(key)
        case .acknowledge: handleAcknowledge(key)
        case .main:
            if overlay != nil { return handleOverlay(key) }
            if isTypingFilter { return handleFilterTyping(key) }
            if let action = Keymap.action(for: key, in: focus) { perform(action) }
        }
    }

    private func handleLogin(_ key: Key) {
        switch key {
        case .tab, .backTab, .up, .down:
            login.onPassword.toggle()
        case .enter:
            if !login.onPassword {
                login.onPassword = !login.username.text.isEmpty
            } else if !login.username.text.isEmpty {
                login.pending = true
                login.message = "Signing in…"
                login.messageIsError = false
            }
        default:
            if login.onPassword { _ = login.password.handle(key) } else { _ = login.username.handle(key) }
        }
    }

    /// True when a slow step (the password's KDF) waits for its message to be drawn first.
    public var hasPendingWork: Bool { login.pending || lock?.pending == true }

    /// Runs the step asked for by Enter — a sign-in, or an unlock — once the loop has drawn
    /// "Signing in…" or "Checking the password…".
    public func completePendingWork() {
        if lock?.pending == true { return completeUnlock() }
        guard login.pending else { return }
        login.pending = false
        let password = login.password.text
        login.password.clear()
        do {
            let signedIn = try database.signIn(username: login.username.text, password: password,
                                               channel: .application, policy: policy)
            user = signedIn
            agencyName = (try? database.agencies().first { $0.id == signedIn.agencyID }?.name) ?? ""
            login.message = nil
            if signedIn.acknowledgedAt == nil {
                screen = .acknowledge
            } else {
                enterMain()
            }
        } catch {
            login.message = error.description
            login.messageIsError = true
        }
    }

    private func completeUnlock() {
        guard var state = lock, let user else { return }
        state.pending = false
        do {
            try database.confirmPassword(user: user, password: state.password.text, policy: policy)
            lock = nil
            lastInput = clock.now()
        } catch {
            state.message = error.description
            state.password.clear()
            lock = state
        }
    }

    private func handleAcknowledge(_ key: Key) {
        guard let user else { return }
        switch key {
        case .character("a"), .character("A"):
            do {
                self.user = try database.acknowledgeInstruction(user: user)
                enterMain()
            } catch {
                say(error.description, error: true)
            }
        case .character("q"), .escape:
            wantsQuit = true
        case .character("j"), .down: scrollAcknowledgement(by: 1)
        case .character("k"), .up: scrollAcknowledgement(by: -1)
        case .pageDown, .character(" "): scrollAcknowledgement(by: AcknowledgeView.pageRows(screen: screenBounds))
        case .pageUp: scrollAcknowledgement(by: -AcknowledgeView.pageRows(screen: screenBounds))
        case .character("g"), .home: acknowledgeScroll = 0
        case .character("G"), .end: scrollAcknowledgement(by: .max / 2)
        default:
            break
        }
    }

    private var screenBounds: Rect { Rect(width: width, height: height) }

    private func scrollAcknowledgement(by delta: Int) {
        let limit = AcknowledgeView.maxScroll(username: user?.username ?? "", screen: screenBounds)
        acknowledgeScroll = min(max(0, acknowledgeScroll + delta), limit)
    }

    func enterMain() {
        screen = .main
        list.reload(loader)
        reloadQueue()
        if options.backgroundWork { startBackgroundWork() }
        if let user { onSignedIn?(user) }
    }

    private func handleLock(_ key: Key) {
        guard var state = lock, !state.pending else { return }
        if key == .enter {
            // The KDF takes a moment: say so first; the loop runs it once this is drawn.
            state.pending = true
            state.message = nil
        } else {
            _ = state.password.handle(key)
        }
        lock = state
    }

    private func handle(_ mouse: MouseEvent) {
        guard screen == .main, overlay == nil, lock == nil, let layout, let pane = layout.pane(atX: mouse.x, y: mouse.y),
              let rect = layout.panes[pane] else { return }
        switch mouse.kind {
        case .wheelUp: focusPane(pane); scroll(pane, by: -3)
        case .wheelDown: focusPane(pane); scroll(pane, by: 3)
        case .click, .press, .doubleClick:
            focusPane(pane)
            if pane == .list {
                let headerY = rect.y + 1
                if mouse.y == headerY {
                    sortByColumn(at: mouse.x - rect.x - 1, width: rect.width - 2)
                    return
                }
                let index = list.top + (mouse.y - headerY - 1)
                if mouse.y > headerY, list.rows.indices.contains(index) { list.selected = index }
            } else if pane == .actions {
                actions.cursor.select(actions.top + (mouse.y - rect.y - 1), count: actions.shown.count,
                                      visibleRows: visibleRows(.actions))
            } else if pane == .queue {
                queue.cursor.select(queue.top + (mouse.y - rect.y - 1), count: queue.shown.count,
                                    visibleRows: visibleRows(.queue))
            }
            if mouse.kind == .doubleClick { perform(.open) }
        case .release:
            break
        }
    }

    private func sortByColumn(at x: Int, width: Int) {
        var column = 2
        for spec in NominalListView.columns(width: width) {
            if x >= column, x < column + spec.width, let sort = spec.sort {
                list.request.sort = sort
                list.reload(loader)
                return
            }
            column += spec.width + 1
        }
    }

    func scroll(_ pane: PaneID, by delta: Int) {
        switch pane {
        case .list: list.move(by: delta, loader: loader, visibleRows: listVisibleRows)
        case .record: record.scroll = min(max(0, record.scroll + delta), RecordView.maxScroll(record, rect: layout?.panes[.record]))
        case .queue: queue.move(by: delta, visibleRows: visibleRows(.queue))
        case .actions: actions.move(by: delta, visibleRows: visibleRows(.actions))
        }
    }
}
