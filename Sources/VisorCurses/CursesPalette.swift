import CNcursesw
import VisorTUI

/// The curses attributes and colour pair for every theme role.
///
/// Each role gets its own pair (numbered from 1 in `ThemeRole.allCases` order),
/// so a theme change only re-initialises pairs. Colours the terminal lacks fall
/// back to its nearest basic colour; without colour, only attributes remain.
struct CursesPalette {
    struct Entry {
        var attributes: attr_t
        var pair: Int16
    }

    private var entries: [ThemeRole: Entry] = [:]

    /// Builds the entries and, when `colourCount` ≥ 8, initialises the colour pairs.
    /// `defaultColours` is false when `use_default_colors` failed: then -1 cannot be used.
    @MainActor
    init(theme: Theme, colourCount: Int, pairCount: Int, defaultColours: Bool) {
        // Without colour, background highlights become reverse video (Theme.withoutColours).
        let drawn = colourCount >= 8 ? theme : theme.withoutColours()
        for (index, role) in ThemeRole.allCases.enumerated() {
            let style = drawn.style(for: role)
            var entry = Entry(attributes: Self.attributes(of: style), pair: 0)
            let pair = index + 1
            if pair < pairCount,
               var fg = style.foreground.paletteIndex(forColourCount: colourCount),
               var bg = style.background.paletteIndex(forColourCount: colourCount) {
                if !defaultColours {
                    if fg < 0 { fg = Int(COLOR_WHITE) }
                    if bg < 0 { bg = Int(COLOR_BLACK) }
                }
                if init_pair(Int16(pair), Int16(fg), Int16(bg)) == OK { entry.pair = Int16(pair) }
            }
            entries[role] = entry
        }
    }

    /// Attributes and pair for `role`.
    subscript(role: ThemeRole) -> Entry {
        entries[role] ?? Entry(attributes: visor_A_NORMAL, pair: 0)
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
