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
    static let notice = "Restricted: authorised users only. Every sign-in is audited."
    static let footer = "Enter to continue · Tab to switch field · Ctrl-C to leave"
    static let shortFooter = "Enter continues · Tab switches field · Ctrl-C leaves"

    static func draw(_ state: LoginState, into grid: inout ScreenGrid, screen: Rect) -> (x: Int, y: Int)? {
        // A long message (a broken theme file, a refusal) wraps whole: the box grows to hold it.
        let messageLines = state.message.map { TextWrap.wrap($0, width: 60) } ?? []
        let rect = OverlayViews.box(in: screen, width: 66, height: 11 + max(2, messageLines.count))
        OverlayViews.drawFrame(rect, title: "Visor — MAPPA register", into: &grid)
        let inner = rect.inset(top: 1, left: 3, bottom: 1, right: 3)
        // The notice wraps on a narrow terminal rather than losing its end; the fields move down a row.
        let noticeLines = TextWrap.wrap(notice, width: inner.width).prefix(2)
        for (index, line) in noticeLines.enumerated() {
            grid.put(line, x: inner.x, y: inner.y + index, role: .muted, maxWidth: inner.width)
        }
        let top = inner.y + noticeLines.count + 1
        let fieldX = inner.x + 12
        let fieldWidth = inner.width - 12
        grid.put("User name", x: inner.x, y: top, role: state.onPassword ? .dialog : .inputLabel)
        grid.fill(Rect(x: fieldX, y: top, width: fieldWidth, height: 1), role: .input)
        let userCursor = grid.putField(state.username, x: fieldX, y: top, width: fieldWidth, role: .input)
        grid.put("Password", x: inner.x, y: top + 2, role: state.onPassword ? .inputLabel : .dialog)
        grid.fill(Rect(x: fieldX, y: top + 2, width: fieldWidth, height: 1), role: .input)
        let room = max(0, inner.maxY - 1 - (top + 4))
        for (index, line) in TextWrap.wrap(state.message ?? "", width: inner.width).prefix(room).enumerated()
            where state.message != nil {
            grid.put(line, x: inner.x, y: top + 4 + index, role: state.messageIsError ? .error : .dialog,
                     maxWidth: inner.width)
        }
        grid.put(DisplayWidth.of(footer) <= inner.width ? footer : shortFooter, x: inner.x, y: inner.maxY - 1,
                 role: .muted, maxWidth: inner.width)
        return state.onPassword ? (fieldX, top + 2) : (userCursor, top)
    }
}

/// The first-sign-in summary of the instruction's duties (R15), scrolled with
/// j/k and PgDn/PgUp when it is longer than the screen.
enum AcknowledgeView {
    static func inner(_ screen: Rect) -> (box: Rect, inner: Rect) {
        let rect = OverlayViews.box(in: screen, width: 96, height: screen.height - 2)
        return (rect, rect.inset(top: 1, left: 2, bottom: 1, right: 2))
    }

    static func lines(username: String, width: Int) -> [StyledLine] {
        var lines = [StyledLine(text: "Before first use, \(username), read the duties this register exists for.",
                                role: .title)]
        for duty in InstructionSummary.duties {
            lines += TextWrap.wrap(duty, width: width).map { StyledLine(text: $0, role: .dialog) }
        }
        return lines
    }

    /// The furthest the text can scroll on this screen.
    static func maxScroll(username: String, screen: Rect) -> Int {
        let inner = inner(screen).inner
        return max(0, lines(username: username, width: inner.width).count - max(0, inner.height - 2))
    }

    /// Rows a page moves.
    static func pageRows(screen: Rect) -> Int { max(1, inner(screen).inner.height - 3) }

    static func draw(username: String, scroll: Int, into grid: inout ScreenGrid, screen: Rect) {
        let (rect, inner) = inner(screen)
        OverlayViews.drawFrame(rect, title: InstructionSummary.title, into: &grid)
        let lines = lines(username: username, width: inner.width)
        let rows = max(0, inner.height - 2)
        let first = min(max(0, scroll), max(0, lines.count - rows))
        for (row, line) in lines.dropFirst(first).prefix(rows).enumerated() {
            grid.put(line.text, x: inner.x, y: inner.y + row, role: line.role, maxWidth: inner.width)
        }
        if first + rows < lines.count {
            grid.put("↓ \(lines.count - first - rows) more lines: j or PgDn to read on", x: inner.x,
                     y: inner.maxY - 2, role: .muted, maxWidth: inner.width)
        }
        grid.put("Press a to record that you have read and understood them · q to leave", x: inner.x,
                 y: inner.maxY - 1, role: .warning, maxWidth: inner.width)
    }
}

/// The lock: everything stays open behind it until the password is given again.
public struct LockState: Sendable {
    public enum Reason: Sendable, Hashable {
        /// The policy's idle time passed without a key.
        case idle(minutes: Int)
        /// The user locked it (Ctrl-X).
        case byUser
    }

    public var reason: Reason
    public var password = TextField(isSecret: true)
    public var message: String?
    /// Enter was pressed: "Checking the password…" shows while the KDF runs.
    public var pending = false

    public init(reason: Reason) {
        self.reason = reason
    }
}

enum LockView {
    static func draw(_ state: LockState, username: String, into grid: inout ScreenGrid, screen: Rect) -> (x: Int, y: Int)? {
        grid.fill(screen, role: .dialog)
        let rect = OverlayViews.box(in: screen, width: 60, height: 9)
        OverlayViews.drawFrame(rect, title: "Screen locked", into: &grid)
        let inner = rect.inset(top: 1, left: 2, bottom: 1, right: 2)
        let why = switch state.reason {
        case .idle(let minutes): "Locked after \(minutes) minutes without a key. Your work is kept."
        case .byUser: "You locked the screen (Ctrl-X). Your work is kept."
        }
        for (index, line) in TextWrap.wrap(why, width: inner.width).prefix(2).enumerated() {
            grid.put(line, x: inner.x, y: inner.y + index, role: .dialog, maxWidth: inner.width)
        }
        grid.put("Password for \(username):", x: inner.x, y: inner.y + 2, role: .inputLabel, maxWidth: inner.width)
        grid.fill(Rect(x: inner.x, y: inner.y + 3, width: inner.width, height: 1), role: .input)
        if state.pending {
            grid.put("Checking the password…", x: inner.x, y: inner.y + 4, role: .dialog, maxWidth: inner.width)
            return nil
        }
        if let message = state.message {
            for (index, line) in TextWrap.wrap(message, width: inner.width).prefix(2).enumerated() {
                grid.put(line, x: inner.x, y: inner.y + 4 + index, role: .error, maxWidth: inner.width)
            }
        }
        return (inner.x, inner.y + 3)
    }
}
