import CNcursesw
import Synchronization

/// The last termination signal received (SIGTERM, SIGHUP, SIGINT), 0 if none.
///
/// A global `let` Atomic is Sendable and its lock-free store is safe inside a
/// signal handler; `TerminationSignals.install()` reads it once first so the
/// lazy global initialiser never runs inside the handler.
private let receivedSignal = Atomic<Int32>(0)

/// Turns SIGTERM, SIGHUP and SIGINT into a flag the main loop polls: the
/// handler only sets the flag, and the loop restores the terminal and exits.
enum TerminationSignals {
    static let handled: [Int32] = [SIGTERM, SIGHUP, SIGINT]

    /// Installs the flag-setting handler (before `newterm`, so curses keeps its own off these signals).
    static func install() {
        _ = receivedSignal.load(ordering: .relaxed)
        for signal in handled {
            _ = visor_install_signal_handler(signal) { number in
                receivedSignal.store(number, ordering: .relaxed)
            }
        }
    }

    /// Puts the default actions back once the terminal is restored.
    static func uninstall() {
        for signal in handled { visor_default_signal_handler(signal) }
    }

    /// The signal that asked the program to end, if one has arrived.
    static var received: Int32? {
        let number = receivedSignal.load(ordering: .relaxed)
        return number == 0 ? nil : number
    }
}
