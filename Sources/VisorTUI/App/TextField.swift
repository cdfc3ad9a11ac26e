/// A one-line text input: typed characters, a cursor, and optional masking.
public struct TextField: Sendable, Hashable {
    public private(set) var text: String = ""
    /// Cursor position in characters.
    public private(set) var cursor: Int = 0
    /// A password field shows nothing of what is typed.
    public var isSecret: Bool

    public init(text: String = "", isSecret: Bool = false) {
        self.text = text
        self.cursor = text.count
        self.isSecret = isSecret
    }

    /// Applies an editing key; returns false for keys a text field does not take.
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .character(let c):
            let index = text.index(text.startIndex, offsetBy: cursor)
            text.insert(c, at: index)
            cursor += 1
        case .backspace:
            guard cursor > 0 else { return true }
            let index = text.index(text.startIndex, offsetBy: cursor - 1)
            text.remove(at: index)
            cursor -= 1
        case .delete:
            guard cursor < text.count else { return true }
            text.remove(at: text.index(text.startIndex, offsetBy: cursor))
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(text.count, cursor + 1)
        case .home, .control("a"): cursor = 0
        case .end, .control("e"): cursor = text.count
        case .control("u"):
            text = ""
            cursor = 0
        case .control("w"):
            let before = text.prefix(cursor)
            let trimmed = before.reversed().drop { $0 == " " }.drop { $0 != " " }
            let kept = String(trimmed.reversed())
            text = kept + text.dropFirst(cursor)
            cursor = kept.count
        default:
            return false
        }
        return true
    }

    public mutating func clear() {
        text = ""
        cursor = 0
    }

    /// What the screen shows of the field.
    public var shown: String { isSecret ? "" : text }

    /// Display columns before the cursor (for placing the terminal cursor).
    public var cursorColumn: Int { isSecret ? 0 : DisplayWidth.of(String(text.prefix(cursor))) }
}
