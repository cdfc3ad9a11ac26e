/// Why the full-screen interface could not start; each message names the fix.
public enum TerminalError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Standard input or output is not a terminal (a pipe, a file, /dev/null).
    case notATerminal
    /// curses does not know the terminal type in TERM (or TERM is unset).
    case unknownTerminal(term: String?)
    /// The terminal cannot move its cursor (TERM=dumb and the like).
    case noCursorAddressing(term: String?)

    /// A message a user can act on.
    public var description: String {
        switch self {
        case .notATerminal:
            "the full-screen interface needs a terminal: standard input and standard output must both be a terminal, not a pipe or a file"
        case .unknownTerminal(let term):
            "the terminal type \(term.map { "\"\($0)\"" } ?? "(TERM is not set)") is unknown; set TERM to your terminal's type, e.g. TERM=xterm-256color"
        case .noCursorAddressing(let term):
            "the terminal type \"\(term ?? "")\" cannot move the cursor, which the full-screen interface needs; set TERM to your terminal's type, e.g. TERM=xterm-256color"
        }
    }
}
