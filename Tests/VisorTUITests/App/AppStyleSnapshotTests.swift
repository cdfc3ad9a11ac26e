import Foundation
import Testing
import VisorDomain
@testable import VisorTUI

/// Style snapshots (`__Snapshots__/app-*.styles.txt`, see `assertStyleSnapshot`)
/// of the application as xterm paints it: the dark themes on gray90-on-black,
/// the light one on black-on-white. They catch what the character snapshots
/// cannot: a selected row in grey on cyan, a dialog whose text shows the
/// terminal's background between the words.
///
/// No record is opened here: the record snapshots rely on no other test
/// opening their nominal (AppSnapshotTests).
@MainActor
@Suite("Application screens as xterm paints them: style snapshots and contrast")
struct AppStyleSnapshotTests {
    /// A screen of the application, set up on a new core.
    enum Scene: String, CaseIterable, Sendable {
        case login, list, help, palette, policy, prompt, lock

        @MainActor func core() throws -> AppCore {
            if self == .login {
                let core = try AppCore.onLoginScreen()
                core.type("admin")
                return core
            }
            let core = try AppCore.signedIn(as: "spo", database: try AppFixture.pristineCopy())
            core.inbox.post(.queue(QueueLoad(items: AppFixture.queueItems)))
            core.drainInbox()
            switch self {
            case .login, .list: break
            case .help: core.press(.character("?"))
            case .palette: core.press(.character(":"))
            case .policy: core.overlay = .policy(scroll: 0)
            case .prompt:
                var state = PromptState(title: "Decline HMP Belmarsh's request", label: "Reason (required)",
                                        purpose: .declineRequest(9_001))
                state.message = "A reason is needed."
                core.overlay = .prompt(state)
            case .lock: core.lock = { var lock = LockState(reason: .idle(minutes: 15)); lock.message = "Wrong password."; return lock }()
            }
            return core
        }
    }

    func grid(_ scene: Scene, width: Int = 80, height: Int = 24) throws -> ScreenGrid {
        let core = try scene.core()
        core.handle(.resize(width: width, height: height))
        return core.render().grid
    }

    @Test("The default theme at 80×24, in xterm's gray90 on black", arguments: Scene.allCases)
    func defaultTheme(scene: Scene) throws {
        assertStyleSnapshot(try grid(scene), theme: .default, terminal: .dark, named: "app-\(scene.rawValue)-80x24")
    }

    @Test("The light theme at 80×24, in xterm's black on white", arguments: [Scene.list, .help])
    func lightTheme(scene: Scene) throws {
        let light = isolatedLoader().load("light").theme
        assertStyleSnapshot(try grid(scene), theme: light, terminal: .light, named: "app-\(scene.rawValue)-80x24-light")
    }

    @Test("Every cell of every screen reaches 4.5:1 in every shipped theme", arguments: Scene.allCases)
    func everyCellReadable(scene: Scene) throws {
        for (width, height) in [(80, 24), (120, 40)] {
            let grid = try grid(scene, width: width, height: height)
            for name in shippedThemeNames {
                let theme = isolatedLoader().load(name).theme
                for terminal in ThemeContrastTests.terminals(for: name) {
                    var short: [String: Double] = [:]
                    for y in 0..<grid.height {
                        for x in 0..<grid.width {
                            let cell = grid[x: x, y: y]
                            let ratio = terminal.colours.contrast(of: theme.style(for: cell.role, over: cell.surface))
                            if ratio < ThemeContrastTests.minimum {
                                short["\(cell.role.rawValue) on \(cell.surface.rawValue)"] = ratio
                            }
                        }
                    }
                    let named = short.sorted { $0.key < $1.key }.map { "\($0.key) " + String(format: "%.2f:1", $0.value) }
                    #expect(short.isEmpty, "\(name), \(scene.rawValue) at \(width)×\(height) (\(terminal.name)): \(named)")
                }
            }
        }
    }
}
