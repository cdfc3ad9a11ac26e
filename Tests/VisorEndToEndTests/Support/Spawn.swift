import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The outcome of running a program to completion.
struct SpawnResult: Sendable {
    /// Exit status, or 128 + signal number when killed by a signal.
    var status: Int32
    /// Standard output and standard error together.
    var output: String
}

/// Runs programs with `posix_spawn` + `waitpid`.
///
/// Foundation's `Process` hangs on `tmux new-session -d` (and with a `Pipe` on
/// stdout), so the child gets an empty signal mask and default signal actions
/// (else tmux servers outlive `kill-server` and resize never arrives), stdin
/// from /dev/null, and its output goes to a temporary file, not a pipe: a
/// daemonising tmux server would inherit a pipe and keep it open forever.
enum Spawn {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs `arguments[0]` (looked up in PATH) and waits for it to finish.
    static func run(_ arguments: [String], environment: [String: String]) throws -> SpawnResult {
        let outputPath = FileManager.default.temporaryDirectory
            .appendingPathComponent("visor-spawn-\(UUID().uuidString).out").path
        defer { unlink(outputPath) }
        let status = try wait(arguments, environment: environment, stdin: "/dev/null", stdout: outputPath, stderr: nil)
        let output = FileManager.default.contents(atPath: outputPath).map { String(decoding: $0, as: UTF8.self) } ?? ""
        return SpawnResult(status: status, output: output)
    }

    /// Runs a program with its standard streams on files (`stderr` nil: with standard output) and
    /// returns its exit status, or 128 + the signal that killed it.
    static func wait(_ arguments: [String], environment: [String: String], stdin: String, stdout: String,
                     stderr: String?) throws -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdin, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        if let stderr {
            posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        } else {
            posix_spawn_file_actions_adddup2(&actions, 1, 2)
        }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }

        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, envp)
        guard spawned == 0 else {
            throw Failure(description: "cannot run \(arguments[0]): \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 {
            guard errno == EINTR else { throw Failure(description: "waitpid failed for \(arguments[0]): errno \(errno)") }
        }
        return exitStatus(status)
    }

    /// WEXITSTATUS / WTERMSIG, which Swift does not import (they are macros).
    private static func exitStatus(_ status: Int32) -> Int32 {
        let signal = status & 0x7F
        return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
    }

    /// True when `program` is an executable file in PATH.
    static func isInPath(_ program: String) -> Bool {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").contains { access("\($0)/\(program)", X_OK) == 0 }
    }
}
