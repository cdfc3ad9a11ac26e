extension Theme {
    /// The dark default theme, compiled in so an installed binary always starts.
    /// `themes/default.toml` ships the same values (a test checks they agree),
    /// and says why they are these (contrast in xterm: ThemeContrastTests).
    public static let `default` = Theme(completeName: "default", styles: [
        .normal: ThemeStyle(),
        .muted: ThemeStyle(foreground: .indexed(246)),
        .border: ThemeStyle(foreground: .indexed(244)),
        .focusedBorder: ThemeStyle(foreground: .named(.cyan), bold: true),
        .title: ThemeStyle(bold: true),
        .header: ThemeStyle(bold: true, underline: true),
        .selectedRow: ThemeStyle(foreground: .indexed(16), background: .named(.cyan), bold: true),
        .selectedRowUnfocused: ThemeStyle(foreground: .named(.white), background: .indexed(238), underline: true),
        .statusLine: ThemeStyle(foreground: .named(.black), background: .named(.white)),
        .statusAlert: ThemeStyle(foreground: .named(.brightWhite), background: .named(.red), bold: true),
        .overdue: ThemeStyle(foreground: .named(.brightRed), bold: true),
        .dueSoon: ThemeStyle(foreground: .named(.yellow)),
        .restricted: ThemeStyle(foreground: .named(.brightMagenta), italic: true),
        .stub: ThemeStyle(foreground: .indexed(246), italic: true),
        .error: ThemeStyle(foreground: .named(.brightWhite), background: .indexed(124), bold: true),
        .warning: ThemeStyle(foreground: .named(.yellow), bold: true),
        .success: ThemeStyle(foreground: .named(.green)),
        .input: ThemeStyle(foreground: .named(.white), background: .indexed(236), underline: true),
        .inputLabel: ThemeStyle(bold: true),
        .searchMatch: ThemeStyle(foreground: .named(.black), background: .named(.yellow)),
        .tabActive: ThemeStyle(foreground: .indexed(16), background: .named(.cyan), bold: true),
        .tabInactive: ThemeStyle(foreground: .indexed(246)),
        .helpKey: ThemeStyle(foreground: .named(.cyan), bold: true),
        .dialog: ThemeStyle(foreground: .named(.brightWhite), background: .indexed(18)),
    ])
}
