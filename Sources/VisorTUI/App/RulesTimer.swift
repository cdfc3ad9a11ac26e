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
        public var evaluate: @Sendable () throws -> [ActionItem]
        public var loadQueue: @Sendable () throws -> [QueueItem]
        /// The database's `PRAGMA data_version` on the timer's own connection.
        public var dataVersion: @Sendable () throws -> Int
        public var now: @Sendable () -> Date

        public init(evaluate: @escaping @Sendable () throws -> [ActionItem],
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
        var pending = true
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

    public func stop() {
        source.cancel()
    }

    /// Asks for an evaluation at once (after a change made in this terminal).
    public func requestEvaluation() {
        state.withLock { $0.pending = true }
        queue.async { [weak self] in self?.fire() }
    }

    /// One pass on the timer's queue: evaluate when asked, when the interval
    /// has passed, or when another connection has committed.
    func fire() {
        let now = work.now()
        let version = try? work.dataVersion()
        let decision = state.withLock { state -> (evaluate: Bool, changed: Bool) in
            let changed = version != nil && state.lastVersion != nil && version != state.lastVersion
            if let version { state.lastVersion = version }
            let due = state.lastEvaluation.map { now.timeIntervalSince($0) >= interval } ?? true
            let evaluate = state.pending || due || changed
            if evaluate {
                state.pending = false
                state.lastEvaluation = now
            }
            return (evaluate, changed)
        }
        if decision.changed { inbox.post(.dataChanged) }
        guard decision.evaluate else { return }
        do {
            let actions = try work.evaluate()
            inbox.post(.actions(actions, evaluatedAt: LondonTime.clockTime(now)))
            inbox.post(.queue(try work.loadQueue()))
        } catch {
            inbox.post(.failure("The rules could not be evaluated: \(error)"))
        }
    }
}
