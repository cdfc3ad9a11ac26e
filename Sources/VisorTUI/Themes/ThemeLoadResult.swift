/// The outcome of loading a theme: always a usable theme, plus what the user should be told.
public struct ThemeLoadResult: Sendable, Equatable {
    /// The theme to draw with (the default theme when the requested one failed).
    public var theme: Theme
    /// Messages for the user, each naming the file and the fix; empty when all went well.
    public var warnings: [String] = []
    /// The file the theme came from; nil for the compiled-in default.
    public var path: String?
}
