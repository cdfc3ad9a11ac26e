import GRDB
import VisorRegister

/// A connection of its own on the register, whose `PRAGMA data_version`
/// changes when any other connection — another terminal's process, or this
/// process's own writer — commits. GRDB's observation sees only its own
/// writes, so this is how a terminal learns that someone else changed the data.
public final class DataVersionWatcher: Sendable {
    private let connection: any DatabaseReader

    public init(database: AppDatabase) throws(StoreError) {
        // In memory there is no other process to watch: the register's own connection answers.
        if database.isInMemory {
            connection = database.writer
            return
        }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(5)
        configuration.label = "visor.data-version"
        do {
            connection = try DatabaseQueue(path: database.path, configuration: configuration)
        } catch {
            throw AppDatabase.storeError(error, path: database.path, creating: false)
        }
    }

    /// The current data version; compare successive values to detect commits.
    public func version() throws(StoreError) -> Int {
        do {
            return try connection.read { db in try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }
        } catch {
            throw StoreError.io("data_version: \(error)")
        }
    }
}
