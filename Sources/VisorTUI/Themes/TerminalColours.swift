/// What xterm paints a style in, to measure its contrast: the terminal's own
/// (`default`) colours plus the rules xterm applies to a cell's attributes.
///
/// The colours a theme leaves to the terminal cannot be known; these are
/// xterm's. `dark` is xterm's colour customisation (`XTerm-color`
/// app-defaults: gray90 text, 229,229,229 = palette entry 7, on black), the
/// setup the dark themes are for; `light` is xterm with no customisation,
/// black on white, the setup the light theme is for.
public struct TerminalColours: Sendable, Hashable {
    /// The text colour for `default`.
    public var foreground: RGB
    /// The background colour for `default`.
    public var background: RGB

    public init(foreground: RGB, background: RGB) {
        self.foreground = foreground
        self.background = background
    }

    /// gray90 on black (xterm -xrm '*customization: -color'; most dark setups are brighter still).
    public static let dark = TerminalColours(foreground: RGB(229, 229, 229), background: RGB(0, 0, 0))
    /// Black on white (xterm as installed).
    public static let light = TerminalColours(foreground: RGB(0, 0, 0), background: RGB(255, 255, 255))

    /// The text and background colours xterm (boldColors on, faintIsRelative
    /// off: its defaults) shows for `style` under the 256-colour palette.
    ///
    /// - Bold on a foreground of palette entries 0–7 shows entry +8
    ///   (bold-as-bright): bold black is grey. Entry 16 is black too and is
    ///   not brightened, which is how a theme keeps bold black text black.
    /// - Dim shows the foreground at two thirds of each channel (rounded), towards black.
    /// - Reverse swaps the two after both of those (bold reverse black-on-white
    ///   is white on grey). All three were measured in xterm 379.
    public func paint(_ style: ThemeStyle) -> (text: RGB, background: RGB) {
        var text = colour(style.foreground, bold: style.bold) ?? foreground
        let back = colour(style.background, bold: false) ?? background
        if style.dim { text = RGB((text.red * 2 + 1) / 3, (text.green * 2 + 1) / 3, (text.blue * 2 + 1) / 3) }
        return style.reverse ? (back, text) : (text, back)
    }

    /// The WCAG 2 contrast ratio of the text and background xterm paints `style` in.
    public func contrast(of style: ThemeStyle) -> Double {
        let painted = paint(style)
        return RGB.contrast(painted.text, painted.background)
    }

    /// A palette colour, brightened for bold text when it is one of the first eight; nil for `default`.
    private func colour(_ colour: ThemeColor, bold: Bool) -> RGB? {
        let index: Int
        switch colour {
        case .terminalDefault: return nil
        case .named(let named): index = named.rawValue
        case .indexed(let i): index = i
        }
        return XtermPalette.colour(bold && index < 8 ? index + 8 : index)
    }
}
