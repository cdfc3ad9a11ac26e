/// The sign-in form: user name, then password (never echoed).
public struct LoginState: Sendable {
    public var username = TextField()
    public var password = TextField(isSecret: true)
    public var onPassword = false
    public var message: String?
    public var messageIsError = false
    /// Set when Enter was pressed on the password: the sign-in runs after "Signing in…" is drawn.
    public var pending = false

    public init(prefilledUser: String?) {
        if let prefilledUser, !prefilledUser.isEmpty {
            username = TextField(text: prefilledUser)
            onPassword = true
        }
    }
}

enum LoginView {
    static func draw(_ state: LoginState, into grid: inout ScreenGrid, screen: Rect) -> (x: Int, y: Int)? {
        let rect = OverlayViews.box(in: screen, width: 58, height: 12)
        OverlayViews.drawFrame(rect, title: "Visor — MAPPA register", into: &grid)
        let inner = rect.inset(top: 1, left: 3, bottom: 1, right: 3)
        grid.put("Restricted: authorised users only. Every sign-in is audited.", x: inner.x, y: inner.y,
                 role: .muted, maxWidth: inner.width)
        let fieldX = inner.x + 12
        let fieldWidth = inner.width - 12
        grid.put("User name", x: inner.x, y: inner.y + 2, role: state.onPassword ? .dialog : .inputLabel)
        grid.fill(Rect(x: fieldX, y: inner.y + 2, width: fieldWidth, height: 1), role: .input)
        grid.put(state.username.text, x: fieldX, y: inner.y + 2, role: .input, maxWidth: fieldWidth)
        grid.put("Password", x: inner.x, y: inner.y + 4, role: state.onPassword ? .inputLabel : .dialog)
        grid.fill(Rect(x: fieldX, y: inner.y + 4, width: fieldWidth, height: 1), role: .input)
        if let message = state.message {
            for (index, line) in TextWrap.wrap(message, width: inner.width).prefix(2).enumerated() {
                grid.put(line, x: inner.x, y: inner.y + 6 + index, role: state.messageIsError ? .error : .dialog)
            }
        }
        grid.put("Enter to continue · Tab to switch field · Ctrl-C to leave", x: inner.x, y: inner.maxY - 1,
                 role: .muted, maxWidth: inner.width)
        return state.onPassword ? (fieldX, inner.y + 4) : (fieldX + state.username.cursorColumn, inner.y + 2)
    }
}

/// The first-sign-in summary of the instruction's duties (R15).
enum AcknowledgeView {
    static func draw(username: String, into grid: inout ScreenGrid, screen: Rect) {
        let rect = OverlayViews.box(in: screen, width: 96, height: screen.height - 2)
        OverlayViews.drawFrame(rect, title: InstructionSummary.title, into: &grid)
        let inner = rect.inset(top: 1, left: 2, bottom: 1, right: 2)
        var lines = [StyledLine(text: "Before first use, \(username), read the duties this register exists for.",
                                role: .title)]
        for duty in InstructionSummary.duties {
            lines += TextWrap.wrap(duty, width: inner.width).map { StyledLine(text: $0, role: .dialog) }
        }
        for (row, line) in lines.prefix(inner.height - 2).enumerated() {
            grid.put(line.text, x: inner.x, y: inner.y + row, role: line.role, maxWidth: inner.width)
        }
        grid.put("Press a to record that you have read and understood them · q to leave", x: inner.x,
                 y: inner.maxY - 1, role: .warning, maxWidth: inner.width)
    }
}

/// The idle lock: everything stays open behind it until the password is given again.
public struct LockState: Sendable {
    public var password = TextField(isSecret: true)
    public var message: String?
}

enum LockView {
    static func draw(_ state: LockState, username: String, into grid: inout ScreenGrid, screen: Rect) -> (x: Int, y: Int) {
        grid.fill(screen, role: .dialog)
        let rect = OverlayViews.box(in: screen, width: 56, height: 8)
        OverlayViews.drawFrame(rect, title: "Screen locked", into: &grid)
        let inner = rect.inset(top: 1, left: 2, bottom: 1, right: 2)
        grid.put("Locked after inactivity. Your work is kept.", x: inner.x, y: inner.y, role: .dialog,
                 maxWidth: inner.width)
        grid.put("Password for \(username):", x: inner.x, y: inner.y + 2, role: .inputLabel, maxWidth: inner.width)
        grid.fill(Rect(x: inner.x, y: inner.y + 3, width: inner.width, height: 1), role: .input)
        if let message = state.message {
            grid.put(message, x: inner.x, y: inner.y + 4, role: .error, maxWidth: inner.width)
        }
        return (inner.x, inner.y + 3)
    }
}
