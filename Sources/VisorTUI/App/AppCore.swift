import Foundation
import VisorDomain
import VisorRegister

/// What the application starts with.
public struct AppOptions: Sendable {
    public var prefilledUser: String?
    public var helpContacts: [HelpContact]
    /// Seconds between checks for other processes' commits.
    public var pollSeconds: TimeInterval
    /// Whether signing in starts the background rules timer (tests drive it themselves).
    public var backgroundWork: Bool

    public init(prefilledUser: String? = nil, helpContacts: [HelpContact] = HelpContacts.defaults,
                pollSeconds: TimeInterval = 1, backgroundWork: Bool = true) {
        self.prefilledUser = prefilledUser
        self.helpContacts = helpContacts
        self.pollSeconds = pollSeconds
        self.backgroundWork = backgroundWork
    }
}

/// A frame to show: the grid and where the terminal cursor goes (nil: hidden).
public struct Frame: Sendable {
    public var grid: ScreenGrid
    public var cursor: (x: Int, y: Int)?
}

/// The application core: all state and every key's effect, with no terminal.
/// The curses backend feeds it events and draws its frames; tests do the same
/// and read the grid.
@MainActor
public final class AppCore {
    public enum Screen: Sendable { case login, acknowledge, main }

    public let database: any Register
    public let policy: Policy
    public let clock: any VisorClock
    public let options: AppOptions
    /// Background results, drained each pass of the main loop.
    public let inbox = Inbox()

    public internal(set) var screen: Screen = .login
    public internal(set) var user: User?
    public internal(set) var agencyName = ""
    public internal(set) var login: LoginState
    /// How far the first-sign-in summary of duties is scrolled.
    public internal(set) var acknowledgeScroll = 0
    /// The panes, each also under its own name for the code that works across them.
    public let list = NominalListPane()
    public let record = RecordPane()
    public let queue = PartnerQueuePane()
    public let actions = ActionsPane()
    /// Every pane of the main screen, in the order of their keys (1, 2, …), the focus cycle and the
    /// layout: adding a pane is its file and its place in this list.
    public private(set) lazy var panes: [any Pane] = [list, record, queue, actions]
    public internal(set) var focus: PaneID = .list
    public internal(set) var zoomed: PaneID?
    public var overlay: Overlay?
    public var lock: LockState?
    public internal(set) var width = 80
    public internal(set) var height = 24
    /// Set when the user has asked to leave.
    public internal(set) var wantsQuit = false
    /// Set when the screen must be repainted from scratch (Ctrl-R).
    public var wantsFullRepaint = false
    var statusMessage: (text: String, isError: Bool, at: Date)?
    var lastInput: Date
    /// Called after this terminal changed data, so that the timer looks for what changed at once.
    public var onDataChanged: (() -> Void)?
    /// The background rules timer, once a user is signed in.
    var rulesTimer: RulesTimer?
    /// How much of the partner queue the main loop and the timer read.
    let queueWindow = QueueWindow()

    public init(database: any Register, policy: Policy, clock: any VisorClock, options: AppOptions = AppOptions()) {
        self.database = database
        self.policy = policy
        self.clock = clock
        self.options = options
        self.login = LoginState(prefilledUser: options.prefilledUser)
        self.lastInput = clock.now()
    }

    /// The user's view of the world.
    var viewer: Viewer { user.map(Viewer.init(user:)) ?? .operator }

    var loader: ListLoader { ListLoader(database: database, viewer: viewer) }

    /// Rows of the list pane that fit on screen now.
    var listVisibleRows: Int { visibleRows(.list) }

    var layout: Layout? { Layout.compute(width: width, height: height, panes: panes.map(\.id), zoomed: zoomed) }

    /// Where a pane is drawn now; nil when it is hidden (another is zoomed) or the terminal is too small.
    func rect(of pane: PaneID) -> Rect? { layout?.panes[pane] }

    /// The pane with the focus.
    var focusedPane: any Pane { pane(focus) ?? list }

    func pane(_ id: PaneID) -> (any Pane)? { panes.first { $0.id == id } }

    /// Rows of a pane that show items now (its border, and a filter line while shown, excluded).
    func visibleRows(_ id: PaneID) -> Int {
        guard let pane = pane(id), let rect = rect(of: id) else { return 5 }
        return pane.visibleRows(in: rect)
    }

    /// After the focused pane's content or filter changed: a full page, the selection on screen.
    func fitFocusedPane() { focusedPane.fit(visibleRows: visibleRows(focus), core: self) }

    /// How long a message stays in the status line when no key is pressed.
    static let messageSeconds: TimeInterval = 6

    /// Shows a message in the status line until the next key or a few seconds. A message too long
    /// for the status line shows whole in a dialog instead (when none is open), never cut off.
    func say(_ text: String, error: Bool = false) {
        statusMessage = (text, error, clock.now())
        guard screen == .main, overlay == nil, !focusedPane.isTypingFilter,
              DisplayWidth.of(text) > StatusLineView.messageRoom(statusContent, width: width) else { return }
        overlay = .detail(DetailState(title: error ? "Not done" : "Done",
                                      paragraphs: [DetailParagraph(nil, text, role: error ? .error : .dialog)]))
        statusMessage = nil
    }

    /// Applies what background work posted; returns true when anything changed.
    @discardableResult
    public func drainInbox() -> Bool {
        let messages = inbox.drain()
        for message in messages { apply(message) }
        return !messages.isEmpty
    }

    /// Timers that depend on the clock: the idle lock. Returns true when the screen must be redrawn.
    @discardableResult
    public func tick() -> Bool {
        var changed = false
        if let message = statusMessage, clock.now().timeIntervalSince(message.at) >= Self.messageSeconds {
            statusMessage = nil
            changed = true
        }
        guard screen == .main, lock == nil, user != nil else { return changed }
        let idle = clock.now().timeIntervalSince(lastInput)
        guard idle >= TimeInterval(policy.idleLockMinutes * 60) else { return changed }
        lock = LockState(reason: .idle(minutes: policy.idleLockMinutes))
        return true
    }

    /// Remembers the terminal size.
    public func resize(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        keepPagesFull()
    }
}

extension AppCore {
    /// A message for the sign-in screen (a broken theme file, say), shown before anyone types.
    public func showStartupMessage(_ text: String) {
        login.message = text
        login.messageIsError = true
    }
}
