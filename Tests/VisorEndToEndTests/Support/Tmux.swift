import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

extension Tag {
    /// Tests that drive a real program in tmux; skipped with a message when tmux is missing.
    @Tag static var tmux: Self
}

/// Whether the tmux tests can run here.
enum Tmux {
    /// True when `tmux` is in PATH. Use with `.enabled(if: Tmux.isAvailable, Tmux.skipMessage)`.
    static let isAvailable = Spawn.isInPath("tmux")
    /// Why tmux tests were skipped.
    static let skipMessage: Comment = "tmux is not installed (apt-get install tmux); end-to-end tests skipped"
}

/// A program running in a headless tmux session on a private server, to read
/// its screen as text and type at it the way a user would.
///
/// Each session has its own server (`-L` with a unique socket name) and config:
/// no status line (the pane gets every row), `remain-on-exit` so the exit status
/// can be read, `/bin/sh` as the shell, TERM=`term`. Call `kill()` when done
/// (`deinit` does it too).
final class TmuxSession {
    /// The private server's socket name.
    let socket: String
    /// Environment of the tmux client: the test's own, minus TMUX so it works inside tmux.
    private let clientEnvironment: [String: String]
    private let configPath: String
    /// The server's socket file, removed on `kill()` (tmux 3.3a leaves it behind).
    private var socketPath: String?
    private var killed = false
    private static let sessionName = "e2e"

    /// Starts `arguments` (shell-quoted, run by /bin/sh) in a W×H pane, with
    /// `environment` added to the pane's environment.
    init(_ arguments: [String], environment: [String: String] = [:], width: Int = 80, height: Int = 24,
         term: String = "tmux-256color") throws {
        socket = "visor-e2e-\(getpid())-\(UUID().uuidString.prefix(8))"
        var env = ProcessInfo.processInfo.environment
        env["TMUX"] = nil
        env["TMUX_PANE"] = nil
        clientEnvironment = env
        configPath = FileManager.default.temporaryDirectory.appendingPathComponent("\(socket).conf").path
        let config = """
            set -g status off
            set -g remain-on-exit on
            set -g default-shell /bin/sh
            set -g default-terminal "\(term)"
            set -g escape-time 0
            """
        try config.write(toFile: configPath, atomically: true, encoding: .utf8)
        var command = ["new-session", "-d", "-s", Self.sessionName, "-x", String(width), "-y", String(height)]
        for (key, value) in environment.sorted(by: { $0.key < $1.key }) { command += ["-e", "\(key)=\(value)"] }
        command.append(arguments.map(Self.shellQuote).joined(separator: " "))
        try tmux(command)
        socketPath = try tmux(["display-message", "-p", "#{socket_path}"]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    deinit { kill() }

    /// Types `text` literally (`send-keys -l`), characters of any script included.
    func type(_ text: String) throws {
        try tmux(["send-keys", "-t", Self.sessionName, "-l", text])
    }

    /// Presses named keys: `Enter`, `Escape`, `Tab`, `BTab`, `Up`, `PageDown`, `C-c`, `F1`…
    func press(_ keys: String...) throws {
        try tmux(["send-keys", "-t", Self.sessionName] + keys)
    }

    /// The pane's text now, one line per row (trailing spaces trimmed by tmux).
    func capture() throws -> String {
        try tmux(["capture-pane", "-p", "-t", Self.sessionName])
    }

    /// Resizes the window (and so the pane, which has no status line beside it).
    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", Self.sessionName, "-x", String(width), "-y", String(height)])
    }

    /// Polls the screen until it contains `text`; returns that screen or throws
    /// with the last screen seen.
    @discardableResult
    func waitFor(text: String, timeout: Double = 10) throws -> String {
        try waitUntil(timeout: timeout, "text \"\(text)\"") { $0.contains(text) }
    }

    /// Polls the screen every 20 ms until `condition` holds; no fixed sleeps.
    @discardableResult
    func waitUntil(timeout: Double = 10, _ what: String = "condition", _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = ""
        repeat {
            screen = try capture()
            if condition(screen) { return screen }
            usleep(20_000)
        } while Date() < deadline
        throw Spawn.Failure(description: "timed out after \(timeout)s waiting for \(what); screen:\n\(screen)")
    }

    /// Whether the program has exited, and its exit status once tmux has reaped it
    /// (`#{pane_dead}`, `#{pane_dead_status}`; 128 + N for `#{pane_dead_signal}` N).
    /// tmux may see the pane die (pty closed) before it knows the status: then status is nil.
    func paneState() throws -> (dead: Bool, status: Int32?) {
        let format = "#{pane_dead}:#{pane_dead_status}:#{pane_dead_signal}"
        let text = try tmux(["display-message", "-p", "-t", Self.sessionName, format])
        let fields = text.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ":", omittingEmptySubsequences: false)
        guard fields.count == 3, fields[0] == "1" else { return (false, nil) }
        if let status = Int32(fields[1]) { return (true, status) }
        if let signal = Int32(fields[2]) { return (true, 128 + signal) }
        return (true, nil)
    }

    /// Waits for the program to exit and returns its exit status.
    ///
    /// tmux 3.3a sometimes misses the SIGCHLD of a pane's process (measured: about
    /// one exit in three), leaving it a zombie and `#{pane_dead_status}` empty for
    /// ever. When the pane is dead without a status, this sends our private server
    /// a SIGCHLD, on which it reaps every exited child and records the status.
    func waitForExit(timeout: Double = 10) throws -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        repeat {
            let state = try paneState()
            if let status = state.status { return status }
            if state.dead, let server = pid_t(try tmux(["display-message", "-p", "#{pid}"])
                .trimmingCharacters(in: .whitespacesAndNewlines)) {
                Glibc.kill(server, SIGCHLD)
            }
            usleep(20_000)
        } while Date() < deadline
        throw Spawn.Failure(description: "timed out after \(timeout)s waiting for the program to exit; screen:\n\((try? capture()) ?? "")")
    }

    /// Stops the private server and everything in it; safe to call twice.
    func kill() {
        guard !killed else { return }
        killed = true
        _ = try? Spawn.run(["tmux", "-L", socket, "kill-server"], environment: clientEnvironment)
        unlink(configPath)
        if let socketPath, !socketPath.isEmpty { unlink(socketPath) }
    }

    /// Runs one tmux command against the private server; throws on a non-zero status.
    @discardableResult
    private func tmux(_ arguments: [String]) throws -> String {
        let result = try Spawn.run(["tmux", "-u", "-L", socket, "-f", configPath] + arguments, environment: clientEnvironment)
        guard result.status == 0 else {
            throw Spawn.Failure(description: "tmux \(arguments.joined(separator: " ")) exited \(result.status): \(result.output)")
        }
        return result.output
    }

    /// Quotes one argument for /bin/sh.
    static func shellQuote(_ argument: String) -> String {
        "'" + argument.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
