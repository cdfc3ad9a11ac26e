import Testing
import VisorDomain
@testable import VisorTUI

/// Key scripts: opening a record and its tabs, moving between panes, quitting.
@MainActor
@Suite("Key scripts: records, panes and quitting")
struct NavigationScriptTests {
    @Test("Enter opens the selected nominal: the record pane takes the focus; l and h switch tabs")
    func openRecordAndTabs() throws {
        let core = try AppCore.signedIn()
        core.press(.character("j"), .character("j"))
        let row = try #require(core.list.selectedRow)
        core.press(.enter)
        #expect(core.focus == .record)
        #expect(core.focusedPaneOnScreen == .record)
        #expect(core.record.detail?.nominal.id == row.id)
        #expect(core.record.tab == .summary)
        let record = core.paneLines(.record)
        #expect(record[0].contains("2 Record · \(row.displayName)"))
        #expect(record[2].contains(row.displayName), "the summary starts with the name")
        #expect(core.highlightedListLine?.hasPrefix(row.displayName) == true, "the list keeps its selection")

        core.press(.character("l"))
        #expect(core.record.tab == .partners)
        core.press(.right, .character("]"))
        #expect(core.record.tab == .meetings)
        core.press(.character("l"))
        #expect(core.record.tab == .history)
        #expect(core.paneLines(.record)[1].contains("5 History"), "the active tab's title always shows")
        #expect(core.paneLines(.record).joined().contains("validated by"), "the validations show")
        core.press(.character("l"))
        #expect(core.record.tab == .audit)
        #expect(core.paneLines(.record)[1].contains("6 Audit"), "the active tab's title always shows")
        #expect(core.paneLines(.record).joined().contains("spo view record"), "the opening was audited")
        core.press(.character("l"))
        #expect(core.record.tab == .summary, "tabs wrap around")
        core.press(.character("h"))
        #expect(core.record.tab == .audit)
        core.press(.left, .character("["), .character("h"))
        #expect(core.record.tab == .entries)
        // j and k scroll the record (its summary is longer than the pane), not the list.
        core.press(.character("h"), .character("h"))
        #expect(core.record.tab == .summary)
        core.press(.character("j"))
        #expect(core.record.scroll == 1)
        #expect(core.list.selectedRow?.id == row.id)
        // G shows the last page of the record, full: its last line at the bottom, no further.
        core.press(.character("G"))
        let last = core.record.scroll
        core.press(.character("j"))
        #expect(core.record.scroll == last, "j at the end scrolls no further")
    }

    @Test("Tab and Shift-Tab cycle the panes; 1 2 3 4 go to each")
    func focusKeys() throws {
        let core = try AppCore.signedIn()
        #expect(core.focus == .list)
        var order: [PaneID] = []
        for _ in 0..<4 {
            core.press(.tab)
            order.append(core.focus)
            #expect(core.focusedPaneOnScreen == core.focus)
        }
        #expect(order == [.record, .queue, .actions, .list])
        core.press(.backTab)
        #expect(core.focus == .actions)
        core.press(.backTab, .backTab)
        #expect(core.focus == .record)
        for (key, pane) in [("3", PaneID.queue), ("1", .list), ("4", .actions), ("2", .record)] {
            core.press(.character(Character(key)))
            #expect(core.focus == pane)
            #expect(core.focusedPaneOnScreen == pane)
        }
    }

    @Test("In the partner queue j moves the selection, Enter shows the request whole, o opens its nominal")
    func queueOpensRecord() throws {
        let core = try AppCore.signedIn()
        core.press(.character("3"))
        let items = core.queue.shown
        try #require(items.count >= 2)
        #expect(core.paneLines(.queue)[0].contains("\(core.queue.incomingCount) in"))
        core.press(.character("j"))
        #expect(core.queue.selected == 1)
        core.press(.character("G"))
        #expect(core.queue.selected == items.count - 1)
        core.press(.character("g"), .character("j"))
        core.press(.enter)
        #expect(core.focus == .queue, "Enter shows the request before anything else")
        let screen = core.screenText
        #expect(screen.contains("Partner request \(items[1].requestID)"))
        #expect(screen.contains("Their reason"))
        core.press(.character("o"))
        #expect(core.focus == .record)
        #expect(core.record.detail?.nominal.id == items[1].nominalID)
    }

    @Test("z zooms the focused pane and back")
    func zoom() throws {
        let core = try AppCore.signedIn()
        core.press(.character("z"))
        #expect(core.zoomed == .list)
        #expect(core.layout?.panes.keys.map { $0 } == [.list])
        #expect(core.listVisibleRows == 20)
        core.press(.character("z"))
        #expect(core.zoomed == nil)
        #expect(core.layout?.panes.count == 4)
    }

    @Test("q sets wantsQuit")
    func quit() throws {
        let core = try AppCore.signedIn()
        #expect(!core.wantsQuit)
        core.press(.character("q"))
        #expect(core.wantsQuit)
    }

    @Test("q while typing a search is a letter, not quit")
    func qInSearch() throws {
        let core = try AppCore.signedIn()
        core.press(.character("/"))
        core.type("q")
        #expect(!core.wantsQuit)
        #expect(core.list.request.search == "q")
    }
}
