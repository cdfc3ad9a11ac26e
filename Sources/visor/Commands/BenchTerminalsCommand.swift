import ArgumentParser
import Foundation
import VisorDemo
import VisorDomain
import VisorRegister
import VisorStore

/// Many terminals on one register (issue 13): N application cores, each its own process signed in as
/// a different London offender manager, while this process commits a partner request or its answer
/// every second for a minute — the changes London's actions and queue show. Measures the CPU of all
/// the terminals together, each one's memory, and how long each commit takes to reach every terminal's
/// screen; then times partner requests and answers (with the kept actions they update) on their own.
struct BenchTerminalsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "terminals", abstract: "Many application cores on one register while another process commits.",
        discussion: "Targets at 1,000,000 nominals in a release build, 20 terminals: CPU of all of them together "
            + "≤ 0.2 core on average, each one's RSS ≤ 48 MB, every change on screen within 2 s of its commit; "
            + "a partner request or answer p99 ≤ 50 ms.")

    @Option(help: "Application cores to run.") var count = 20
    @Option(help: "Nominals in the demo register (when it is made).") var nominals = 1_000_000
    @Option(name: .customLong("db"), help: "Reuse the demo register at this path (created there, and kept, when absent).")
    var path: String?
    @Option(help: "Seconds of commits while the terminals run.") var seconds = 60
    @Option(help: "Partner requests and answers timed on their own afterwards.") var answers = 200

    func validate() throws {
        guard count > 0, count <= 200 else { throw ValidationError("--count: \(count) is not between 1 and 200") }
        guard seconds > 0, answers >= 0 else { throw ValidationError("--seconds must be positive, --answers not negative") }
    }

    func run() throws {
        let temporary = path == nil ? NSTemporaryDirectory() + "visor-bench-terminals-\(getpid()).sqlite" : nil
        let databasePath = path ?? temporary ?? ""
        defer {
            if let temporary {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: temporary + suffix) }
            }
        }
        try reporting { _ = try BenchTUICommand.prepareDemo(databasePath, nominals: nominals) }
        var register: AppDatabase?
        var users: [String] = []
        var nominalIDs: [NominalID] = []
        try reporting {
            let opened = try Bench.openDemo(databasePath)
            users = try opened.benchTerminalUsers(count: count, agency: "London")
            nominalIDs = try opened.benchNominals(ownedBy: "London", count: 5_000)
            register = opened
        }
        guard let register else { return }
        if users.count < count { print("London has \(users.count) offender managers to sign in; running \(users.count)") }
        var committer = try Committer(register)

        let terminals = try users.map { try Terminal(user: $0, databasePath: databasePath, seconds: Double(seconds) + 30) }
        defer { for terminal in terminals { terminal.stop() } }
        let signInStarted = Bench.now()
        for terminal in terminals { try terminal.waitFor("ready", seconds: 120) }
        print("\(terminals.count) terminals signed in as London offender managers in \(Bench.seconds(since: signInStarted)) s "
            + "(each one's scrypt check included); settling 5 s")
        Thread.sleep(forTimeInterval: 5)
        for terminal in terminals { _ = terminal.drainFrames() }

        // The measured minute: a commit every second, alternately a request and its answer.
        let cpuBefore = terminals.map(\.cpuSeconds)
        var rssMax = [Double](repeating: 0, count: terminals.count)
        var commits: [(at: Int64, nanoseconds: UInt64)] = []
        let started = Date()
        var next = 0
        for second in 0..<seconds {
            let due = started.addingTimeInterval(Double(second))
            if due > Date() { Thread.sleep(until: due) }
            let at = Int64(Date().timeIntervalSince1970 * 1000)
            let took = try committer.step(nominals: nominalIDs, next: &next)
            commits.append((at, took))
            for (index, terminal) in terminals.enumerated() { rssMax[index] = max(rssMax[index], terminal.rssMegabytes) }
        }
        Thread.sleep(until: started.addingTimeInterval(Double(seconds)))
        let wall = Date().timeIntervalSince(started)
        let cpu = zip(terminals.map(\.cpuSeconds), cpuBefore).map { $0 - $1 }.reduce(0, +)
        Thread.sleep(forTimeInterval: 3)

        // How long each commit took to reach each terminal's screen: the first frame it drew after it
        // (one frame may show two commits that fell between two of its polls).
        var latencies: [Double] = []
        var missed = 0
        for terminal in terminals {
            let frames = terminal.drainFrames()
            for commit in commits {
                if let frame = frames.first(where: { $0 >= commit.at }) {
                    latencies.append(Double(frame - commit.at) / 1000)
                } else {
                    missed += 1
                }
            }
        }
        latencies.sort()
        let peaks = terminals.map(\.peakRSSMegabytes)
        print("\(commits.count) commits in \(String(format: "%.1f", wall)) s (partner requests and answers on London's "
            + "nominals by the Metropolitan Police and London's CPC), each one \(Bench.summary(commits.map(\.nanoseconds)))")
        print("CPU of the \(terminals.count) terminals together: \(String(format: "%.3f", cpu / wall)) core on average "
            + "(\(String(format: "%.2f", cpu)) s in \(String(format: "%.1f", wall)) s)")
        print("RSS of each terminal during the minute: at most \(String(format: "%.1f", rssMax.max() ?? 0)) MB "
            + "(median \(String(format: "%.1f", rssMax.sorted()[rssMax.count / 2])) MB); peak including the sign-in's "
            + "scrypt \(String(format: "%.1f", peaks.max() ?? 0)) MB")
        print("commit to frame: \(latencies.count) of \(commits.count * terminals.count) changes seen, median "
            + "\(String(format: "%.2f", Bench.percentile(latencies, 0.5))) s, p99 \(String(format: "%.2f", Bench.percentile(latencies, 0.99))) s, "
            + "max \(String(format: "%.2f", latencies.last ?? 0)) s; \(missed) not seen")
        for terminal in terminals { terminal.stop() }

        var timed: [UInt64] = []
        for _ in 0..<answers { timed.append(try committer.step(nominals: nominalIDs, next: &next)) }
        if answers > 0 {
            print("partner request or answer, with the kept actions it updates (\(answers), no terminals): "
                + Bench.summary(timed))
        }
        print("targets: CPU \(String(format: "%.3f", cpu / wall)) core (≤ 0.2); RSS \(String(format: "%.1f", rssMax.max() ?? 0)) MB "
            + "(≤ 48); commit to frame max \(String(format: "%.2f", latencies.last ?? 0)) s, \(missed) not seen (≤ 2 s, 0); "
            + "request or answer p99 \(Bench.milliseconds(Bench.percentile(timed.sorted(), 0.99))) ms (≤ 50)")
        try reporting { try register.close() }
    }
}

