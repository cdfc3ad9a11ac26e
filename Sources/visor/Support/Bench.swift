import Foundation

/// Timing, memory and process helpers shared by the benchmarks.
enum Bench {
    static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

    static func elapsed(since start: UInt64) -> Double { Double(now() - start) / 1e9 }

    static func seconds(since start: UInt64) -> String { String(format: "%.2f", elapsed(since: start)) }

    static func milliseconds(_ nanoseconds: UInt64) -> String { String(format: "%.2f", Double(nanoseconds) / 1e6) }

    static func rate(_ count: Int, _ seconds: Double) -> String {
        seconds > 0 ? String(Int(Double(count) / seconds)) : "∞"
    }

    static func megabytes(_ bytes: Int) -> String { String(format: "%.1f", Double(bytes) / 1_048_576) }

    /// Peak resident set size of this process (Linux reports ru_maxrss in KiB).
    static func peakRSSMegabytes() -> String {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return String(format: "%.1f", Double(usage.ru_maxrss) / 1024)
    }

    /// Peak resident set size of the largest waited-for child.
    static func childPeakRSSMegabytes() -> String {
        var usage = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        return String(format: "%.1f", Double(usage.ru_maxrss) / 1024)
    }

    /// Runs a program with `input` on its standard input; returns its exit status.
    static func run(_ executable: String, _ arguments: [String], input: String) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardInput = pipe
        try process.run()
        pipe.fileHandleForWriting.write(Data(input.utf8))
        try pipe.fileHandleForWriting.close()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
