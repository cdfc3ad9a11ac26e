/// Anything the terminal reports: a key, a mouse action, or a new size.
public enum InputEvent: Sendable, Hashable {
    /// A key press.
    case key(Key)
    /// A mouse action.
    case mouse(MouseEvent)
    /// The terminal now has this many columns and rows; redraw everything.
    case resize(width: Int, height: Int)
}
