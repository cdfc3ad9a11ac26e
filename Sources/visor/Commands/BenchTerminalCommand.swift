import ArgumentParser
import Foundation
import VisorDomain
import VisorRegister
import VisorStore
import VisorTUI

/// One terminal of `visor bench terminals`: the application core signed in on the register, running
/// as the application's main loop does (a pass every 100 ms: inbox, clock, a frame when something
/// changed), without curses. It prints `ready` after its first frame and `frame EPOCH_MS OVERDUE`
/// for each frame a change from elsewhere led to, for the parent to time.
struct BenchTerminalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "terminal", abstract: "One application core of `visor bench terminals` (internal).",
        shouldDisplay: false)

    @Option(name: .customLong("db")) var path: String
    @Option var user: String
    @Option var seconds: Double = 60
    @Option var width = 120
    @Option var height = 40

    func run() throws {
        try MainActor.assumeIsolated { try loop() }
    }

    @MainActor
    private func loop() throws {
        var database: AppDatabase?
        try reporting {
            database = try Bench.openDemo(path)
        }
        guard let database else { return }
        let policy = try database.policy()
        let core = AppCore(database: database, policy: policy, clock: database.clock, options: AppOptions())
        core.handle(.resize(width: width, height: height))
        for character in user { core.handle(.key(.character(character))) }
        core.handle(.key(.enter))
        for character in "demo" { core.handle(.key(.character(character))) }
        core.handle(.key(.enter))
        core.completePendingWork()
        _ = core.render()
        guard core.screen == .main else {
            print("failed \(user) could not sign in")
            return
        }
        print("ready \(core.actions.overdueCount)")
        fflush(nil)
        let end = Date().addingTimeInterval(seconds)
        // VISOR_TERMINAL_TRACE=1: where the main thread's time goes (a `trace` line at the end).
        let trace = ProcessInfo.processInfo.environment["VISOR_TERMINAL_TRACE"] == "1"
        var drained: UInt64 = 0, rendered: UInt64 = 0, frames = 0
        while Date() < end {
            usleep(100_000)
            var dirty = false
            let started = Bench.now()
            if core.drainInbox() { dirty = true }
            drained += Bench.now() - started
            if core.tick() { dirty = true }
            if dirty {
                frames += 1
                let renderStart = Bench.now()
                _ = core.render()
                rendered += Bench.now() - renderStart
                if trace, frames % 10 == 0 {
                    print("trace \(user): \(frames) frames, inbox \(Bench.milliseconds(drained)) ms, "
                        + "render \(Bench.milliseconds(rendered)) ms")
                }
                print("frame \(Int64(Date().timeIntervalSince1970 * 1000)) \(core.actions.overdueCount)")
                fflush(nil)
            }
        }
        core.stopBackgroundWork()
    }
}
