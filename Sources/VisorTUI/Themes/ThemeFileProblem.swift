/// What is wrong with a theme file, located as precisely as the file allows.
struct ThemeFileProblem: Error, Sendable, Equatable {
    /// 1-based line, when known.
    var line: Int?
    /// The dotted key at fault (`overdue.foreground`), when there is one.
    var key: String?
    /// What is wrong, for a person to act on.
    var message: String

    /// `theme PATH: line 3: overdue.foreground: unknown colour "reddish"`.
    func warning(path: String) -> String {
        var text = "theme \(path): "
        if let line { text += "line \(line): " }
        if let key { text += "\(key): " }
        return text + message
    }
}
