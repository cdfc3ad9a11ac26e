import Foundation

/// With `VISOR_RULES_TRACE=1` (rules) or `VISOR_IMPORT_TRACE=1` (imports),
/// prints each phase's thread CPU time and wall time on standard error: how a
/// slow evaluation or import is diagnosed without a profiler.
struct PhaseTrace: Sendable {
    static let rules = PhaseTrace(prefix: "rules", variable: "VISOR_RULES_TRACE")
    static let importing = PhaseTrace(prefix: "import", variable: "VISOR_IMPORT_TRACE")

    let prefix: String
    let enabled: Bool

    init(prefix: String, variable: String) {
        self.prefix = prefix
        enabled = ProcessInfo.processInfo.environment[variable] == "1"
    }

    func measure<T>(_ label: @autoclosure () -> String, _ body: () throws -> T) rethrows -> T {
        guard enabled else { return try body() }
        let started = PhaseTrace.threadCPU()
        let wall = DispatchTime.now().uptimeNanoseconds
        let result = try body()
        report(label(), cpuNanoseconds: PhaseTrace.threadCPU() - started,
               wallNanoseconds: DispatchTime.now().uptimeNanoseconds - wall)
        return result
    }

    func report(_ label: String, cpuNanoseconds: UInt64, wallNanoseconds: UInt64) {
        guard enabled else { return }
        let cpu = String(format: "%.1f", Double(cpuNanoseconds) / 1e6)
        let wall = String(format: "%.1f", Double(wallNanoseconds) / 1e6)
        FileHandle.standardError.write(Data("\(prefix): \(label): \(cpu) ms CPU, \(wall) ms wall\n".utf8))
    }

    static func threadCPU() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }
}
