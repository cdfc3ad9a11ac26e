import Foundation
import Testing
import VisorDomain
import VisorRegister
@testable import VisorStore
@testable import VisorTUI

/// Nothing is cut off silently, the screen stays true to the data, and keys
/// behave as in the best terminal tools (issue 10, points 5–7).
@MainActor
@Suite("Key scripts: text that fits, state that stays true, keys that behave")
struct StateAndKeysScriptTests {
    // MARK: Nothing is cut off silently

    @Test("A prompt's field scrolls sideways and keeps the cursor on screen; … marks what scrolled off")
    func promptFieldScrolls() throws {
        let core = try AppCore.signedIn(as: "cpc", width: 80, height: 24, database: try AppFixture.privateCopy())
        try core.selectFirstAnswerableRequest()
        core.press(.character("d"))
        let long = String(repeating: "the requester gave no purpose ", count: 6) + "END"
        core.type(long)
        let frame = core.render()
        let cursor = try #require(frame.cursor)
        #expect(cursor.x < 80 && cursor.x > 0)
        let row = frame.grid.line(y: cursor.y)
        #expect(row.contains("…the requester") || row.contains("…"), "the hidden start is marked: \(row)")
        #expect(row.contains("END"), "the end, where the cursor is, shows: \(row)")
        core.press(.home)
        let atStart = core.render()
        let startRow = atStart.grid.line(y: atStart.cursor?.y ?? 0)
        #expect(startRow.contains("the requester gave"))
        #expect(startRow.contains("…"), "the hidden end is marked")
    }

