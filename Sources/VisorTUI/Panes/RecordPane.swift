import VisorDomain
import VisorStore

/// The tabs of the record pane.
public enum RecordTab: Int, CaseIterable, Sendable {
    case summary, partners, entries, meetings, audit

    public var title: String {
        switch self {
        case .summary: "Summary"
        case .partners: "Partners"
        case .entries: "Entries"
        case .meetings: "MAPP meetings"
        case .audit: "Audit"
        }
    }
}

/// The open record: what the store let this user see, the tab, the scroll.
public struct RecordPane: Sendable {
    public var detail: RecordDetail?
    public var tab: RecordTab = .summary
    public var scroll = 0
    /// True when the record was found by an exact search (so a stub may show).
    public var foundExactly = false
    public var message: String?
    /// `/` in the record: the text found in the open tab, highlighted.
    public var find = PaneFilter()

    public init() {}

    mutating func show(_ detail: RecordDetail) {
        self.detail = detail
        scroll = 0
        message = nil
        if detail.access == .stub { tab = .summary }
    }

    /// Closes the record with a message (the user's agency lost access to it).
    mutating func close(saying message: String) {
        detail = nil
        scroll = 0
        tab = .summary
        find.clear()
        self.message = message
    }

    mutating func switchTab(by delta: Int) {
        let count = RecordTab.allCases.count
        tab = RecordTab(rawValue: (tab.rawValue + delta + count) % count) ?? .summary
        scroll = 0
    }
}

/// A line of text in a role, for panes that show prose.
struct StyledLine: Sendable, Hashable {
    var text: String
    var role: ThemeRole = .normal
}

/// Breaks text into lines of at most `width` display columns, at spaces where possible.
enum TextWrap {
    /// The lines are of the text as shown, escaped (`TerminalText`): a word is cut by what
    /// `DisplayWidth.truncate` returns, so both must count the same characters.
    static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        let text = TerminalText.escaped(text)
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false).map(String.init) {
            let candidate = current.isEmpty ? word : current + " " + word
            if DisplayWidth.of(candidate) <= width {
                current = candidate
                continue
            }
            if !current.isEmpty { lines.append(current) }
            var rest = word
            while DisplayWidth.of(rest) > width {
                let head = DisplayWidth.truncate(rest, to: width, ellipsis: false)
                lines.append(head)
                rest = String(rest.dropFirst(head.count))
            }
            current = rest
        }
        if !current.isEmpty || lines.isEmpty { lines.append(current) }
        return lines
    }
}
