/// Finds the line of a key in TOML text. The parser reports lines only for
/// syntax errors, yet a warning about a bad value should point at its line too.
///
/// It understands what theme files use: `[table]` headers, `key = …` lines,
/// and dotted or inline tables at the top level (`overdue.bold = …`, `overdue = {…}`).
struct TOMLLineLocator {
    private let lines: [Substring]

    init(text: String) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// The 1-based line of `key` inside `table` (nil: the top level), or of the
    /// `[table]` header itself when `key` is nil; nil when not found.
    func line(table: String?, key: String?) -> Int? {
        var current: String?
        for (index, raw) in lines.enumerated() {
            let line = raw.trimmingEnds(of: " \t\r")
            if line.hasPrefix("[") {
                current = String(line.dropFirst().prefix { $0 != "]" }).trimmingEnds(of: " \t\"'")
                if key == nil, current == table { return index + 1 }
                continue
            }
            let assigned = line.prefix { $0 != "=" }.trimmingEnds(of: " \t\"'")
            guard line.contains("=") else { continue }
            if let key, current == table, assigned == key { return index + 1 }
            if current == nil, let table {
                if let key, assigned == "\(table).\(key)" { return index + 1 }
                if assigned == table { return index + 1 }
            }
        }
        return nil
    }
}

fileprivate extension StringProtocol {
    /// The text without the given characters at either end.
    func trimmingEnds(of set: String) -> String {
        let drop: (Character) -> Bool = { set.contains($0) }
        guard let first = firstIndex(where: { !drop($0) }), let last = lastIndex(where: { !drop($0) }) else { return "" }
        return String(self[first...last])
    }
}
