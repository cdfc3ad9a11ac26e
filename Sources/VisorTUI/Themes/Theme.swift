/// A complete mapping from every semantic role to a style.
public struct Theme: Sendable, Hashable {
    /// The theme's name, as in its file's `name` key.
    public var name: String
    /// The style of every role (initialisers fill missing roles from the default theme).
    public private(set) var styles: [ThemeRole: ThemeStyle]

    /// Creates a theme; roles missing from `styles` take the default theme's style.
    public init(name: String, styles: [ThemeRole: ThemeStyle]) {
        self.name = name
        self.styles = Theme.default.styles.merging(styles) { _, given in given }
    }

    /// The compiled-in theme's initialiser: it must define every role itself.
    init(completeName name: String, styles: [ThemeRole: ThemeStyle]) {
        precondition(ThemeRole.allCases.allSatisfy { styles[$0] != nil }, "theme \(name) misses a role")
        self.name = name
        self.styles = styles
    }

    /// The style for `role`.
    public func style(for role: ThemeRole) -> ThemeStyle {
        styles[role] ?? ThemeStyle()
    }

    /// The style a cell shows: text in `role` over a background painted in `surface`
    /// (`Cell.surface`), both over the normal role, which is the screen's base.
    public func style(for role: ThemeRole, over surface: ThemeRole) -> ThemeStyle {
        let base = style(for: .normal)
        let ground = style(for: surface).over(base, base: base)
        return style(for: role).over(ground, base: base)
    }

    /// True when any role sets a colour other than the terminal's default.
    public var usesColour: Bool {
        styles.values.contains { $0.foreground != .terminalDefault || $0.background != .terminalDefault }
    }

    /// The theme for NO_COLOR and colourless terminals: every colour dropped,
    /// every attribute kept, and a role that stood out by a background other
    /// than the normal one (status line, search match) drawn in reverse video,
    /// so colour is never the only cue even when colour is gone.
    public func withoutColours() -> Theme {
        let normalBackground = style(for: .normal).background
        return Theme(completeName: name, styles: styles.mapValues { style in
            var plain = style.withoutColours
            if style.background != normalBackground { plain.reverse = true }
            return plain
        })
    }
}
