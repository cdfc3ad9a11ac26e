import ArgumentParser
import Foundation
import VisorDomain
import VisorDemo
import VisorRegister
import VisorStore
import VisorTUI

/// Drives the application core on an N-nominal demo register with the real
/// store and no terminal, as a user would: sign in, look at the list, type a
/// surname filter letter by letter (and take it back), page down. Each
/// measurement is one `handle(key)` plus the `render()` of the frame it leads to.
struct BenchTUICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tui", abstract: "Time the application core without a terminal.",
        discussion: "Targets at 1,000,000 nominals in a release build: first frame ≤ 100 ms, keystroke-to-frame "
            + "p99 ≤ 16 ms, peak RSS ≤ 64 MB.")

    @Option(help: "Nominals in the demo register.") var nominals: Int = 1_000_000
    @Option(name: .customLong("db"),
            help: "Reuse the demo register at this path (created there, and kept, when absent).")
    var path: String?
    @Option(help: "The user to sign in as (a demo user; the password is 'demo').") var user = "spo"
    @Option(help: "Rounds of typing each surname.") var rounds = 5
    @Option(help: "PgDn presses to time.") var pages = 300
    @Option(help: "Terminal width for the frames.") var width = 120
    @Option(help: "Terminal height for the frames.") var height = 40
    @Flag(help: "List the slowest keystrokes and time the store's calls one by one.") var verbose = false
    @Flag(help: "Run the rules timer in the background while measuring, as the application does.")
    var withRules = false

    func validate() throws {
        guard nominals >= 0, nominals <= 5_000_000 else {
            throw ValidationError("--nominals: \(nominals) is not between 0 and 5,000,000")
        }
        guard rounds > 0, pages > 0, width > 0, height > 0 else {
            throw ValidationError("--rounds, --pages, --width and --height must be positive")
        }
    }

    func run() throws {
        let temporary = path == nil ? NSTemporaryDirectory() + "visor-bench-tui-\(getpid()).sqlite" : nil
        let databasePath = path ?? temporary ?? ""
        defer {
            if let temporary {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: temporary + suffix) }
            }
        }
        var created = false
        try reporting { created = try prepare(databasePath) }
        if created {
            // Measure in a fresh process: creating the register raised this one's peak RSS.
            let executable = try executablePath()
            var arguments = ["bench", "tui", "--db", databasePath, "--user", user, "--rounds", String(rounds),
                             "--pages", String(pages), "--width", String(width), "--height", String(height)]
            if verbose { arguments.append("--verbose") }
            if withRules { arguments.append("--with-rules") }
            print("measuring in a fresh process:")
            fflush(nil)
            let status = try Bench.run(executable, arguments, input: "")
            if status != 0 { throw ExitCode(status) }
            return
        }
        try MainActor.assumeIsolated { try measure(databasePath) }
    }

    private func executablePath() throws -> String {
        guard let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") else {
            printError("cannot find this program's own path to measure in a fresh process")
            throw ExitCode(Exit.ioError)
        }
        return path
    }

    /// Creates the demo register unless `--db` names one that already holds a register; true when it did.
    private func prepare(_ databasePath: String) throws(StoreError) -> Bool {
        try Self.prepareDemo(databasePath, nominals: nominals)
    }

    /// Creates a demo register of `nominals` at `databasePath` unless one is there already; true when it did.
    static func prepareDemo(_ databasePath: String, nominals: Int) throws(StoreError) -> Bool {
        if FileManager.default.fileExists(atPath: databasePath), try DatabaseFile.probe(databasePath) == .visor {
            let existing = try AppDatabase.open(path: databasePath, clock: FixedClock(date: Self.defaultToday))
            let count = try existing.meta("demo_nominals")
            let holds = try existing.holdsRegister()
            try existing.close()
            if holds {
                print("reusing \(databasePath) (\(count ?? "?") demo nominals; --nominals ignored)")
                return false
            }
        }
        let started = Bench.now()
        let summary = try AppDatabase.createDemo(path: databasePath, nominals: nominals, seed: 2009,
                                                 today: Self.defaultToday, clock: FixedClock(date: Self.defaultToday))
        print("created a demo register of \(summary.nominals) nominals in \(Bench.seconds(since: started)) s: \(summary.path)")
        return true
    }

    static let defaultToday = LocalDate(year: 2026, month: 11, day: 25)!

    @MainActor
    private func measure(_ databasePath: String) throws {
        let rssAtStart = Self.currentRSSMegabytes()
        // The password check alone (scrypt, deliberately slow), timed first and apart (no background work
        // yet) so that it can be told from the rest: hashing with the same parameters costs what verifying does.
        var hashes: [UInt64] = []
        for _ in 0..<3 {
            let start = Bench.now()
            _ = try? PasswordHasher.hash("demo")
            hashes.append(Bench.now() - start)
        }
        let passwordCheck = hashes.sorted().dropFirst(hashes.count / 2).first ?? 0
        var rssSamples: [Double] = []
        // Open to first frame: open the register, create the core, sign in through the keys, draw the list.
        let started = Bench.now()
        var database: AppDatabase?
        try reporting {
            database = try Bench.openDemo(databasePath)
        }
        guard let database else { return }
        let opened = Bench.now()
        let core = AppCore(database: database, policy: .standard, clock: database.clock,
                           options: AppOptions(backgroundWork: withRules))
        core.handle(.resize(width: width, height: height))
        for character in user { core.handle(.key(.character(character))) }
        core.handle(.key(.enter))
        for character in "demo" { core.handle(.key(.character(character))) }
        core.handle(.key(.enter))
        _ = core.render()  // "Signing in…"
        let signInStarted = Bench.now()
        core.completePendingWork()
        let signedIn = Bench.now()
        let firstFrame = core.render()
        let drawn = Bench.now()
        guard core.screen == .main else {
            let shown = firstFrame.grid.lines().filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            printError("could not sign in as \(user): " + shown.joined(separator: " / "))
            throw ExitCode(Exit.refused)
        }
        let rssAfterFirstFrame = Self.currentRSSMegabytes()
        rssSamples.append(Double(rssAfterFirstFrame) ?? 0)
        // What the first frame is made of, each part timed again through the store's public calls.
        var parts: [String] = []
        if let signedInUser = core.user {
            let viewer = Viewer(user: signedInUser)
            let request = NominalListRequest()
            func time(_ label: String, _ body: () throws -> Void) {
                let start = Bench.now()
                do { try body() } catch { parts.append("\(label) failed: \(error)"); return }
                parts.append("\(label) \(Bench.milliseconds(Bench.now() - start)) ms")
            }
            time("list page") { _ = try database.nominalPage(request, for: viewer, after: nil, limit: 60) }
            time("count") { _ = try database.countNominals(request, for: viewer) }
            time("partner queue") {
                _ = try QueueItems.load(database, user: signedInUser, policy: .standard, window: QueueWindow.Request())
            }
            time("agencies") { _ = try database.agencies() }
            let screenful = core.list.rows.prefix(40).map(\.id)
            let actions = ActionQuery(asOf: database.today, horizonDays: Policy.standard.actionsHorizonDays,
                                      agencyID: signedInUser.agencyID)
            time("list marks") { _ = try database.nominalsWithActions(actions, among: screenful) }
            time("actions counts") { _ = try database.actionCounts(actions) }
            time("actions page") { _ = try database.actionPage(actions, offset: 0, limit: 240) }
        }
        let total = drawn - started
        let application = total > passwordCheck ? total - passwordCheck : 0
        print("open to first frame: \(Bench.milliseconds(total)) ms in all, of which the password check "
            + "(scrypt N=2^14 r=8 p=5, deliberately slow) about \(Bench.milliseconds(passwordCheck)) ms: "
            + "\(Bench.milliseconds(application)) ms without it (open \(Bench.milliseconds(opened - started)) ms; "
            + "sign-in, list and queue \(Bench.milliseconds(signedIn - signInStarted)) ms; "
            + "first render \(Bench.milliseconds(drawn - signedIn)) ms); \(core.list.count?.text ?? "?") rows for \(user)")
        print("  again, part by part: " + parts.joined(separator: ", "))
        print("RSS: \(rssAtStart) MB at start, \(rssAfterFirstFrame) MB after the first frame; peak so far "
            + "\(Bench.peakRSSMegabytes()) MB (scrypt holds N·r·128 bytes = 16 MiB while it runs)")

        // Typing a surname filter, letter by letter, then taking it back.
        var samples: [(label: String, nanoseconds: UInt64)] = []
        func timed(_ key: Key, _ label: String) -> UInt64 {
            let start = Bench.now()
            core.handle(.key(key))
            _ = core.render()
            let elapsed = Bench.now() - start
            samples.append((label, elapsed))
            return elapsed
        }
        var typing: [UInt64] = []
        var lastCounts: [String: String] = [:]
        let surnames = ["smith", "wójcik", "ozoliņš", "o'brien"]
        for _ in 0..<rounds {
            for surname in surnames {
                typing.append(timed(.character("/"), "/"))
                var typed = ""
                for letter in surname {
                    typed.append(letter)
                    typing.append(timed(.character(letter), "type \(typed)"))
                }
                lastCounts[surname] = core.list.count?.text ?? "?"
                for _ in surname {
                    typed.removeLast()
                    typing.append(timed(.backspace, "erase to \"\(typed)\""))
                }
                typing.append(timed(.escape, "Esc"))
            }
        }
        print("keystroke to frame while typing \(surnames.joined(separator: ", ")) (\(rounds) rounds, "
            + "\(typing.count) keys with / Backspace Esc): \(Bench.summary(typing))")
        rssSamples.append(Double(Self.currentRSSMegabytes()) ?? 0)
        print("  matches: " + surnames.map { "\($0) \(lastCounts[$0] ?? "?")" }.joined(separator: ", "))

        // Paging down the list.
        var paging: [UInt64] = []
        for _ in 0..<pages { paging.append(timed(.pageDown, "PgDn")) }
        let position = core.list.offset.map { String($0 + core.list.selected + 1) } ?? "?"
        print("PgDn × \(pages) (to row \(position)): \(Bench.summary(paging))")
        rssSamples.append(Double(Self.currentRSSMegabytes()) ?? 0)
        var jumps: [UInt64] = []
        for _ in 0..<rounds {
            jumps.append(timed(.character("G"), "G"))
            jumps.append(timed(.character("g"), "g"))
        }
        print("G / g (last, first) × \(jumps.count): \(Bench.summary(jumps))")
        if verbose, let signedInUser = core.user {
            let viewer = Viewer(user: signedInUser)
            print("store calls by search (page of 60, then count), median of 5:")
            for search in ["", "s", "w", "wó", "smit", "oz", "wójcik", "o'brien"] {
                let request = NominalListRequest(search: search)
                func median(_ body: () throws -> Void) rethrows -> String {
                    var times: [UInt64] = []
                    for _ in 0..<5 {
                        let start = Bench.now()
                        try body()
                        times.append(Bench.now() - start)
                    }
                    return Bench.milliseconds(times.sorted()[2])
                }
                let page = try median { _ = try database.nominalPage(request, for: viewer, after: nil, limit: 60) }
                let count = try median { _ = try database.countNominals(request, for: viewer) }
                var position: ListPosition?
                for _ in 0..<20 {
                    let next = try database.nominalPage(request, for: viewer, after: position, limit: 60)
                    guard next.hasMoreAfter, let last = next.rows.last else { break }
                    position = last.position
                }
                let deep = try median { _ = try database.nominalPage(request, for: viewer, after: position, limit: 60) }
                print("  \"\(search)\": page \(page) ms, count \(count) ms, a page 20 pages in \(deep) ms")
            }
            let signInTime = try { () throws -> UInt64 in
                let start = Bench.now()
                _ = try database.signIn(username: user, password: "demo", channel: .commandLine)
                return Bench.now() - start
            }()
            print("  signIn (command line) \(Bench.milliseconds(signInTime)) ms with one password check")
        }
        if verbose {
            print("slowest keystrokes:")
            for sample in samples.sorted(by: { $0.nanoseconds > $1.nanoseconds }).prefix(15) {
                print("  \(Bench.milliseconds(sample.nanoseconds)) ms  \(sample.label)")
            }
        }
        let applicationRSS = String(format: "%.1f", rssSamples.max() ?? 0)
        print("peak RSS: \(Bench.peakRSSMegabytes()) MB with scrypt's 16 MiB; the application's RSS at most "
            + "\(applicationRSS) MB after sign-in (sampled after the first frame, the typing and the paging)")
        print("targets: first frame \(Bench.milliseconds(application)) ms without the password check (≤ 100); "
            + "keystroke p99 \(Bench.milliseconds(Bench.percentile(typing.sorted(), 0.99))) ms typing, "
            + "\(Bench.milliseconds(Bench.percentile(paging.sorted(), 0.99))) ms paging (≤ 16); "
            + "RSS \(Bench.peakRSSMegabytes()) MB peak, \(applicationRSS) MB without scrypt (≤ 64)")
        // The rules timer's queue may still be reading: leave the register open for the exit to close.
        core.stopBackgroundWork()
        if !withRules { try reporting { try database.close() } }
    }

    /// Resident set size now, from /proc/self/statm (pages).
    private static func currentRSSMegabytes() -> String {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return "?" }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Double(fields[1]) else { return "?" }
        return String(format: "%.1f", pages * Double(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576)
    }
}
