import Dispatch
import GRDB
import Synchronization

/// Read connections of the evaluator's own, with a larger page cache for
/// long scans (mapping the file into memory saved no time and cost a
/// gigabyte of resident memory at a million nominals), and a way to run
/// tasks on them at once against one database state.
///
/// SQLite on Linux offers no shareable WAL snapshot to GRDB, so the state is
/// pinned another way: a gate connection takes the write lock (`BEGIN
/// IMMEDIATE`), every reader starts its read transaction, and the gate lets
/// go. No commit — from this process or another — can fall between the
/// readers' starts. If the lock is not free within half a second (a long
/// import), the readers start without it: each still reads a consistent
/// state, and the next evaluation catches up.
final class ParallelReads: RuleReading, Sendable {
    private let gate: DatabaseQueue?
    private let readers: [DatabaseQueue]

    /// `pinned: false` when the caller holds the register's write lock: nothing can commit, so the
    /// readers need no gate (which would only wait for the lock the caller holds).
    init(path: String, workers: Int, pinned: Bool = true) throws {
        var gateConfiguration = Configuration()
        gateConfiguration.busyMode = .timeout(0.5)
        gateConfiguration.allowsUnsafeTransactions = true
        gateConfiguration.label = "visor.rules.gate"
        gate = pinned ? try DatabaseQueue(path: path, configuration: gateConfiguration) : nil
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(10)
        configuration.allowsUnsafeTransactions = true
        configuration.label = "visor.rules"
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA cache_size = -32768")
        }
        readers = try (0..<max(1, workers)).map { _ in try DatabaseQueue(path: path, configuration: configuration) }
    }

    /// Runs `body` on the first reader, in one read transaction.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try readers[0].read(body)
    }

    /// Runs `tasks` (in any order) on all readers at once, against one
    /// database state; returns their results in task order. The first error
    /// stops the remaining tasks and is rethrown.
    func run<Output: Sendable>(_ tasks: [@Sendable (Database) throws -> Output]) throws -> [Output] {
        let used = Array(readers.prefix(max(1, min(readers.count, tasks.count))))
        try startTogether(used)
        let shared = Shared<Output>(count: tasks.count)
        DispatchQueue.concurrentPerform(iterations: used.count) { worker in
            do {
                try used[worker].inDatabase { db in
                    defer { try? db.rollback() }
                    while !shared.failed, let index = shared.nextTask(), index < tasks.count {
                        shared.store(try tasks[index](db), at: index)
                    }
                }
            } catch {
                shared.fail(error)
            }
        }
        return try shared.results()
    }

    /// Starts a read transaction on each reader while the gate holds the write lock.
    private func startTogether(_ used: [DatabaseQueue]) throws {
        let locked = (try? gate?.inDatabase { db in try db.execute(sql: "BEGIN IMMEDIATE") }) != nil
        defer { if locked { try? gate?.inDatabase { db in try db.rollback() } } }
        for reader in used {
            try reader.inDatabase { db in
                try db.beginTransaction(.deferred)
                try db.execute(sql: "SELECT 1 FROM sqlite_master LIMIT 1")
            }
        }
    }

    /// The workers' shared state, each part behind its own lock.
    private final class Shared<Output: Sendable>: Sendable {
        private let next = Atomic<Int>(0)
        private let outputs: Mutex<[Output?]>
        private let firstError = Mutex<(any Error)?>(nil)

        init(count: Int) { outputs = Mutex(Array(repeating: nil, count: count)) }

        func nextTask() -> Int? { next.wrappingAdd(1, ordering: .relaxed).oldValue }

        func store(_ output: Output, at index: Int) { outputs.withLock { $0[index] = output } }

        var failed: Bool { firstError.withLock { $0 != nil } }

        func fail(_ failure: any Error) { firstError.withLock { if $0 == nil { $0 = failure } } }

        func results() throws -> [Output] {
            if let failure = firstError.withLock({ $0 }) { throw failure }
            return outputs.withLock { $0.compactMap { $0 } }
        }
    }
}

/// Where a full evaluation reads: one database state for all its tasks.
protocol RuleReading {
    /// Runs `body` in one read transaction.
    func read<T>(_ body: (Database) throws -> T) throws -> T
    /// Runs `tasks` against one database state; their results in task order.
    func run<Output: Sendable>(_ tasks: [@Sendable (Database) throws -> Output]) throws -> [Output]
}

/// The tasks one after another on a connection already in a transaction: a
/// rebuild of the kept actions evaluates inside its own write (a register in
/// memory has no other connection to read on).
struct OneConnectionReads: RuleReading {
    let db: Database

    func read<T>(_ body: (Database) throws -> T) throws -> T { try body(db) }

    func run<Output: Sendable>(_ tasks: [@Sendable (Database) throws -> Output]) throws -> [Output] {
        try tasks.map { try $0(db) }
    }
}

/// A register in memory (tests) has no file to open more connections on: its tasks run one after
/// another on its own connection, in one read.
struct WriterReads: RuleReading, Sendable {
    let writer: any DatabaseWriter

    func read<T>(_ body: (Database) throws -> T) throws -> T { try writer.read(body) }

    func run<Output: Sendable>(_ tasks: [@Sendable (Database) throws -> Output]) throws -> [Output] {
        try writer.read { db in try OneConnectionReads(db: db).run(tasks) }
    }
}
