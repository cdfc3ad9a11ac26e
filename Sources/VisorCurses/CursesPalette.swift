import CNcursesw
import VisorTUI

/// The curses attributes and colour pair for each role drawn over each surface
/// (`Cell.surface`), made on first use.
///
/// A cell's style is its role composed over its surface (`Theme.style(for:over:)`),
/// so a dialog's muted text needs a pair of its own. Pairs are numbered from 1
/// per distinct pair of colours, in the order the screen first needs them; a
/// theme change starts a new palette and redraws everything. Colours the
/// terminal lacks fall back to its nearest basic colour; without colour, only
/// attributes remain; when pairs run out, the terminal's own colours.
struct CursesPalette {
    struct Entry {
        var attributes: attr_t
        var pair: Int16
    }

    private struct Layers: Hashable {
        var role: ThemeRole
        var surface: ThemeRole
    }

    private struct Colours: Hashable {
        var foreground: Int
        var background: Int
    }

    private let theme: Theme
    private let colourCount: Int
    private let pairCount: Int
    private let defaultColours: Bool
    private var entries: [Layers: Entry] = [:]
    private var pairs: [Colours: Int16] = [:]

    /// A palette for `theme` on a terminal with `colourCount` colours and `pairCount` pairs.
    /// `defaultColours` is false when `use_default_colors` failed: then -1 cannot be used.
    init(theme: Theme, colourCount: Int, pairCount: Int, defaultColours: Bool) {
        // Without colour, background highlights become reverse video (Theme.withoutColours).
        self.theme = colourCount >= 8 ? theme : theme.withoutColours()
        self.colourCount = colourCount
        self.pairCount = pairCount
        self.defaultColours = defaultColours
    }

    /// Attributes and pair for text in `role` over a cell painted in `surface`.
    @MainActor
    mutating func entry(for role: ThemeRole, over surface: ThemeRole) -> Entry {
        let layers = Layers(role: role, surface: surface)
        if let entry = entries[layers] { return entry }
        // On 8 or 16 colours, bold must not brighten a black the theme chose to stay black.
        let style = theme.style(for: role, over: surface).reduced(toColourCount: colourCount)
        let entry = Entry(attributes: Self.attributes(of: style), pair: pair(for: style))
        entries[layers] = entry
        return entry
    }

    /// The pair showing `style`'s colours, initialised on first use; 0 (the
    /// terminal's colours) without colour or when the terminal has no pair left.
    @MainActor
    private mutating func pair(for style: ThemeStyle) -> Int16 {
        guard var fg = style.foreground.paletteIndex(forColourCount: colourCount),
              var bg = style.background.paletteIndex(forColourCount: colourCount) else { return 0 }
        if !defaultColours {
            if fg < 0 { fg = Int(COLOR_WHITE) }
            if bg < 0 { bg = Int(COLOR_BLACK) }
        }
        let colours = Colours(foreground: fg, background: bg)
        if let pair = pairs[colours] { return pair }
        let next = pairs.count + 1
        guard next < min(pairCount, Int(Int16.max)), init_pair(Int16(next), Int16(fg), Int16(bg)) == OK else { return 0 }
        pairs[colours] = Int16(next)
        return Int16(next)
    }

    private static func attributes(of style: ThemeStyle) -> attr_t {
        var attributes = visor_A_NORMAL
        if style.bold { attributes |= visor_A_BOLD }
        if style.underline { attributes |= visor_A_UNDERLINE }
        if style.reverse { attributes |= visor_A_REVERSE }
        if style.dim { attributes |= visor_A_DIM }
        if style.italic { attributes |= visor_A_ITALIC }
        return attributes
    }
}
