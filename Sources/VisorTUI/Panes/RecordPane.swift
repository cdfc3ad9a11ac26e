import VisorDomain
import VisorRegister

/// The tabs of the record pane.
public enum RecordTab: Int, CaseIterable, Sendable {
    case summary, partners, entries, meetings, history, audit

    public var title: String {
        switch self {
        case .summary: "Summary"
        case .partners: "Partners"
        case .entries: "Entries"
        case .meetings: "MAPP meetings"
        case .history: "History"
        case .audit: "Audit"
        }
    }
}

extension PaneID {
    public static let record = PaneID("Record", goTo: "the record")
}

/// The open record: what the store let this user see, the tab, the scroll.
public final class RecordPane: Pane {
    public let id = PaneID.record
    public var detail: RecordDetail?
    public var tab: RecordTab = .summary
    public var scroll = 0
    /// True when the record was found by an exact search (so a stub may show).
    public var foundExactly = false
    public var message: String?
    /// `/` in the record: the text found in the open tab, highlighted.
    public var find = PaneFilter()

    public init() {}

    public var bindings: [Binding] {
        let owned: @MainActor @Sendable (AppCore) -> String? = {
            $0.record.detail?.access == .full ? nil : "Open a record your agency owns or partners"
        }
        return [
            Binding("nextTab", "Next tab", keys: [.character("l"), .right, .character("]")], scope: .pane(id),
                    run: { $0.record.switchTab(by: 1) }),
            Binding("previousTab", "Previous tab", keys: [.character("h"), .left, .character("[")], scope: .pane(id),
                    run: { $0.record.switchTab(by: -1) }),
            Binding("findInRecord", "Find in the record", keys: [.character("/")], scope: .pane(id),
                    whyNot: { $0.record.detail == nil ? "Open a record first: / then finds in it" : nil },
                    run: { $0.record.beginFilter(core: $0) }),
            Binding("requestPartnership", "Request partnership (stub)", keys: [.character("r")], scope: .pane(id),
                    changesData: true,
                    whyNot: { core in
                        guard let detail = core.record.detail else { return "Open a record first" }
                        return detail.access == .stub ? nil : "Your agency already sees this record"
                    },
                    run: { $0.askForPartnership() }),
            Binding("addDutyPartner", "Make the partner R5/R6 requires", keys: [.character("p")], scope: .pane(id),
                    changesData: true, whyNot: owned, run: { $0.confirmDutyPartner() }),
            Binding("createNominal", "Create a nominal (your agency owns it)", keys: [.character("c")], scope: .pane(id),
                    changesData: true, run: { $0.openCreateForm() }),
            Binding("editRecord", "Edit core data in a form (every field at once)", keys: [.character("E")],
                    scope: .pane(id), changesData: true, whyNot: { $0.recordStepProblem(.editCore) },
                    run: { $0.openEditForm() }),
            Binding("newEntry", "New entry (information, intelligence, risk assessment, …)", keys: [.character("n")],
                    scope: .pane(id), changesData: true, whyNot: { $0.recordStepProblem(.addEntry) },
                    run: { $0.openRecordForm(.entry) }),
            Binding("newMeeting", "Record a MAPP meeting (R11)", keys: [.character("m")], scope: .pane(id),
                    changesData: true, whyNot: { $0.recordStepProblem(.addMeeting) },
                    run: { $0.openRecordForm(.meeting) }),
            Binding("validateRecord", "Validate, or review, the record (R10)", keys: [.character("v")],
                    scope: .pane(id), changesData: true,
                    whyNot: { $0.recordStepProblem($0.record.detail?.nextCheck.permission ?? .validate) },
                    run: { $0.openRecordForm(.check) }),
            Binding("recordNotification", "Record an annual notification (R16)", keys: [.character("N")],
                    scope: .pane(id), changesData: true, whyNot: { $0.recordStepProblem(.recordNotification) },
                    run: { $0.openRecordForm(.notification) }),
            Binding("transferRecord", "Transfer the record to another agency", keys: [.character("t")],
                    scope: .pane(id), changesData: true, whyNot: { $0.recordStepProblem(.transfer) },
                    run: { $0.openRecordForm(.transfer) }),
            Binding("endPartnership", "End a partnership: choose which, give a reason", keys: [.character("e")],
                    scope: .pane(id), changesData: true,
                    whyNot: { core in
                        guard let detail = core.record.detail, detail.access == .full, !detail.partners.isEmpty else {
                            return "Open a record your agency owns that has a partner"
                        }
                        return nil
                    },
                    run: { $0.choosePartnerToEnd() }),
        ]
    }

    func show(_ detail: RecordDetail) {
        self.detail = detail
        scroll = 0
        message = nil
        if detail.access == .stub { tab = .summary }
    }

    /// Closes the record with a message (the user's agency lost access to it).
    func close(saying message: String) {
        detail = nil
        scroll = 0
        tab = .summary
        find.clear()
        self.message = message
    }

    func switchTab(by delta: Int) {
        let count = RecordTab.allCases.count
        tab = RecordTab(rawValue: (tab.rawValue + delta + count) % count) ?? .summary
        scroll = 0
    }

    public func draw(into grid: inout ScreenGrid, rect: Rect, focused: Bool, context: PaneContext) -> (x: Int, y: Int)? {
        RecordView.draw(self, into: &grid, rect: rect, focused: focused)
        return find.cursor(in: rect.inset(by: 1).splitRows(bottom: 1).bottom, count: 0)
    }

    public func visibleRows(in rect: Rect) -> Int { max(0, rect.height - 3 - (find.isShown ? 1 : 0)) }

    public func move(by delta: Int, visibleRows: Int, core: AppCore) {
        scroll = min(max(0, scroll + delta), RecordView.maxScroll(self, rect: core.rect(of: id)))
    }

    public func jump(toFirst: Bool, visibleRows: Int, core: AppCore) {
        scroll = toFirst ? 0 : RecordView.maxScroll(self, rect: core.rect(of: id))
    }

    public func fit(visibleRows: Int, core: AppCore) {
        guard let rect = core.rect(of: id) else { return }
        scroll = min(scroll, RecordView.maxScroll(self, rect: rect))
    }

    public var isTypingFilter: Bool { find.isTyping }

    public func beginFilter(core: AppCore) { find.begin() }

    public func clearFilter(core: AppCore) { find.clear() }

    public func typeFilter(_ key: Key, core: AppCore) -> Key? {
        let before = find.text
        let then = find.edit(key)
        if find.text != before, let first = RecordView.firstMatch(self, rect: core.rect(of: id)) { scroll = first }
        return then
    }

    /// The record is opened by the other panes (Enter), not loaded on its own.
    public func reload(core: AppCore) {}
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
