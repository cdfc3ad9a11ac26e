import Foundation
import VisorDomain

/// `/` in a list held in memory (the partner queue, the actions): the text typed
/// so far, kept after Enter and cleared by Esc, matched without regard to case or accents.
public struct PaneFilter: Sendable, Hashable {
    public var field = TextField()
    /// True while `/` is taking keystrokes.
    public var isTyping = false

    public init() {}

    /// The filter in force: what is being typed, or what Enter kept.
    public var text: String { field.text.trimmingCharacters(in: .whitespaces) }

    /// True when the filter line shows (typing, or a kept filter).
    var isShown: Bool { isTyping || !text.isEmpty }

    /// " · “text”" for the pane's title while a filter is in force.
    var titleSuffix: String { text.isEmpty ? "" : " · “\(text)”" }

    /// `candidate` is built only when there is text to look for (every item is asked at every frame).
    func matches(_ candidate: @autoclosure () -> String) -> Bool {
        text.isEmpty || candidate().range(of: text, options: [.caseInsensitive, .diacriticInsensitive]) != nil
    }

    mutating func begin() {
        isTyping = true
    }

    mutating func clear() {
        isTyping = false
        field.clear()
    }

    /// A key while the filter takes them: Enter keeps the filter, Esc drops it, a movement key leaves
    /// the line and is returned to be performed, anything else edits the text.
    mutating func edit(_ key: Key) -> Key? {
        switch key {
        case .enter: isTyping = false
        case .escape: clear()
        case .up, .down, .pageUp, .pageDown:
            isTyping = false
            return key
        default: _ = field.handle(key)
        }
        return nil
    }

    /// The filter line at the bottom of a pane: `/`, the text, and the number of matches.
    func draw(into grid: inout ScreenGrid, rect: Rect, count: Int) {
        grid.fill(rect, role: .input)
        grid.put("/", x: rect.x, y: rect.y, role: .inputLabel)
        let label = Self.matchLabel(count)
        grid.putField(field, x: rect.x + 1, y: rect.y, width: fieldWidth(rect, count), role: .input)
        grid.put(label, x: rect.maxX - DisplayWidth.of(label), y: rect.y, role: .inputLabel)
    }

    /// Where the terminal cursor goes while typing in a filter line at `rect`.
    func cursor(in rect: Rect, count: Int) -> (x: Int, y: Int)? {
        guard isTyping else { return nil }
        return (rect.x + 1 + FieldWindow(field, width: fieldWidth(rect, count)).cursorOffset, rect.y)
    }

    private func fieldWidth(_ rect: Rect, _ count: Int) -> Int {
        max(1, rect.width - 1 - DisplayWidth.of(Self.matchLabel(count)) - 1)
    }

    static func matchLabel(_ count: Int) -> String {
        "\(NumberText.grouped(count)) match" + (count == 1 ? "" : "es")
    }
}
