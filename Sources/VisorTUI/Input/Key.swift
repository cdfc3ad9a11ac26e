/// A key press, independent of the terminal that produced it.
public enum Key: Sendable, Hashable {
    /// A printable character (letters, digits, punctuation, any script).
    case character(Character)
    /// Enter or Return.
    case enter
    /// Esc on its own (the backend waits briefly to tell it from an escape sequence).
    case escape
    /// Tab.
    case tab
    /// Shift-Tab.
    case backTab
    /// Arrow up.
    case up
    /// Arrow down.
    case down
    /// Arrow left.
    case left
    /// Arrow right.
    case right
    /// Page Up.
    case pageUp
    /// Page Down.
    case pageDown
    /// Home.
    case home
    /// End.
    case end
    /// Backspace (also Ctrl-H, which most terminals send for it).
    case backspace
    /// Delete (forward delete).
    case delete
    /// Function key F1…F63.
    case function(Int)
    /// A control chord, named by its lower-case letter: Ctrl-A is `.control("a")`.
    case control(Character)
}
