import VisorDomain
import VisorRegister

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

    /// A key goes to the bindings of what is in front — the lock, the screen, a dialog, the focused
    /// pane's filter, the focused pane, the global keys — and what they do not bind, to a text field
    /// where there is one.
    private func handle(_ key: Key) {
        if var state = lock {
            guard !state.pending, !dispatch(key, in: [.screen(.lock)]) else { return }
            _ = state.password.handle(key)
            lock = state
            return
        }
        switch screen {
        case .login:
            guard !dispatch(key, in: [.screen(.signIn)]) else { return }
            if login.onPassword { _ = login.password.handle(key) } else { _ = login.username.handle(key) }
        case .acknowledge:
            dispatch(key, in: [.screen(.acknowledge)])
        case .main:
            if let overlay {
                guard !dispatch(key, in: [.overlay(overlay.kind)]) else { return }
                typeIntoOverlay(key)
            } else if focusedPane.isTypingFilter {
                if let then = focusedPane.typeFilter(key, core: self) { dispatch(then, in: Keymap.mainScopes(self)) }
            } else {
                dispatch(key, in: Keymap.mainScopes(self))
            }
        }
    }

    /// Enter on the sign-in screen: from the user name to the password; from the password, sign in.
    func continueSignIn() {
        if !login.onPassword {
            login.onPassword = !login.username.text.isEmpty
        } else if !login.username.text.isEmpty {
            login.pending = true
            login.message = "Signing in…"
            login.messageIsError = false
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

    /// Enter on the lock: "Checking the password…" shows; the loop runs the KDF once it is drawn.
    func beginUnlock() {
        guard var state = lock else { return }
        state.pending = true
        state.message = nil
        lock = state
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

    /// `a` on the first sign-in's duties.
    func acknowledge() {
        guard let user else { return }
        do {
            self.user = try database.acknowledgeInstruction(user: user)
            enterMain()
        } catch {
            say(error.description, error: true)
        }
    }

    private var screenBounds: Rect { Rect(width: width, height: height) }

    func scrollAcknowledgement(by delta: Int) {
        let limit = AcknowledgeView.maxScroll(username: user?.username ?? "", screen: screenBounds)
        acknowledgeScroll = min(max(0, acknowledgeScroll + delta), limit)
    }

    func scrollAcknowledgement(pages: Int) {
        scrollAcknowledgement(by: pages * AcknowledgeView.pageRows(screen: screenBounds))
    }

    func enterMain() {
        screen = .main
        let actionsVersion = attachActions()
        for pane in panes { pane.reload(core: self) }
        if options.backgroundWork { startBackgroundWork(actionsVersion: actionsVersion) }
    }

    private func handle(_ mouse: MouseEvent) {
        guard screen == .main, overlay == nil, lock == nil, let layout, let id = layout.pane(atX: mouse.x, y: mouse.y),
              let rect = layout.panes[id], let pane = pane(id) else { return }
        switch mouse.kind {
        case .wheelUp: focusPane(id); scroll(id, by: -3)
        case .wheelDown: focusPane(id); scroll(id, by: 3)
        case .click, .press, .doubleClick:
            focusPane(id)
            pane.click(x: mouse.x, y: mouse.y, rect: rect, core: self)
            if mouse.kind == .doubleClick, let enter = Keymap.binding(for: .enter, in: Keymap.mainScopes(self), core: self) {
                run(enter)
            }
        case .release:
            break
        }
    }
}
