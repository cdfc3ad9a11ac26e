import VisorTUI

/// The one main loop: read input with a short timeout, apply it, drain what
/// background work posted, run the clock's timers, and redraw when anything
/// changed. Every curses call stays on this thread.
@MainActor
public enum TerminalLoop {
    public static func run(core: AppCore, terminal: CursesTerminal) {
        let size = terminal.size
        core.resize(width: size.width, height: size.height)
        var dirty = true
        while !core.wantsQuit, !terminal.terminationRequested {
            if core.wantsFullRepaint {
                core.wantsFullRepaint = false
                terminal.repaintAll()
                dirty = true
            }
            if dirty {
                let frame = core.render()
                terminal.draw(frame.grid, cursor: frame.cursor)
                dirty = false
            }
            if core.hasPendingWork {
                // "Signing in…" or "Checking the password…" is on screen now; the slow check runs before the next key.
                core.completePendingWork()
                dirty = true
                continue
            }
            if let event = terminal.readEvent(timeoutMilliseconds: 100) {
                core.handle(event)
                dirty = true
            }
            if core.drainInbox() { dirty = true }
            if core.tick() { dirty = true }
        }
    }
}
