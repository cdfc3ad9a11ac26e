/// A colour in a theme: the terminal's own, one of the 16 ANSI colours, or an
/// xterm-256 palette index (`#rrggbb` in a theme file becomes the nearest index).
public enum ThemeColor: Sendable, Hashable, CustomStringConvertible {
    /// The terminal's default foreground or background.
    case terminalDefault
    /// One of the 16 named ANSI colours.
    case named(NamedColor)
    /// An xterm-256 palette index, 0…255.
    case indexed(Int)

    /// The 16 ANSI colours; raw values are their palette indexes.
    public enum NamedColor: Int, CaseIterable, Sendable, Hashable {
        case black, red, green, yellow, blue, magenta, cyan, white
        case brightBlack, brightRed, brightGreen, brightYellow
        case brightBlue, brightMagenta, brightCyan, brightWhite

        /// The spelling in theme files: `red`, `bright_red`.
        public var name: String {
            let basic = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]
            return rawValue < 8 ? basic[rawValue] : "bright_" + basic[rawValue - 8]
        }
    }

    /// Reads a theme-file colour: `default`, a name (`red`, `bright_blue`),
    /// `#rrggbb`, or a palette index `0`…`255`; nil when it is none of these.
    public init?(_ text: String) {
        let lower = text.lowercased()
        if lower == "default" {
            self = .terminalDefault
        } else if let named = NamedColor.allCases.first(where: { $0.name == lower }) {
            self = .named(named)
        } else if lower.hasPrefix("#"), lower.count == 7, let rgb = Int(lower.dropFirst(), radix: 16) {
            self = .indexed(XtermPalette.nearestIndex(red: rgb >> 16 & 0xFF, green: rgb >> 8 & 0xFF, blue: rgb & 0xFF))
        } else if let index = Int(lower), (0...255).contains(index) {
            self = .indexed(index)
        } else {
            return nil
        }
    }

    /// The spelling in a theme file.
    public var description: String {
        switch self {
        case .terminalDefault: "default"
        case .named(let named): named.name
        case .indexed(let index): String(index)
        }
    }

    /// The palette entry to ask a terminal with `colourCount` colours for:
    /// -1 for the terminal's default, the colour itself when the terminal has it,
    /// else the nearest of the terminal's first 8 or 16 colours; nil when the
    /// terminal has fewer than 8 colours (attributes only).
    public func paletteIndex(forColourCount colourCount: Int) -> Int? {
        guard colourCount >= 8 else { return nil }
        let index: Int
        switch self {
        case .terminalDefault: return -1
        case .named(let named): index = named.rawValue
        case .indexed(let i): index = i
        }
        if index < colourCount { return index }
        return XtermPalette.nearestBasic(to: index, among: min(colourCount, 16))
    }
}
