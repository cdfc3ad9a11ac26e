import Dispatch
import Synchronization
import VisorDomain
import VisorRegister

/// Reads and validates an extract on a second thread while the caller writes
/// the rows it has already received, so parsing and SQLite share the two
/// cores instead of taking turns. Events arrive in line order, in batches,
/// through a bounded channel (at most `capacity` batches in flight).
extension ExtractStream {
    func runPipelined(batchSize: Int = 512, capacity: Int = 8, _ handle: (Event) throws -> Void) throws {
        let channel = BatchChannel(capacity: capacity)
        let stream = self
        DispatchQueue.global(qos: .userInitiated).async {
            var batch: [Event] = []
            batch.reserveCapacity(batchSize)
            do {
                try PhaseTrace.importing.measure("read and validate (second thread)") { try stream.run { event in
                    guard !channel.isCancelled else { throw CancellationError() }
                    batch.append(event)
                    if batch.count == batchSize {
                        channel.send(.events(batch))
                        batch.removeAll(keepingCapacity: true)
                    }
                } }
                channel.send(.events(batch))
                channel.send(.finished)
            } catch {
                channel.send(.failed(PipelineFailure(error)))
            }
        }
        var finished = false
        defer {
            // On an early exit, stop the reader and wait for it, so no thread is left blocked.
            if !finished {
                channel.cancel()
                while true {
                    if case .events = channel.receive() { continue }
                    break
                }
            }
        }
        while true {
            switch channel.receive() {
            case .events(let events):
                for event in events { try handle(event) }
            case .finished:
                finished = true
                return
            case .failed(let failure):
                finished = true
                throw failure.error
            }
        }
    }
}

/// An error crossing from the reader thread; `any Error` is not Sendable, so
/// the cases the caller distinguishes are carried as values.
struct PipelineFailure: Sendable {
    enum Kind: Sendable {
        case store(StoreError)
        case header([RowFault])
        case other(String)
    }

    let kind: Kind

    init(_ error: any Error) {
        if let error = error as? StoreError {
            kind = .store(error)
        } else if case ExtractStream.FileProblem.header(let faults)? = error as? ExtractStream.FileProblem {
            kind = .header(faults)
        } else {
            kind = .other(String(describing: error))
        }
    }

    var error: any Error {
        switch kind {
        case .store(let error): error
        case .header(let faults): ExtractStream.FileProblem.header(faults)
        case .other(let message): StoreError.io(message)
        }
    }
}

/// A bounded first-in first-out channel between the reader and the writer.
final class BatchChannel: Sendable {
    enum Message: Sendable {
        case events([ExtractStream.Event])
        case finished
        case failed(PipelineFailure)
    }

    private let free: DispatchSemaphore
    private let ready = DispatchSemaphore(value: 0)
    private let queue = Mutex<[Message]>([])
    private let cancelled = Mutex(false)

    init(capacity: Int) { free = DispatchSemaphore(value: capacity) }

    var isCancelled: Bool { cancelled.withLock { $0 } }

    func cancel() { cancelled.withLock { $0 = true } }

    func send(_ message: Message) {
        free.wait()
        queue.withLock { $0.append(message) }
        ready.signal()
    }

    func receive() -> Message {
        ready.wait()
        let message = queue.withLock { $0.removeFirst() }
        free.signal()
        return message
    }
}
