import Dispatch
import Foundation
import Synchronization
import VisorDomain

/// Watches the register in the background and tells the main loop what to read again. It never
/// evaluates the rules: every commit keeps the register's actions itself (`kept_action`), so a
/// terminal's background work costs the same however many terminals are open. Each poll it reads
/// `PRAGMA data_version` on a connection of its own (it moves when anyone commits); only when that
/// moved does it read the user's agency's change counter, and only when that moved are the actions
/// and the partner queue read again. After midnight it brings the kept actions to the new day.
///
/// The `DispatchSourceTimer` is not Sendable; it lives inside this object and
/// only its serial queue touches it and the state below.
public final class RulesTimer: Sendable {
    /// What the timer reads, for the signed-in user.
    public struct Work: Sendable {
        /// The register's `PRAGMA data_version` on the timer's own connection.
        public var dataVersion: @Sendable () throws -> Int
        /// The user's agency's change counter: it moves when its actions or partner queue change.
        public var agencyVersion: @Sendable () throws -> Int
        /// The user's agency's list counter: it moves when what its nominal list shows may have changed.
        public var listVersion: @Sendable () throws -> Int
        public var loadQueue: @Sendable () throws -> QueueLoad
        public var today: @Sendable () -> LocalDate
        /// Brings the kept actions to a new day (their states, R12 and R13).
        public var newDay: @Sendable () throws -> Void

        public init(dataVersion: @escaping @Sendable () throws -> Int,
                    agencyVersion: @escaping @Sendable () throws -> Int,
                    listVersion: @escaping @Sendable () throws -> Int,
                    loadQueue: @escaping @Sendable () throws -> QueueLoad,
                    today: @escaping @Sendable () -> LocalDate,
                    newDay: @escaping @Sendable () throws -> Void) {
            self.dataVersion = dataVersion
            self.agencyVersion = agencyVersion
            self.listVersion = listVersion
            self.loadQueue = loadQueue
            self.today = today
            self.newDay = newDay
        }
    }

    private struct State {
        var lastVersion: Int?
        var lastAgencyVersion: Int?
        var lastListVersion: Int?
        var lastDay: LocalDate?
        /// A check of the agency's counter is wanted whatever data_version says (a change made here).
        var pending = false
    }

    private let queue = DispatchQueue(label: "visor.rules-timer")
    private let work: Work
    private let inbox: Inbox
    private let poll: TimeInterval
    private let state: Mutex<State>
    /// Safe to share: libdispatch's source calls (schedule, resume, cancel) are
    /// thread-safe, the handler runs only on `queue`, and this object only
    /// schedules it once in `start` and cancels it in `stop`.
    nonisolated(unsafe) private let source: any DispatchSourceTimer

    /// `poll`: seconds between data_version checks. `agencyVersion` and `day`: what the main loop
    /// read the actions at, so that the first poll reads again only if something moved since.
    public init(work: Work, inbox: Inbox, poll: TimeInterval = 1, agencyVersion: Int?, listVersion: Int?,
                day: LocalDate) {
        self.work = work
        self.inbox = inbox
        self.poll = poll
        state = Mutex(State(lastAgencyVersion: agencyVersion, lastListVersion: listVersion, lastDay: day))
        source = DispatchSource.makeTimerSource(queue: queue)
    }

    /// Starts polling; the first poll runs at once.
    public func start() {
        source.schedule(deadline: .now(), repeating: poll)
        source.setEventHandler { [weak self] in self?.fire() }
        source.resume()
    }

    /// Stops the timer and waits for a poll already running, so that
    /// nothing reads the database after the caller closes it.
    public func stop() {
        source.cancel()
        queue.sync {}
    }

    /// Checks at once (after a change made in this terminal).
    public func requestCheck() {
        state.withLock { $0.pending = true }
        queue.async { [weak self] in self?.fire() }
    }

    /// One poll on the timer's queue.
    func fire() {
        let version = try? work.dataVersion()
        let today = work.today()
        let (changed, check, newDay) = state.withLock { state -> (Bool, Bool, Bool) in
            let changed = version != nil && state.lastVersion != nil && version != state.lastVersion
            if let version { state.lastVersion = version }
            let newDay = state.lastDay != today
            state.lastDay = today
            let check = changed || state.pending || newDay || state.lastAgencyVersion == nil
            state.pending = false
            return (changed, check, newDay)
        }
        // Another process committed: the list is read again only when what it shows may have changed
        // (its agency's list counter moved); a partner request or an entry elsewhere leaves it be.
        if changed {
            let list = try? work.listVersion()
            let moved = state.withLock { state -> Bool in
                defer { if let list { state.lastListVersion = list } }
                return list == nil || state.lastListVersion == nil || list != state.lastListVersion
            }
            if moved { inbox.post(.dataChanged) }
        }
        guard check else { return }
        do {
            if newDay { try work.newDay() }
            let agency = try work.agencyVersion()
            let moved = state.withLock { state in
                defer { state.lastAgencyVersion = agency }
                return state.lastAgencyVersion != agency
            }
            guard moved || newDay else { return }
            inbox.post(.actionsChanged)
            inbox.post(.queue(try work.loadQueue()))
        } catch {
            inbox.post(.failure("The actions could not be read: \(error)"))
        }
    }
}
