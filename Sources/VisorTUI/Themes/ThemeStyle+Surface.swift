extension ThemeStyle {
    /// This style drawn on a cell whose background was painted in `surface`
    /// (a dialog, an input field, the status line), on a screen whose base is `base`
    /// (the normal role).
    ///
    /// A style that brings its own background (a colour other than the base's,
    /// or reverse video) is drawn as it is. Any other leaves its background,
    /// and any colour it leaves to the terminal or shares with the base, to the
    /// surface: muted text in a dialog keeps the dialog's background, and plain
    /// text takes the dialog's text colour. Attributes stay this style's own.
    public func over(_ surface: ThemeStyle, base: ThemeStyle) -> ThemeStyle {
        guard !reverse, isBase(background, of: base.background) else { return self }
        let ownText = isBase(foreground, of: base.foreground) ? nil : foreground
        var drawn = self
        if surface.reverse {
            // Beneath, the surface's foreground shows as the background: draw reversed as well.
            drawn.reverse = true
            drawn.foreground = surface.foreground
            drawn.background = ownText ?? surface.background
        } else {
            drawn.foreground = ownText ?? surface.foreground
            drawn.background = surface.background
        }
        return drawn
    }

    /// Whether `colour` means "the screen's base colour": the terminal's own, or the base role's.
    private func isBase(_ colour: ThemeColor, of baseColour: ThemeColor) -> Bool {
        colour == .terminalDefault || colour == baseColour
    }
}
