import Dispatch
import Foundation
import Synchronization
import VisorDomain

/// Re-evaluates the rules in the background and posts the results to the
/// main loop's inbox: every policy interval, at once when this terminal
/// changed data, and whenever another process commits (seen through
/// `PRAGMA data_version` on a connection of its own, polled each second).
///
/// The `DispatchSourceTimer` is not Sendable; it lives inside this object and
/// only its serial queue touches it and the state below.
public final class RulesTimer: Sendable {
    /// What one evaluation does: read the actions and the queue for the signed-in user.
    public struct Work: Sendable {
        /// Evaluates the rules: in full when given nil, else again for just the nominals changed here.
        public var evaluate: @Sendable (_ changed: Set<NominalID>?) throws -> [ActionItem]
        public var loadQueue: @Sendable () throws -> [QueueItem]
        /// The database's `PRAGMA data_version` on the timer's own connection.
        public var dataVersion: @Sendable () throws -> Int
        public var now: @Sendable () -> Date

        public init(evaluate: @escaping @Sendable (_ changed: Set<NominalID>?) throws -> [ActionItem],
                    loadQueue: @escaping @Sendable () throws -> [QueueItem],
                    dataVersion: @escaping @Sendable () throws -> Int, now: @escaping @Sendable () -> Date) {
            self.evaluate = evaluate
            self.loadQueue = loadQueue
            self.dataVersion = dataVersion
            self.now = now
        }
    }

    private struct State {
        var lastVersion: Int?
        var lastEvaluation: Date?
        /// A full evaluation is wanted (at start).
        var pending = true
        /// Nominals this terminal changed since the last evaluation.
        var changed: Set<NominalID> = []
    }

    private let queue = DispatchQueue(label: "visor.rules-timer")
    private let work: Work
    private let inbox: Inbox
    private let interval: TimeInterval
    private let poll: TimeInterval
    private let state = Mutex(State())
    /// Safe to share: libdispatch's source calls (schedule, resume, cancel) are
    /// thread-safe, the handler runs only on `queue`, and this object only
    /// schedules it once in `start` and cancels it in `stop`.
    nonisolated(unsafe) private let source: any DispatchSourceTimer

    /// `interval`: seconds between full evaluations; `poll`: seconds between data_version checks.
    public init(work: Work, inbox: Inbox, interval: TimeInterval, poll: TimeInterval = 1) {
        self.work = work
        self.inbox = inbox
        self.interval = interval
        self.poll = poll
        source = DispatchSource.makeTimerSource(queue: queue)
    }

    /// Starts the timer; the first evaluation runs at once.
    public func start() {
        source.schedule(deadline: .now(), repeating: poll)
        source.setEventHandler { [weak self] in self?.fire() }
        source.resume()
    }

    /// Stops the timer and waits for an evaluation already running, so that
    /// nothing reads the database after the caller closes it.
    public func stop() {
        source.cancel()
        queue.sync {}
    }

    /// Asks for an evaluation at once (after a change made in this terminal):
    /// only the nominals it touched are evaluated again.
    public func requestEvaluation(nominals: Set<NominalID> = []) {
        state.withLock { state in
            if nominals.isEmpty { state.pending = true } else { state.changed.formUnion(nominals) }
        }
        queue.async { [weak self] in self?.fire() }
    }

    /// One pass on the timer's queue: evaluate when asked, when the interval
    /// has passed, or when another connection has committed.
    func fire() {
        let now = work.now()
        let version = try? work.dataVersion()
        let decision = state.withLock { state -> (evaluate: Bool, changed: Bool, only: Set<NominalID>?) in
            let versionChanged = version != nil && state.lastVersion != nil && version != state.lastVersion
            if let version { state.lastVersion = version }
            let due = state.lastEvaluation.map { now.timeIntervalSince($0) >= interval } ?? true
            // A commit of our own also moves data_version: when this terminal says which nominals it
            // changed, those alone are evaluated again (another process's commit in the same second
            // waits for the next interval).
            let partial = !state.changed.isEmpty && !state.pending && !due
            let evaluate = state.pending || due || versionChanged || !state.changed.isEmpty
            let only = partial ? state.changed : nil
            if evaluate {
                state.pending = false
                state.changed = []
                if only == nil { state.lastEvaluation = now }
            }
            return (evaluate, versionChanged && only == nil, only)
        }
        if decision.changed { inbox.post(.dataChanged) }
        guard decision.evaluate else { return }
        do {
            let actions = try work.evaluate(decision.only)
            inbox.post(.actions(actions, evaluatedAt: LondonTime.clockTime(now)))
            inbox.post(.queue(try work.loadQueue()))
        } catch {
            inbox.post(.failure("The rules could not be evaluated: \(error)"))
        }
    }
}
