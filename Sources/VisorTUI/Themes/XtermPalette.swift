/// The xterm-256 palette as RGB, to map `#rrggbb` to an index and to fall back
/// from 256 colours to the 8 or 16 a smaller terminal has.
enum XtermPalette {
    /// xterm's own values for the 16 ANSI colours (terminals vary; these are typical).
    private static let ansi: [(Int, Int, Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0),
        (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0),
        (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]
    /// The six levels of each axis of the 6×6×6 colour cube (indexes 16…231).
    private static let cubeLevels = [0, 95, 135, 175, 215, 255]

    /// The RGB value of palette entry `index` (0…255).
    static func rgb(_ index: Int) -> (Int, Int, Int) {
        switch index {
        case ..<16: return ansi[max(0, index)]
        case 16..<232:
            let i = index - 16
            return (cubeLevels[i / 36], cubeLevels[i / 6 % 6], cubeLevels[i % 6])
        default:
            let level = 8 + 10 * (min(index, 255) - 232)
            return (level, level, level)
        }
    }

    /// The RGB value of palette entry `index` (0…255), as a colour.
    static func colour(_ index: Int) -> RGB {
        let (r, g, b) = rgb(index)
        return RGB(r, g, b)
    }

    /// The nearest entry of 16…255 (the part of the palette terminals agree on).
    static func nearestIndex(red: Int, green: Int, blue: Int) -> Int {
        nearest(to: (red, green, blue), in: 16..<256)
    }

    /// The nearest of the first `count` (8 or 16) colours to palette entry `index`.
    ///
    /// Plain RGB distance sends mid-grey to yellow, so a grey (channels within
    /// 48 of each other) goes to the nearest grey of black, white (and, with 16,
    /// their bright forms) by lightness, and a colour to the nearest chromatic one.
    static func nearestBasic(to index: Int, among count: Int) -> Int {
        let (r, g, b) = rgb(index)
        if max(r, g, b) - min(r, g, b) < 48 {
            let greys = count >= 16 ? [0, 8, 7, 15] : [0, 7]
            let lightness = (r + g + b) / 3
            return greys.min { abs(rgb($0).0 - lightness) < abs(rgb($1).0 - lightness) } ?? 7
        }
        let chromatic = Array(1...6) + (count >= 16 ? Array(9...14) : [])
        return nearest(to: (r, g, b), in: chromatic)
    }

    private static func nearest(to target: (Int, Int, Int), in candidates: some Sequence<Int>) -> Int {
        var best = 0
        var bestDistance = Int.max
        for candidate in candidates {
            let (r, g, b) = rgb(candidate)
            let distance = (r - target.0) * (r - target.0) + (g - target.1) * (g - target.1)
                + (b - target.2) * (b - target.2)
            if distance < bestDistance { (best, bestDistance) = (candidate, distance) }
        }
        return best
    }
}
