import Testing
import VisorDomain
@testable import VisorTUI

/// Scripts with the mouse, terminal resizes and the idle lock.
@MainActor
@Suite("Key scripts: mouse, resize and the idle lock")
struct MouseResizeLockScriptTests {
    @Test("A click on a list row selects it and focuses the list; a click in another pane focuses that pane")
    func clickSelectsAndFocuses() throws {
        let core = try AppCore.signedIn()
        let list = try #require(core.layout?.panes[.list])
        let record = try #require(core.layout?.panes[.record])
        core.mouse(.click, x: record.x + 3, y: record.y + 3)
        #expect(core.focus == .record)
        #expect(core.focusedPaneOnScreen == .record)
        // Rows start two lines below the list's top border (border, header).
        core.mouse(.click, x: list.x + 5, y: list.y + 2 + 4)
        #expect(core.focus == .list)
        #expect(core.list.selected == 4)
        #expect(core.highlightedListLine?.hasPrefix(core.list.rows[4].displayName) == true)
        core.mouse(.release, x: list.x + 5, y: list.y + 2 + 6)
        #expect(core.list.selected == 4, "a release alone selects nothing")
        core.mouse(.doubleClick, x: list.x + 5, y: list.y + 2 + 1)
        #expect(core.list.selected == 1)
        #expect(core.focus == .record, "a double click opens the row")
        #expect(core.record.detail?.nominal.id == core.list.rows[1].id)
        let queue = try #require(core.layout?.panes[.queue])
        core.mouse(.click, x: queue.x + 4, y: queue.y + 2)
        #expect(core.focus == .queue)
        #expect(core.queue.selected == 1)
        core.mouse(.click, x: 10, y: core.height - 1)
        #expect(core.focus == .queue, "the status line is no pane")
    }

    @Test("A click on a column heading sorts by it")
    func clickHeadingSorts() throws {
        let core = try AppCore.signedIn()
        let list = try #require(core.layout?.panes[.list])
        let header = core.paneLines(.list)[1]
        let column = try #require(header.range(of: "Born")).lowerBound
        core.mouse(.click, x: list.x + header.distance(from: header.startIndex, to: column), y: list.y + 1)
        #expect(core.list.request.sort == .dateOfBirth)
        #expect(core.paneLines(.list)[1].contains("Born▾"))
    }

    @Test("The wheel scrolls the pane under the pointer by three rows and focuses it")
    func wheelScrolls() throws {
        let core = try AppCore.signedIn()
        let list = try #require(core.layout?.panes[.list])
        core.mouse(.wheelDown, x: list.x + 5, y: list.y + 4)
        #expect(core.list.selected == 3)
        core.mouse(.wheelDown, x: list.x + 5, y: list.y + 4)
        core.mouse(.wheelDown, x: list.x + 5, y: list.y + 4)
        #expect(core.list.selected == 9)
        #expect(core.list.top == 2, "the selection stays on screen")
        core.mouse(.wheelUp, x: list.x + 5, y: list.y + 4)
        #expect(core.list.selected == 6)
        core.press(.enter)
        let record = try #require(core.layout?.panes[.record])
        core.press(.character("1"))
        core.mouse(.wheelDown, x: record.x + 2, y: record.y + 2)
        #expect(core.focus == .record)
        #expect(core.record.scroll == 3)
        #expect(core.list.selected == 6)
    }

    @Test("Resizing to 40×12 shows the message; back at 80×24 everything is as it was")
    func resizeKeepsState() throws {
        let core = try AppCore.signedIn()
        core.press(.character("/"))
        core.type("wój")
        core.press(.enter, .character("j"), .enter, .character("l"))
        let before = (search: core.list.request.search, selected: core.list.selected, focus: core.focus,
                      record: core.record.detail?.nominal.id, tab: core.record.tab, screen: core.screenText)
        #expect(before.focus == .record)
        core.handle(.resize(width: 40, height: 12))
        #expect(core.screenText.contains("Terminal too small: need 60×16, have"))
        #expect(core.screenText.contains("40×12"))
        core.press(.character("j"))
        core.mouse(.click, x: 5, y: 5)
        #expect(core.render().grid.width == 40)
        core.handle(.resize(width: 120, height: 40))
        #expect(core.paneLines(.record)[0].contains("2 Record"))
        core.handle(.resize(width: 80, height: 24))
        #expect(core.list.request.search == before.search)
        #expect(core.list.selected == before.selected)
        #expect(core.focus == before.focus)
        #expect(core.record.detail?.nominal.id == before.record)
        #expect(core.record.tab == before.tab)
        // The j typed while too small reached the focused record, whose partners tab has nothing below: the
        // scroll stays within the text.
        #expect(core.record.scroll == 0)
        #expect(core.screenText == before.screen)
    }

