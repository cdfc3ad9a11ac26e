import ArgumentParser
import Foundation
import VisorDomain
import VisorDemo
import VisorRegister
import VisorStore

/// Times a full evaluation of the rules and a re-evaluation after one change,
/// on a demonstration register of N nominals.
struct BenchRulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules", abstract: "Time a full rule evaluation and a re-evaluation after one change.")

    @Option(help: "Nominals in the demonstration register.") var nominals: Int = 1_000_000
    @Option(name: .customLong("db"), help: "Build (or reuse, when it is a demo of that size) the register here.")
    var path: String?
    @Option(help: "Full evaluations to time.") var runs: Int = 5
    @Option(help: "Changes (with the kept actions they update) to time.") var reruns: Int = 50
    @Option(help: "Days ahead of upcoming actions, as visor actions --horizon.") var horizon: Int = 30

    func validate() throws {
        guard nominals >= 0, runs >= 1, reruns >= 1, horizon >= 0 else {
            throw ValidationError("--nominals, --runs, --reruns and --horizon must be positive")
        }
    }

    func run() throws {
        let folder = NSTemporaryDirectory() + "visor-bench-rules-\(getpid())"
        let databasePath = path ?? folder + "/register.sqlite"
        if path == nil { try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        defer { if path == nil { try? FileManager.default.removeItem(atPath: folder) } }
        let clock = SystemClock()
        try reporting {
            let today = try prepare(databasePath, clock: clock)
            let register = try AppDatabase.open(path: databasePath, clock: clock)
            let evaluator = RuleEvaluator(database: register)
            var full: [UInt64] = []
            var cpu: [UInt64] = []
            var last: RuleEvaluation?
            for _ in 0..<runs {
                // The previous result is freed before the clock starts: an evaluation is timed, not a free.
                last = nil
                let started = Bench.now()
                let startedCPU = cpuNanoseconds()
                last = try evaluator.evaluation(asOf: today, policy: .standard, horizonDays: horizon)
                full.append(Bench.now() - started)
                cpu.append(cpuNanoseconds() - startedCPU)
            }
            if let last {
                var byRule: [RuleID: Int] = [:]
                last.forEachHeader { byRule[$0.rule, default: 0] += 1 }
                print("full evaluation as of \(today), horizon \(horizon) days: \(last.count) actions, "
                    + "\(last.overdueCount()) overdue ("
                    + byRule.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ") + ")")
            }
            print("  wall " + Bench.summary(full) + " over \(runs) runs (first \(Bench.milliseconds(full[0])) ms); CPU "
                + Bench.summary(cpu) + " (all threads)")
            if let last {
                let started = Bench.now()
                let built = last.actions.count
                print("  building all \(built) actions from it (as a rebuild of the kept actions does): "
                    + "\(Bench.milliseconds(Bench.now() - started)) ms; one agency's: "
                    + agencyFigure(last))
            }
            // What a change costs now: the write and the kept actions it updates, in one transaction.
            var again: [UInt64] = []
            for run in 0..<reruns {
                let started = Bench.now()
                _ = try register.benchChangeLevel(near: Int64(1 + (nominals / max(1, reruns)) * run))
                again.append(Bench.now() - started)
            }
            print("changing one nominal's level, with the kept actions it updates: " + Bench.summary(again)
                + " over \(reruns) runs")
            print("peak RSS \(Bench.peakRSSMegabytes()) MB")
        }
    }

    /// The time to build the actions of the agency with the most (what a screen shows).
    private func agencyFigure(_ evaluation: RuleEvaluation) -> String {
        var perAgency: [AgencyID: Int] = [:]
        evaluation.forEachHeader { perAgency[$0.agencyID, default: 0] += 1 }
        guard let busiest = perAgency.max(by: { $0.value < $1.value }) else { return "none" }
        let started = Bench.now()
        let built = evaluation.actions { $0.agencyID == busiest.key }.count
        return "\(built) in \(Bench.milliseconds(Bench.now() - started)) ms"
    }

    /// Builds the demo register unless `path` already holds one of this size; returns its reference date.
    private func prepare(_ path: String, clock: SystemClock) throws(StoreError) -> LocalDate {
        if FileManager.default.fileExists(atPath: path) {
            let existing = try AppDatabase.open(path: path, clock: clock)
            let size = try existing.meta("demo_nominals")
            let today = try existing.meta("demo_today").flatMap { LocalDate(iso: $0) }
            try existing.close()
            if size == String(nominals), let today {
                print("register: \(path) (reused, \(nominals) nominals)")
                return today
            }
        }
        let today = clock.today()
        let built = try AppDatabase.createDemo(path: path, nominals: nominals, seed: 2009, today: today, clock: clock)
        print("register: \(path) (\(nominals) nominals, built in \(String(format: "%.1f", built.seconds)) s)")
        return today
    }

    /// User and system CPU time of this process (all threads), in nanoseconds.
    private func cpuNanoseconds() -> UInt64 {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func nanoseconds(_ time: timeval) -> UInt64 { UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_usec) * 1000 }
        return nanoseconds(usage.ru_utime) + nanoseconds(usage.ru_stime)
    }
}
