import Synchronization
import VisorDomain

/// What background work hands to the main loop.
public enum InboxMessage: Sendable {
    /// The user's agency's actions changed (a commit here or elsewhere, or a new day): read them again.
    case actionsChanged
    /// The partner queue was re-read.
    case queue(QueueLoad)
    /// Another process (or a background step) changed the data.
    case dataChanged
    /// Something went wrong off the main thread.
    case failure(String)
}

/// A queue from background threads to the main loop, which drains it each pass.
public final class Inbox: Sendable {
    private let messages = Mutex<[InboxMessage]>([])

    public init() {}

    public func post(_ message: InboxMessage) { messages.withLock { $0.append(message) } }

    public func drain() -> [InboxMessage] {
        messages.withLock { queue in
            defer { queue.removeAll() }
            return queue
        }
    }
}