    @Test("Resizing keeps the selected row on screen")
    func resizeKeepsSelectionVisible() throws {
        let core = try AppCore.signedIn(width: 120, height: 40)
        core.press(.character("j"), times: 30)
        core.handle(.resize(width: 80, height: 24))
        #expect(core.list.selected == 30)
        #expect(core.highlightedListLine?.hasPrefix(core.list.rows[30].displayName) == true)
        core.handle(.resize(width: 60, height: 16))
        #expect(core.highlightedListLine != nil)
        for size in [(1, 1), (0, 0), (59, 16), (60, 15), (200, 60)] {
            core.handle(.resize(width: size.0, height: size.1))
            _ = core.render()
        }
        core.handle(.resize(width: 80, height: 24))
        #expect(core.list.selected == 30)
    }

    @Test("After 15 idle minutes the screen locks, keeps the open record, and unlocks with the password")
    func idleLock() throws {
        let clock = TestClock()
        let core = try AppCore.signedIn(as: "spo", clock: clock)
        core.press(.character("j"), .enter, .character("l"))
        let open = try #require(core.record.detail?.nominal.id)
        clock.advance(minutes: 10)
        core.press(.character("l"))
        clock.advance(minutes: 10)
        #expect(!core.tick(), "a key restarts the idle time")
        clock.advance(minutes: 4)
        #expect(!core.tick())
        #expect(core.lock == nil)
        clock.advance(minutes: 1)
        #expect(core.tick())
        #expect(core.lock != nil)
        #expect(core.screenText.contains("Screen locked"))
        #expect(core.screenText.contains("Password for spo:"))
        #expect(!core.screenText.contains(core.record.detail?.nominal.displayName ?? "?"), "nothing shows behind the lock")
        // Keys go to the password field: q does not quit, j does not move.
        core.type("qj")
        #expect(!core.wantsQuit)
        #expect(core.screenText.contains("Locked after 15 minutes without a key"))
        core.press(.enter)
        #expect(core.screenText.contains("Checking the password…"), "the KDF's wait is said before it runs")
        core.completePendingWork()
        #expect(core.lock != nil)
        #expect(core.screenText.contains("Incorrect user name or password"))
        core.type(AppFixture.password)
        #expect(!core.screenText.contains(AppFixture.password))
        core.press(.enter)
        core.completePendingWork()
        #expect(core.lock == nil)
        #expect(core.record.detail?.nominal.id == open)
        #expect(core.record.tab == .entries)
        #expect(core.focus == .record)
        #expect(!core.tick(), "unlocking restarts the idle time")
        clock.advance(minutes: 15)
        #expect(core.tick(), "and it locks again after another 15 minutes")
    }

    @Test("Ctrl-X locks at once and says the user locked it; Ctrl-L redraws; Ctrl-C on the lock screen leaves")
    func lockNow() throws {
        let core = try AppCore.signedIn(as: "om")
        core.press(.control("l"))
        #expect(core.lock == nil, "Ctrl-L redraws, as in htop, vim and less")
        #expect(core.wantsFullRepaint)
        core.press(.control("x"))
        #expect(core.lock != nil)
        #expect(core.screenText.contains("You locked the screen (Ctrl-X)"))
        core.mouse(.click, x: 5, y: 5)
        #expect(core.lock != nil, "the mouse does nothing behind the lock")
        core.press(.control("c"))
        #expect(core.wantsQuit)
    }

    @Test("No lock on the sign-in screen however long it waits")
    func noLockBeforeSignIn() throws {
        let clock = TestClock()
        let core = try AppCore.onLoginScreen(clock: clock)
        clock.advance(minutes: 60)
        #expect(!core.tick())
        #expect(core.lock == nil)
    }
}
