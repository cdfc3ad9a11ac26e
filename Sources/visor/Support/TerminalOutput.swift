import VisorDomain

/// Every line this executable prints on standard output, escaped
/// (`TerminalText`): a name, a path or an agency with an escape sequence in
/// it shows as `\x1b[2J` instead of clearing the reader's screen.
///
/// This shadows the standard library's `print` in this module on purpose, so
/// that a new message cannot forget. Escaping twice changes nothing, so text
/// already escaped (a table's cells, JSON) passes through as it is.
func print(_ line: String) {
    Swift.print(TerminalText.escaped(line))
}
