import Testing
import VisorDomain
@testable import VisorTUI

/// Whole-screen text snapshots of the application on the shared demo
/// register, each at 80×24 and 120×40, in `__Snapshots__/app-*.txt`
/// (re-recorded with `VISOR_RECORD_SNAPSHOTS=1`).
///
/// The list shows the demo's nominals (so these snapshots are re-recorded
/// when the demo's generator changes); the record, the queue and the actions
/// show data fixed by `AppFixture`. Each test starts from a new core and opens its own records, so the audit
/// lines it shows are its own: the record snapshots open a nominal no other
/// test opens, once, and draw it at both sizes. Wrong passwords are typed for
/// users the key scripts do not refuse (admin, police), so that no account
/// comes near the lockout (5 failures; the fixed clock never lets it lapse).
@MainActor
@Suite("Application screens as text snapshots")
struct AppSnapshotTests {
    static let sizes = [(width: 80, height: 24), (width: 120, height: 40)]

    /// A core signed in through the keys, its partner queue replaced by the fixed one.
    func signedIn(as username: String = "spo", clock: any VisorClock = AppFixture.clock) throws -> AppCore {
        let core = try AppCore.signedIn(as: username, clock: clock, database: try AppFixture.pristineCopy(clock: clock))
        core.inbox.post(.queue(QueueLoad(items: AppFixture.queueItems)))
        core.drainInbox()
        return core
    }

    /// Snapshots the core's screen at each size, named `app-NAME-WxH`.
    func snapshotAtBothSizes(_ core: AppCore, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for size in Self.sizes {
            core.handle(.resize(width: size.width, height: size.height))
            assertSnapshot(core.render().grid, named: "app-\(name)-\(size.width)x\(size.height)",
                           sourceLocation: sourceLocation)
        }
    }

    /// Presses each step's keys in turn, snapshotting the screen at both sizes after each step.
    func snapshotSteps(_ core: AppCore, _ steps: [(keys: [Key], name: String)],
                       sourceLocation: SourceLocation = #_sourceLocation) {
        for step in steps {
            for key in step.keys { core.handle(.key(key)) }
            snapshotAtBothSizes(core, step.name, sourceLocation: sourceLocation)
        }
    }

    @Test("The sign-in screen, with the user name typed")
    func loginScreen() throws {
        let core = try AppCore.onLoginScreen()
        core.type("admin")
        snapshotAtBothSizes(core, "login")
        core.press(.enter)
        core.type("wrong")
        core.press(.enter)
        core.completePendingWork()
        snapshotAtBothSizes(core, "login-refused")
    }

    @Test("The instruction's duties at a first sign-in")
    func acknowledgementScreen() throws {
        let core = try AppCore.onLoginScreen()
        core.signIn(AppFixture.newStarters[1], password: AppFixture.password)
        try #require(core.screen == .acknowledge)
        snapshotAtBothSizes(core, "acknowledge")
        // At 80×24 the duties do not all fit: G shows the end, and the hint goes.
        core.handle(.resize(width: 80, height: 24))
        core.press(.character("G"))
        assertSnapshot(core.render().grid, named: "app-acknowledge-end-80x24")
    }

    @Test("The nominal list, focused, with the queue loaded and the rules not yet evaluated")
    func list() throws {
        snapshotSteps(try signedIn(as: "spo"), [
            ([], "list"),
            ([.character("j"), .character("j"), .character("s")], "list-sorted-by-birth"),
        ])
    }

    @Test("The record pane, focused, on each of its tabs")
    func recordTabs() throws {
        let core = try signedIn(as: "spo")
        core.press(.character("/"))
        core.type(AppFixture.recordSnapshotCRN)
        core.press(.enter, .enter)
        try #require(core.focus == .record)
        try #require(core.record.detail?.nominal.crn?.description == AppFixture.recordSnapshotCRN)
        for tab in RecordTab.allCases {
            #expect(core.record.tab == tab)
            snapshotAtBothSizes(core, "record-\(tab.rawValue + 1)-\(tab.title.lowercased().replacingOccurrences(of: " ", with: "-"))")
            core.press(.character("l"))
        }
        core.press(.character("z"))
        snapshotAtBothSizes(core, "record-zoomed-summary")
    }

    @Test("The partner queue, focused, with a row selected")
    func partnerQueue() throws {
        let core = try signedIn(as: "spo")
        core.press(.character("3"), .character("j"))
        try #require(core.queue.items.count >= 2)
        snapshotAtBothSizes(core, "queue")
    }

    @Test("The actions pane, focused, read from the register's kept actions at sign-in")
    func actionsPane() throws {
        snapshotSteps(try signedIn(as: "spo"), [([.character("4")], "actions"), ([.character("f")], "actions-overdue-only")])
    }

    @Test("Help: the keys of the registry and Annex A, for a read-only SPO and for a CPC")
    func help() throws {
        snapshotSteps(try signedIn(as: "spo"), [
            ([.character("?")], "help-spo"),
            ([.pageDown, .pageDown, .pageDown], "help-spo-annex-a"),
        ])
        snapshotSteps(try signedIn(as: "cpc"), [([.character("?")], "help-cpc")])
    }

    @Test("The command palette, empty and filtered")
    func palette() throws {
        snapshotSteps(try signedIn(as: "spo"), [([.character(":")], "palette"), ("tab".map { .character($0) }, "palette-tab")])
    }

    @Test("The idle lock over an open record")
    func lockScreen() throws {
        let clock = TestClock()
        let core = try signedIn(as: "police", clock: clock)
        clock.advance(minutes: 15)
        #expect(core.tick())
        snapshotAtBothSizes(core, "lock")
        core.type("nope")
        core.press(.enter)
        snapshotAtBothSizes(core, "lock-refused")
    }

    @Test("Below 60×16: only the message, and nothing crashes", arguments: [(59, 16), (60, 15), (40, 12), (1, 1)])
    func tooSmall(size: (Int, Int)) throws {
        let core = try signedIn(as: "spo")
        core.handle(.resize(width: size.0, height: size.1))
        let grid = core.render().grid
        #expect(grid.width == size.0 && grid.height == size.1)
        assertSnapshot(grid, named: "app-too-small-\(size.0)x\(size.1)")
        let message = Layout.tooSmallMessage(width: size.0, height: size.1)
        let shown = grid.lines().map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if size.0 >= 40 {
            #expect(shown.joined(separator: " ") == message)
        } else {
            #expect(shown == ["T"], "a 1×1 terminal shows the message's first letter")
        }
    }

    @Test("Wide and accented names line up in their columns")
    func wideCharacters() throws {
        let core = try signedIn(as: "spo")
        core.press(.character("/"))
        core.type(AppFixture.wideDateOfBirth.iso)
        core.press(.enter)
        try #require(core.list.rows.count == AppFixture.wideNames.count)
        snapshotAtBothSizes(core, "wide-names")
        // Every row's date of birth starts in the same column, whatever the name's script.
        for size in Self.sizes {
            core.handle(.resize(width: size.width, height: size.height))
            let grid = core.render().grid
            let list = try #require(core.layout?.panes[.list])
            let columns = (0..<AppFixture.wideNames.count).compactMap { row -> Int? in
                let y = list.y + 2 + row
                return (list.x..<list.maxX - 10).first { x in
                    (0..<10).map { String(grid[x: x + $0, y: y].character) }.joined() == AppFixture.wideDateOfBirth.iso
                }
            }
            #expect(columns.count == AppFixture.wideNames.count)
            #expect(Set(columns).count == 1, "dates start in columns \(columns) at \(size.width)×\(size.height)")
        }
    }
}
