import VisorDomain
import VisorRegister

extension AppCore {
    /// Draws the current state into a fresh grid of the terminal's size.
    public func render() -> Frame {
        var grid = ScreenGrid(width: width, height: height)
        guard width >= Layout.minimumWidth, height >= Layout.minimumHeight else {
            let message = Layout.tooSmallMessage(width: width, height: height)
            let lines = TextWrap.wrap(message, width: max(1, width))
            for (row, line) in lines.enumerated() {
                let x = max(0, (width - DisplayWidth.of(line)) / 2)
                grid.put(line, x: x, y: max(0, (height - lines.count) / 2) + row, role: .warning)
            }
            return Frame(grid: grid, cursor: nil)
        }
        let screenRect = grid.bounds
        switch screen {
        case .login:
            let cursor = LoginView.draw(login, into: &grid, screen: screenRect)
            return Frame(grid: grid, cursor: login.pending ? nil : cursor)
        case .acknowledge:
            AcknowledgeView.draw(username: user?.username ?? "", scroll: acknowledgeScroll, into: &grid,
                                 screen: screenRect)
            if let message = statusMessage {
                // The acknowledgement screen has no status line: a failure to record it shows on the last row.
                grid.put(message.text, x: 0, y: height - 1, role: message.isError ? .error : .warning, maxWidth: width)
            }
            return Frame(grid: grid, cursor: nil)
        case .main:
            break
        }
        var cursor: (x: Int, y: Int)?
        syncListMarks()
        if let layout {
            let context = PaneContext(today: clock.today())
            for pane in panes {
                guard let rect = layout.panes[pane.id] else { continue }
                let paneCursor = pane.draw(into: &grid, rect: rect, focused: pane.id == focus, context: context)
                if pane.id == focus { cursor = paneCursor }
            }
            StatusLineView.draw(statusContent, into: &grid, rect: layout.status)
        }
        if let overlay { cursor = draw(overlay, into: &grid) }
        if let lock { cursor = LockView.draw(lock, username: user?.username ?? "", into: &grid, screen: screenRect) }
        return Frame(grid: grid, cursor: cursor)
    }

    private func draw(_ overlay: Overlay, into grid: inout ScreenGrid) -> (x: Int, y: Int)? {
        let screenRect = Rect(width: width, height: height - 1)
        let readOnly = user?.hasWorkingRole != true
        switch overlay {
        case .help(let scroll):
            OverlayViews.help(scroll: scroll, bindings: Keymap.mainBindings(self), readOnly: readOnly,
                              contacts: options.helpContacts, into: &grid, screen: screenRect)
        case .palette(let state):
            return OverlayViews.palette(state, bindings: paletteBindings, into: &grid, screen: screenRect)
        case .policy(let scroll):
            OverlayViews.policy(policy, scroll: scroll, into: &grid, screen: screenRect)
        case .prompt(let state):
            return OverlayViews.prompt(state, into: &grid, screen: screenRect)
        case .confirm(let state):
            OverlayViews.confirm(state, into: &grid, screen: screenRect)
        case .detail(let state):
            OverlayViews.detail(state, keys: detailHint(), into: &grid, screen: screenRect)
        case .choice(let state):
            OverlayViews.choice(state, into: &grid, screen: screenRect)
        case .form(let state):
            return FormView.draw(state, into: &grid, screen: screenRect)
        }
        return nil
    }

    var statusContent: StatusLineView.Content {
        let answers = user.map { AccessPolicy.answersPartnerRequests(Viewer(user: $0)) } ?? false
        return StatusLineView.Content(
            username: user?.username ?? "", agency: agencyName,
            overdue: actions.loaded ? actions.overdueCount : nil,
            requests: answers ? queue.answerableCount : nil,
            message: statusMessage?.text, messageIsError: statusMessage?.isError ?? false,
            readOnly: user?.hasWorkingRole == false)
    }
}
