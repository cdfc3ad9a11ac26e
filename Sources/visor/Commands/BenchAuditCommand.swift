import ArgumentParser
import Foundation
import VisorDemo
import VisorRegister
import VisorStore

/// Times `visor audit verify` over a trail of N events, and the application's
/// start-up check of the last events, on a register built in a temporary folder.
struct BenchAuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Time the verification of the audit trail's hash chain.")

    @Option(help: "Events in the audit trail.") var events: Int = 1_000_000
    @Option(help: "Verifications to time.") var runs: Int = 5

    func validate() throws {
        guard events >= 0, runs >= 1 else { throw ValidationError("--events must be 0 or more and --runs 1 or more") }
    }

    func run() throws {
        let folder = NSTemporaryDirectory() + "visor-bench-audit-\(getpid())"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/register.sqlite"
        let clock = SystemClock()
        try reporting {
            let building = Bench.now()
            let built = try AppDatabase.open(path: path, clock: clock)
            try built.benchFillAuditTrail(events: events, start: clock.now().addingTimeInterval(-Double(events) / 2))
            try built.close()
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            print("register: \(events) chained events, built in \(Bench.seconds(since: building)) s, "
                + "\(Bench.megabytes(size)) MB")
            // Timed on a freshly opened register, as a `visor audit verify` run would find it.
            let register = try AppDatabase.open(path: path, clock: clock)
            var samples: [Double] = []
            var head = ""
            for _ in 0..<runs {
                let started = Bench.now()
                let result = try register.verifyAuditTrail(from: nil, by: .operator(osUser: "bench"))
                samples.append(Bench.elapsed(since: started))
                guard case .verified(let verified) = result else {
                    throw StoreError.io("the benchmark's own trail does not verify: \(result)")
                }
                head = verified.description
            }
            let sorted = samples.sorted()
            print("verify: median \(String(format: "%.2f", sorted[sorted.count / 2])) s, first "
                + "\(String(format: "%.2f", samples[0])) s, slowest \(String(format: "%.2f", sorted.last ?? 0)) s "
                + "over \(runs) runs (\(Bench.rate(events, sorted[sorted.count / 2])) events/s); head \(head)")
            let checking = Bench.now()
            let warning = try register.checkAuditTrailAtStartUp(by: .operator(osUser: "bench"))
            print("start-up check of the last \(AppDatabase.startUpAuditWindow) events and the triggers: "
                + "\(String(format: "%.2f", Bench.elapsed(since: checking) * 1000)) ms"
                + (warning.map { " (\($0))" } ?? ""))
            print("peak RSS \(Bench.peakRSSMegabytes()) MB")
        }
    }
}