    @Test("The policy in force wraps its long lines: the whole minimum data set shows")
    func policyWraps() throws {
        let core = try AppCore.signedIn(width: 80, height: 40)
        core.press(.character(":"))
        core.type("policy")
        core.press(.enter)
        var screen = ""
        for _ in 0..<80 {
            screen += core.screenText + "\n"
            core.press(.character("j"))
        }
        for field in Policy.standard.minimumDataSet { #expect(screen.contains(field.rawValue), "\(field.rawValue)") }
        for key in PolicyKey.all { #expect(screen.contains("(\(key.path))"), "\(key.path) is listed") }
        #expect(!screen.contains("…│"), "no line of the policy is cut")
    }

    @Test("A message too long for the status line shows whole in a dialog")
    func longMessageWhole() throws {
        let core = try AppCore.signedIn(width: 80, height: 24)
        let long = "The rules could not be evaluated: " + String(repeating: "a long explanation ", count: 8) + "END"
        core.inbox.post(.failure(long))
        core.drainInbox()
        guard case .detail? = core.overlay else {
            Issue.record("the message shows in a dialog")
            return
        }
        #expect(core.screenText.contains("END"))
        core.press(.enter)
        #expect(core.overlay == nil)
    }

    @Test("A long warning on the sign-in screen (a broken theme file) shows whole")
    func longLoginWarning() throws {
        let core = try AppCore.onLoginScreen(width: 80, height: 24)
        let warning = "theme file /home/someone/.config/visor/themes/mine.toml: line 12: selected_row.foreground: "
            + "'cyanish' is not a colour (a name, #rrggbb or 0-255); the default theme is used instead. END"
        core.showStartupMessage(warning)
        let screen = core.screenText.replacingOccurrences(of: "\n", with: " ")
        #expect(screen.contains("END"))
        #expect(screen.contains("default theme is used"))
    }

    // MARK: State stays true

    @Test("An open record turns into its stub or closes when another terminal ends the agency's partnership")
    func recordFollowsAccess() throws {
        let (police, database) = try AppCore.signedInOnPrivateCopy(as: "police", width: 120, height: 40)
        // A London record the Met partners: the police user sees it whole.
        let nominal = try AppFixture.nominalID(database, """
            SELECT p.nominal_id FROM partnership p JOIN agency a ON a.id = p.agency_id
            JOIN nominal n ON n.id = p.nominal_id JOIN agency o ON o.id = n.owner_agency_id
            WHERE a.name = 'Metropolitan Police Service' AND p.state = 'active' AND o.name = 'London'
            ORDER BY p.nominal_id LIMIT 1
            """)
        police.openRecord(nominal, foundExactly: false)
        #expect(police.record.detail?.access == .full)
        // Another terminal: London's CPC ends the Met's partnership.
        let cpc = try database.signIn(username: "cpc", password: AppFixture.password, channel: .application)
        let met = try #require(try database.agencies().first { $0.name == "Metropolitan Police Service" })
        _ = try database.endPartnership(nominal: .id(nominal), agency: met.id, reason: "No longer needed", by: cpc)
        police.inbox.post(.dataChanged)
        police.drainInbox()
        #expect(police.record.detail == nil, "found by browsing, not by an exact search: it closes")
        #expect(police.paneLines(.record).joined().contains("record was closed"))
        // Found exactly, the same record shows as its stub instead.
        police.openRecord(nominal, foundExactly: true)
        #expect(police.record.detail?.access == .stub)
    }

    @Test("Zoom after G shows a full page of the list")
    func zoomAfterLast() throws {
        let core = try AppCore.signedIn(width: 80, height: 24)
        core.press(.character("G"))
        core.press(.character("z"))
        let rows = core.paneLines(.list).dropFirst(2).dropLast().filter { !$0.trimmingCharacters(in: .whitespaces)
            .trimmingCharacters(in: CharacterSet(charactersIn: "│")).isEmpty }
        #expect(rows.count == core.listVisibleRows, "a full page:\n\(core.screenText)")
        #expect(core.highlightedListLine != nil, "the last row is still selected and on screen")
    }

    @Test("A status message goes after a few seconds, or at the next key")
    func messageClears() throws {
        let clock = TestClock()
        let core = try AppCore.signedIn(width: 80, height: 24, clock: clock)
        core.press(.character("s"))
        #expect(core.statusLineText.contains("Sorted by"))
        clock.advance(minutes: 0.05)
        #expect(!core.tick())
        clock.advance(minutes: 0.1)
        #expect(core.tick(), "redrawn when the message goes")
        #expect(!core.statusLineText.contains("Sorted by"))
        core.press(.character("s"))
        core.press(.character("j"))
        #expect(!core.statusLineText.contains("Sorted by"))
    }

    @Test("n to “Quit anyway?” returns to the draft with its text")
    func quitNoKeepsDraft() throws {
        let core = try AppCore.signedIn(as: "cpc", width: 80, height: 24, database: try AppFixture.privateCopy())
        try core.selectFirstAnswerableRequest()
        core.press(.character("d"))
        core.type("Half a reason")
        core.press(.control("c"))
        #expect(core.screenText.contains("Quit anyway?"))
        core.press(.character("n"))
        guard case .prompt(let state)? = core.overlay else {
            Issue.record("back to the draft")
            return
        }
        #expect(state.field.text == "Half a reason")
        #expect(!core.wantsQuit)
    }

    @Test("A sort on a column the width hides is named in the pane's title")
    func hiddenSortNamed() throws {
        let core = try AppCore.signedIn(width: 80, height: 24)
        while core.list.request.sort != .owner { core.press(.character("s")) }
        #expect(core.paneLines(.list)[0].contains("by owner"))
        core.handle(.resize(width: 200, height: 40))
        #expect(!core.paneLines(.list)[0].contains("by owner"), "shown in the header when the column is there")
        #expect(core.paneLines(.list)[1].contains("Owner▾"))
    }

    @Test("Counters read 0/0 when nothing matches")
    func emptyCounter() throws {
        let core = try AppCore.signedIn(width: 80, height: 24)
        core.type("/zzzzqqq")
        #expect(core.paneLines(.list)[0].contains("0/0"))
    }

    // MARK: Keys

    @Test("Typing /A935234 in the record pane finds in the record and never switches panes")
    func slashInRecord() throws {
        let core = try AppCore.signedIn(width: 120, height: 40)
        core.press(.enter)
        #expect(core.focus == .record)
        core.type("/A935234")
        #expect(core.focus == .record)
        #expect(core.record.find.text == "A935234")
        core.press(.escape)
        #expect(core.focus == .record)
        core.type("/born")
        #expect(core.record.find.isTyping)
        core.press(.enter)
        #expect(core.paneLines(.record)[0].contains("2 Record"))
        let recordTop = core.layout?.panes[.record]?.y ?? 0
        let roles = (recordTop..<recordTop + 10).flatMap { core.render().grid.roles(y: $0) }
        #expect(roles.contains(.searchMatch), "the found word is highlighted")
    }

    @Test("Ctrl-C asks to quit: n stays, y leaves")
    func ctrlCAsks() throws {
        let core = try AppCore.signedIn(width: 80, height: 24)
        core.press(.control("c"))
        #expect(core.screenText.contains("Quit Visor?"))
        core.press(.character("n"))
        #expect(!core.wantsQuit && core.overlay == nil)
        core.press(.control("c"), .character("y"))
        #expect(core.wantsQuit)
    }

    @Test("The help says which keys lock and redraw")
    func helpNamesLockAndRedraw() throws {
        let core = try AppCore.signedIn(width: 120, height: 60)
        core.press(.character("?"))
        let screen = core.screenText
        #expect(screen.contains("Ctrl-X") && screen.contains("Lock the screen"))
        #expect(screen.contains("Ctrl-L Ctrl-R") && screen.contains("Redraw the screen"))
    }
}
