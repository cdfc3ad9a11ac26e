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

    /// Peak resident set size of this process image, from VmHWM: unlike getrusage's ru_maxrss, which
    /// Linux carries across exec (a child started by a large parent reports the parent's peak), it
    /// starts afresh in every program.
    static func peakRSSMegabytes() -> String {
        if let peak = statusMegabytes("VmHWM:") { return String(format: "%.1f", peak) }
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return String(format: "%.1f", Double(usage.ru_maxrss) / 1024)
    }

    /// A size line of /proc/PID/status (`VmRSS:`, `VmHWM:`) in megabytes.
    static func statusMegabytes(_ key: String, process: String = "self") -> Double? {
        guard let text = try? String(contentsOfFile: "/proc/\(process)/status", encoding: .utf8),
              let line = text.split(separator: "\n").first(where: { $0.hasPrefix(key) }),
              let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "") else { return nil }
        return kilobytes / 1024
    }

    /// The nearest-rank percentile of sorted samples.
    static func percentile<T: Numeric>(_ sorted: [T], _ fraction: Double) -> T {
        guard !sorted.isEmpty else { return 0 }
        let rank = Int((fraction * Double(sorted.count)).rounded(.up))
        return sorted[min(sorted.count - 1, max(0, rank - 1))]
    }

    /// "p50 …, p99 …, max …" of durations in nanoseconds.
    static func summary(_ samples: [UInt64]) -> String {
        let sorted = samples.sorted()
        return "p50 \(milliseconds(percentile(sorted, 0.5))) ms, p99 \(milliseconds(percentile(sorted, 0.99))) ms, "
            + "max \(milliseconds(sorted.last ?? 0)) ms"
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
