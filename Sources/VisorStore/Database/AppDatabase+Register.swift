import Foundation
import VisorDomain
import VisorRegister

/// The SQLite register is the `Register` the application and the command line use.
extension AppDatabase: Register {
    public func makeChangeWatcher() throws(StoreError) -> any ChangeWatcher { try DataVersionWatcher(database: self) }
}

extension DataVersionWatcher: ChangeWatcher {}
