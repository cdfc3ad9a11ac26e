import CNcursesw
import Foundation
import VisorTUI

/// The only owner of curses: starts and restores the terminal, copies screen
/// grids to it, and reads input. Every curses call happens on the main actor.
///
/// Use `CursesTerminal.run { terminal in … }`, or `start` with `defer { stop() }`,
/// so the terminal is restored on every way out, a thrown error included.
@MainActor
public final class CursesTerminal {
    /// The curses screen from `newterm`.
    let screen: OpaquePointer
    /// The standard screen of `screen`, the one window drawn into.
    let window: UnsafeMutablePointer<WINDOW>
    /// Whether mouse reporting was asked for (and must be switched off at the end).
    let mouseEnabled: Bool
    /// Whether `start_color` has run (only when the terminal has colours and a theme uses them).
    var coloursStarted = false
    /// Whether `use_default_colors` succeeded, so -1 means the terminal's own colour.
    var defaultColours = false
    /// Attributes and colour pair per role for the current theme.
    var palette: CursesPalette
    /// The theme drawn with.
    var theme: Theme
    /// The grid on screen now, to draw only the cells that change.
    var previous: ScreenGrid?
    /// Set by a resize or a theme change: the next draw repaints every cell.
    var needsFullRedraw = true
    /// Whether the hardware cursor is shown (curs_set is called only on change).
    var cursorVisible = false
    /// True once `stop` has restored the terminal.
    public private(set) var isStopped = false

    /// Starts the full-screen interface, in the start-up order that survived
    /// every case tried (toolchain.md): signals, terminal check, locale, newterm,
    /// cursor addressing, input modes, colours, mouse.
    public static func start(mouse: Bool, theme: Theme) throws -> CursesTerminal {
        // 1. A parent (Swift Testing's workers among them) may have blocked these; then resize never arrives.
        visor_unblock_signals()
        // 2. stdin from /dev/null would spin at 100% CPU.
        guard visor_stdio_is_terminal() == 1 else { throw TerminalError.notATerminal }
        // 3. UTF-8, or accents vanish and box lines print as qqqq.
        _ = visor_setup_locale()
        // Before newterm, so curses leaves these signals to us and only the flag is set.
        TerminationSignals.install()
        let term = ProcessInfo.processInfo.environment["TERM"]
        // 4. newterm, not initscr: with TERM unset initscr prints and exits; newterm returns NULL.
        guard let screen = newterm(nil, visor_stdout(), visor_stdin()) else {
            TerminationSignals.uninstall()
            throw TerminalError.unknownTerminal(term: term)
        }
        // 5. A terminal that cannot address the cursor cannot show a full screen.
        guard visor_has_cursor_addressing() == 1, let window = visor_stdscr() else {
            endwin()
            delscreen(screen)
            TerminationSignals.uninstall()
            throw TerminalError.noCursorAddressing(term: term)
        }
        return CursesTerminal(screen: screen, window: window, mouse: mouse, theme: theme)
    }

    /// Starts the terminal, runs `body`, and restores the terminal however `body` ends.
    public static func run<T>(mouse: Bool, theme: Theme, _ body: (CursesTerminal) throws -> T) throws -> T {
        let terminal = try start(mouse: mouse, theme: theme)
        defer { terminal.stop() }
        return try body(terminal)
    }

    private init(screen: OpaquePointer, window: UnsafeMutablePointer<WINDOW>, mouse: Bool, theme: Theme) {
        self.screen = screen
        self.window = window
        self.mouseEnabled = mouse
        self.theme = theme
        // 6. raw: Ctrl-Q/Ctrl-S/Ctrl-C reach us as keys; nonl: Enter is distinguishable;
        // a short escape delay, or Esc waits a second.
        raw()
        noecho()
        nonl()
        keypad(window, true)
        set_escdelay(25)
        curs_set(0)
        leaveok(window, true)
        palette = CursesPalette(theme: theme, colourCount: 0, pairCount: 0, defaultColours: false)
        startColoursIfUseful()
        palette = makePalette()
        if mouse {
            let mask = visor_BUTTON1_CLICKED | visor_BUTTON1_DOUBLE_CLICKED | visor_BUTTON1_PRESSED
                | visor_BUTTON1_RELEASED | visor_BUTTON4_PRESSED | visor_BUTTON5_PRESSED
            mousemask(mask, nil)
        }
    }

    /// Restores the terminal as it was before `start`; safe to call more than once.
    public func stop() {
        guard !isStopped else { return }
        isStopped = true
        if mouseEnabled { mousemask(0, nil) }
        curs_set(1)
        endwin()
        delscreen(screen)
        TerminationSignals.uninstall()
    }

    /// The safety net for a caller that forgot `stop()`: restore the terminal anyway.
    isolated deinit {
        stop()
    }

    /// The terminal's size in columns and rows, as curses knows it now.
    public var size: (width: Int, height: Int) {
        (Int(visor_getmaxx(window)), Int(visor_getmaxy(window)))
    }

    /// True once SIGTERM, SIGHUP or SIGINT has arrived: the caller's loop should
    /// call `stop()` and exit.
    public var terminationRequested: Bool {
        TerminationSignals.received != nil
    }

    /// Draws with `theme` from now on; the next `draw` repaints every cell.
    public func setTheme(_ theme: Theme) {
        guard !isStopped else { return }
        self.theme = theme
        startColoursIfUseful()
        palette = makePalette()
        needsFullRedraw = true
    }

    /// Makes the next `draw` clear the physical screen and repaint every cell,
    /// for when something else wrote to the terminal (the usual Ctrl-L).
    public func repaintAll() {
        guard !isStopped else { return }
        clearok(window, true)
        needsFullRedraw = true
    }

    /// Starts curses colours once, when the terminal has them and the theme uses
    /// them; a colourless theme (NO_COLOR, monochrome) leaves the terminal's own.
    private func startColoursIfUseful() {
        guard !coloursStarted, has_colors(), theme.usesColour else { return }
        start_color()
        defaultColours = use_default_colors() == OK
        coloursStarted = true
    }

    private func makePalette() -> CursesPalette {
        guard coloursStarted else {
            return CursesPalette(theme: theme, colourCount: 0, pairCount: 0, defaultColours: false)
        }
        return CursesPalette(theme: theme, colourCount: Int(visor_colors()),
                             pairCount: Int(visor_color_pairs()), defaultColours: defaultColours)
    }
}
