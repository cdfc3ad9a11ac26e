/// How one role looks: colours plus attributes.
public struct ThemeStyle: Sendable, Hashable {
    /// Text colour.
    public var foreground: ThemeColor
    /// Background colour.
    public var background: ThemeColor
    /// Bold (often also brighter).
    public var bold: Bool
    /// Underlined.
    public var underline: Bool
    /// Foreground and background swapped.
    public var reverse: Bool
    /// Dimmed.
    public var dim: Bool
    /// Italic (not every terminal shows it).
    public var italic: Bool

    /// Creates a style; the default is the terminal's own colours, no attributes.
    public init(foreground: ThemeColor = .terminalDefault, background: ThemeColor = .terminalDefault,
                bold: Bool = false, underline: Bool = false, reverse: Bool = false,
                dim: Bool = false, italic: Bool = false) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.underline = underline
        self.reverse = reverse
        self.dim = dim
        self.italic = italic
    }

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
