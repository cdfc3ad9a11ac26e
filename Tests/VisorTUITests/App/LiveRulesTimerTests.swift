import Foundation
import Testing
import VisorDomain
import VisorDemo
import VisorRegister
@testable import VisorStore
@testable import VisorTUI

/// The rules timer: another connection commits a change, and the status
/// line's `N overdue` changes without a key being pressed.
@Suite("Rules timer: live updates without a key press")
@MainActor
struct LiveRulesTimerTests {
    static let today = LocalDate(year: 2026, month: 11, day: 25)!

    /// Drains the inbox until `done` holds (or about ten seconds pass); no key is pressed.
    func waitFor(_ core: AppCore, _ done: () -> Bool) async -> Bool {
        for _ in 0..<200 {
            core.drainInbox()
            if done() { return true }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return false
    }

    func statusLine(_ core: AppCore) -> String { core.render().grid.lines().last ?? "" }

    @Test("A change committed elsewhere makes the overdue count and the actions pane change by themselves")
    func overdueCountFollowsOtherConnections() async throws {
        let folder = try TemporaryDemo()
        let (core, path, clock) = try folder.signedInCPC()
        defer { core.stopBackgroundWork() }
        #expect(core.screen == .main)
        #expect(core.actions.loaded, "read at sign-in, before the first frame")
        let before = core.actions.overdueCount
        #expect(statusLine(core).contains("cpc · London · \(before) overdue"))
        let duty = try #require(try core.actions.everyShown(all: true).first { $0.action.rule == .r6 && $0.state == .overdue })
        let nominal = try #require(duty.action.nominalID)

        // Another connection (as another terminal would) makes the police a partner: the R6 duty is met.
        let elsewhere = try AppDatabase.open(path: path, clock: clock)
        let cpc = try #require(try elsewhere.user(named: "cpc"))
        let force = try #require(try elsewhere.dutyPartner(for: nominal))
        _ = try elsewhere.addPartner(nominal: .id(nominal), agency: force.id, restricted: false, by: cpc)

        #expect(await waitFor(core) { core.actions.overdueCount == before - 1 })
        #expect(statusLine(core).contains("cpc · London · \(before - 1) overdue"))
        #expect(!(try core.actions.everyShown(all: true)).contains { $0.action == duty.action })
    }

    @Test("A date of birth corrected elsewhere shows in the list by itself; a partner request elsewhere leaves the list unread")
    func listFollowsItsOwnCounter() async throws {
        let folder = try TemporaryDemo()
        let (core, path, clock) = try folder.signedInCPC()
        defer { core.stopBackgroundWork() }
        let first = try #require(core.list.rows.first)

        let elsewhere = try AppDatabase.open(path: path, clock: clock)
        let cpc = try #require(try elsewhere.user(named: "cpc"))
        let london = cpc.agencyID
        let before = try elsewhere.listChangeVersion(of: london)
        // A partner request on a London record: the queue and the actions change, the list does not.
        let police = try #require(try elsewhere.user(named: "police"))
        let other = try #require(core.list.rows.dropFirst().first { row in
            (try? elsewhere.recordAccess(row.id, for: police, foundExactly: true)) == .stub
        })
        _ = try elsewhere.requestPartnership(nominal: .id(other.id), reason: "held locally", by: police)
        #expect(try elsewhere.listChangeVersion(of: london) == before)
        // A date of birth corrected: London's list counter moves, and the list shows it by itself.
        let corrected = first.dateOfBirth.adding(days: 1)
        _ = try elsewhere.editNominal(first.id, changes: NominalDraft(values: [.dateOfBirth: corrected.iso]),
                                      expectedVersion: nil, by: cpc, policy: Policy())
        #expect(try elsewhere.listChangeVersion(of: london) == before + 1)
        #expect(await waitFor(core) { core.list.rows.contains { $0.id == first.id && $0.dateOfBirth == corrected } })
    }
}

/// A demonstration register in a folder of its own, removed afterwards, and the CPC signed in on it
/// with the rules timer polling fast: what another connection commits shows without a key press.
final class TemporaryDemo {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("visor-timer-\(UUID().uuidString)")

    init() throws { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }

    deinit { try? FileManager.default.removeItem(at: folder) }

    @MainActor
    func signedInCPC() throws -> (AppCore, String, FixedClock) {
        let path = folder.appendingPathComponent("demo.sqlite").path
        let clock = FixedClock(date: LiveRulesTimerTests.today)
        _ = try AppDatabase.createDemo(path: path, nominals: 2_000, seed: 5, today: LiveRulesTimerTests.today,
                                       clock: clock)
        let database = try AppDatabase.open(path: path, clock: clock)
        let core = AppCore(database: database, policy: Policy(), clock: clock,
                           options: AppOptions(prefilledUser: "cpc", pollSeconds: 0.05))
        core.resize(width: 120, height: 40)
        for character in "demo" { core.handle(.key(.character(character))) }
        core.handle(.key(.enter))
        core.completePendingWork()
        return (core, path, clock)
    }
}