/// The other process's commits: the Metropolitan Police asks for partnership on one of London's
/// nominals, then London's CPC declines it, and so on through the nominals.
private struct Committer {
    let register: AppDatabase
    let police: User
    let cpc: User
    let policy: Policy
    var pending: PartnerRequestID?

    init(_ register: AppDatabase) throws {
        self.register = register
        policy = try register.policy()
        police = try register.signIn(username: "police", password: "demo", channel: .commandLine, policy: policy)
        cpc = try register.signIn(username: "cpc", password: "demo", channel: .commandLine, policy: policy)
    }

    /// One commit; returns how long it took.
    mutating func step(nominals: [NominalID], next: inout Int) throws -> UInt64 {
        let start = Bench.now()
        if let request = pending {
            _ = try register.declinePartnerRequest(request, reason: "Benchmark: not needed", by: cpc, policy: policy)
            pending = nil
            return Bench.now() - start
        }
        for _ in 0..<nominals.count {
            let nominal = nominals[next % nominals.count]
            next += 1
            let attempt = Bench.now()
            if let view = try? register.requestPartnership(nominal: .id(nominal), reason: "Benchmark: local offending",
                                                           by: police, policy: policy) {
                pending = view.id
                return Bench.now() - attempt
            }
        }
        throw StoreError.badInput("no London nominal the Metropolitan Police may ask for")
    }
}

/// One `visor bench terminal` child and what it prints.
private final class Terminal {
    let process = Process()
    private let output = Pipe()
    private var buffer = Data()
    private var frames: [Int64] = []
    private var ready = false

    init(user: String, databasePath: String, seconds: Double) throws {
        let executable = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["bench", "terminal", "--db", databasePath, "--user", user, "--seconds", String(seconds)]
        process.standardOutput = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let flags = fcntl(output.fileHandleForReading.fileDescriptor, F_GETFL)
        _ = fcntl(output.fileHandleForReading.fileDescriptor, F_SETFL, flags | O_NONBLOCK)
    }

    private func readAvailable() {
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = read(output.fileHandleForReading.fileDescriptor, &chunk, chunk.count)
            guard count > 0 else { break }
            buffer.append(contentsOf: chunk[0..<count])
        }
        while let newline = buffer.firstIndex(of: 0x0A) {
            let line = String(decoding: buffer[buffer.startIndex..<newline], as: UTF8.self)
            buffer.removeSubrange(buffer.startIndex...newline)
            let words = line.split(separator: " ")
            if words.first == "ready" { ready = true }
            if words.first == "failed" || words.first == "trace" {
                FileHandle.standardError.write(Data(("visor: " + line + "\n").utf8))
            }
            if words.first == "frame", words.count > 1, let at = Int64(words[1]) { frames.append(at) }
        }
    }

    func waitFor(_ word: String, seconds: Double) throws {
        let end = Date().addingTimeInterval(seconds)
        while Date() < end {
            readAvailable()
            if ready { return }
            guard process.isRunning else { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw StoreError.io("a terminal did not sign in (it exited or took over \(Int(seconds)) s)")
    }

    /// The times of the frames drawn since the last call.
    func drainFrames() -> [Int64] {
        readAvailable()
        defer { frames.removeAll() }
        return frames
    }

    /// User and system CPU seconds so far, from /proc/PID/stat.
    var cpuSeconds: Double {
        guard let text = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/stat", encoding: .utf8),
              let close = text.lastIndex(of: ")") else { return 0 }
        let fields = text[text.index(after: close)...].split(separator: " ")
        // Fields 14 and 15 of stat (utime, stime); the slice starts at field 3.
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return 0 }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    var rssMegabytes: Double { Bench.statusMegabytes("VmRSS:", process: "\(process.processIdentifier)") ?? 0 }
    var peakRSSMegabytes: Double { Bench.statusMegabytes("VmHWM:", process: "\(process.processIdentifier)") ?? 0 }

    func stop() {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
    }
}
