import Foundation
import Testing
import VisorTUI

/// Compares how a grid looks in xterm with `__Snapshots__/NAME.styles.txt`:
/// one letter per cell for each distinct look, then a legend naming each
/// look's colours, attributes, contrast and the role pairs that produce it.
///
/// Character snapshots cannot see colour: a selected row in grey on cyan, or
/// a dialog whose text shows the terminal's black, reads the same as text.
/// Re-recorded with `VISOR_RECORD_SNAPSHOTS=1`, like `assertSnapshot`.
func assertStyleSnapshot(_ grid: ScreenGrid, theme: Theme, terminal: TerminalColours, named name: String,
                         sourceLocation: SourceLocation = #_sourceLocation) {
    assertSnapshotText(StyleMap.text(of: grid, theme: theme, terminal: terminal), file: name + ".styles.txt",
                       sourceLocation: sourceLocation)
}

/// A grid's looks as letters and a legend.
enum StyleMap {
    /// What a cell looks like: the colours xterm paints and the attributes that change the glyph.
    struct Look: Hashable {
        var text: RGB
        var background: RGB
        var bold: Bool
        var underline: Bool
        var italic: Bool

        init(_ style: ThemeStyle, terminal: TerminalColours) {
            (text, background) = terminal.paint(style)
            (bold, underline, italic) = (style.bold, style.underline, style.italic)
        }

        var description: String {
            let attributes = [bold ? "bold" : nil, underline ? "underline" : nil, italic ? "italic" : nil].compactMap { $0 }
            return "\(text) on \(background)" + (attributes.isEmpty ? "" : ", " + attributes.joined(separator: " "))
        }
    }

    static let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")

    /// Letters in order of first appearance, reading row by row; `?` past the 62nd look.
    static func text(of grid: ScreenGrid, theme: Theme, terminal: TerminalColours) -> String {
        var looks: [Look] = []
        var numbers: [Look: Int] = [:]
        var producers: [[String]] = []
        var rows: [String] = []
        for y in 0..<grid.height {
            var row = ""
            for x in 0..<grid.width {
                let cell = grid[x: x, y: y]
                let look = Look(theme.style(for: cell.role, over: cell.surface), terminal: terminal)
                let number = numbers[look] ?? {
                    looks.append(look)
                    producers.append([])
                    numbers[look] = looks.count - 1
                    return looks.count - 1
                }()
                let pair = cell.surface == cell.role || cell.surface == .normal
                    ? cell.role.rawValue : "\(cell.role.rawValue) on \(cell.surface.rawValue)"
                if !producers[number].contains(pair) { producers[number].append(pair) }
                row.append(number < letters.count ? letters[number] : "?")
            }
            rows.append(row)
        }
        let legend = looks.enumerated().map { number, look in
            let letter = number < letters.count ? letters[number] : "?"
            let ratio = String(format: "%5.2f:1", RGB.contrast(look.text, look.background))
            return "\(letter)  \(ratio)  \(look.description)  ← \(producers[number].joined(separator: ", "))"
        }
        return (rows + [""] + legend).joined(separator: "\n") + "\n"
    }
}
