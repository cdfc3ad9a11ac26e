import Foundation

/// With `VISOR_RULES_TRACE=1`, prints each evaluation task's thread CPU time
/// on standard error: how a slow evaluation is diagnosed.
enum RuleTrace {
    static let enabled = ProcessInfo.processInfo.environment["VISOR_RULES_TRACE"] == "1"

    static func measure<T>(_ label: @autoclosure () -> String, _ body: () throws -> T) rethrows -> T {
        guard enabled else { return try body() }
        let started = threadCPU()
        let wall = DispatchTime.now().uptimeNanoseconds
        let result = try body()
        let cpu = Double(threadCPU() - started) / 1e6
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - wall) / 1e6
        let line = "rules: \(label()): \(String(format: "%.1f", cpu)) ms CPU, \(String(format: "%.1f", elapsed)) ms wall\n"
        FileHandle.standardError.write(Data(line.utf8))
        return result
    }

    static func threadCPU() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }
}
