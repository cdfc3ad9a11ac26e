extension ThemeStyle {
    /// The style as sent to a terminal with `colourCount` colours: each colour
    /// it lacks replaced by its nearest basic one (`ThemeColor.paletteIndex`),
    /// and bold left off where that turns a foreground chosen from 16–255 into
    /// one of 0–7.
    ///
    /// A theme picks a colour from 16 up (16 for black) so that bold cannot
    /// brighten it; but xterm as installed says TERM=xterm, 8 colours, where
    /// 16 becomes 0 and bold black shows grey again (2:1 on cyan). Without
    /// bold it stays black. A bright name (9–15) keeps bold: on 8 colours bold
    /// is what brings it back. Unchanged with 256 colours or none.
    public func reduced(toColourCount colourCount: Int) -> ThemeStyle {
        guard colourCount >= 8, colourCount < 256 else { return self }
        var reduced = self
        reduced.foreground = Self.reduce(foreground, to: colourCount)
        reduced.background = Self.reduce(background, to: colourCount)
        if bold, case .indexed(let chosen) = foreground, chosen >= 16,
           case .indexed(let shown) = reduced.foreground, shown < 8 {
            reduced.bold = false
        }
        return reduced
    }

    private static func reduce(_ colour: ThemeColor, to colourCount: Int) -> ThemeColor {
        guard case .indexed(let index) = colour, index >= colourCount,
              let shown = colour.paletteIndex(forColourCount: colourCount) else { return colour }
        return .indexed(shown)
    }
}
