/// How one role looks: colours plus attributes.
public struct ThemeStyle: Sendable, Hashable {
    /// Text colour.
    public var foreground: ThemeColor = .terminalDefault
    /// Background colour.
    public var background: ThemeColor = .terminalDefault
    /// Bold (often also brighter).
    public var bold: Bool = false
    /// Underlined.
    public var underline: Bool = false
    /// Foreground and background swapped.
    public var reverse: Bool = false
    /// Dimmed.
    public var dim: Bool = false
    /// Italic (not every terminal shows it).
    public var italic: Bool = false

    /// True when the style stands out without colour (bold, underline or reverse).
    public var hasNonColourCue: Bool { bold || underline || reverse }

    /// The same attributes with both colours set to the terminal's default
    /// (see `Theme.withoutColours()`, which also keeps background highlights visible).
    public var withoutColours: ThemeStyle {
        var copy = self
        copy.foreground = .terminalDefault
        copy.background = .terminalDefault
        return copy
    }
}
