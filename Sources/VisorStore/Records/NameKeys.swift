import GRDB
import VisorDomain
import VisorRegister

/// The folded name words a nominal is found by, and the key it sorts by.
///
/// A whole surname is found through `nominal.sort_key` (folded surname, a
/// space, folded forenames), whose index also orders the list; `name_key`
/// holds the other words — forenames, the parts of a several-word surname,
/// aliases — so a million nominals need about half as many key rows.
/// A nominal's sort key and search keys.
typealias NameEntry = (sortKey: String, keys: [String])

package enum NameKeys {
    /// Folded surname, a space, folded forenames: sorts Ó'Brien with OBrien.
    package static func sortKey(surname: String, forenames: String) -> String {
        NameFolding.fold(surname) + " " + NameFolding.fold(forenames)
    }

    /// The sort key and the distinct `name_key` rows of a nominal, folding each name once.
    static func entry(surname: String, forenames: String, aliases: [(surname: String, forenames: String)] = [])
        -> NameEntry {
        let surnameKeys = NameFolding.keys(of: surname)
        let forenameKeys = NameFolding.keys(of: forenames)
        let wholeSurname = surnameKeys.first ?? ""
        var keys: [String] = []
        func add(_ key: String) { if key != wholeSurname, !keys.contains(key) { keys.append(key) } }
        surnameKeys.dropFirst().forEach(add)
        forenameKeys.forEach(add)
        for alias in aliases {
            NameFolding.keys(of: alias.surname).forEach(add)
            NameFolding.keys(of: alias.forenames).forEach(add)
        }
        return (wholeSurname + " " + (forenameKeys.first ?? ""), keys)
    }

    /// The distinct `name_key` rows of a nominal's names and aliases.
    static func keys(surname: String, forenames: String, aliases: [(surname: String, forenames: String)] = [])
        -> [String] {
        entry(surname: surname, forenames: forenames, aliases: aliases).keys
    }

    static func insert(_ db: Database, nominalID: NominalID, surname: String, forenames: String,
                       aliases: [(surname: String, forenames: String)] = []) throws {
        let writer = try Writer(db)
        try writer.insert(nominalID: nominalID, surname: surname, forenames: forenames, aliases: aliases)
        try writer.flush()
    }

    /// Writes keys with prepared statements, for the bulk paths. Keys are
    /// written `batchSize` rows per INSERT: a million nominals have 1.7 million
    /// keys, and one statement per key cost a second in statement overhead.
    /// `flush()` writes what is left; a writer must be flushed before it goes.
    package final class Writer {
        static let batchSize = 64
        private let insertKey: FastStatement
        private let db: Database
        /// Prepared when the first batch fills: a writer of one nominal's keys never needs it.
        private var insertBatch: FastStatement?
        private let deleteKeys: FastStatement
        private var pending: [(key: String, nominalID: NominalID)] = []

        package init(_ db: Database) throws {
            insertKey = try FastStatement(db, sql: "INSERT INTO name_key (key, nominal_id) VALUES (?, ?)")
            self.db = db
            // By key and nominal, through the search index: an index on nominal_id alone
            // would cost every bulk import another sort.
            deleteKeys = try FastStatement(db, sql: "DELETE FROM name_key WHERE key = ? AND nominal_id = ?")
            pending.reserveCapacity(Writer.batchSize)
        }

        package func insert(nominalID: NominalID, surname: String, forenames: String,
                    aliases: [(surname: String, forenames: String)] = []) throws {
            try insert(nominalID: nominalID, keys: NameKeys.keys(surname: surname, forenames: forenames, aliases: aliases))
        }

        func insert(nominalID: NominalID, keys: [String]) throws {
            for key in keys {
                pending.append((key, nominalID))
                if pending.count == Writer.batchSize { try writeBatch() }
            }
        }

        /// Writes the keys still pending.
        package func flush() throws {
            for (key, nominalID) in pending {
                insertKey.bind(1, key)
                insertKey.bind(2, nominalID)
                try insertKey.execute()
            }
            pending.removeAll(keepingCapacity: true)
        }

        private func writeBatch() throws {
            let insertBatch = try insertBatch ?? FastStatement(db, sql: "INSERT INTO name_key (key, nominal_id) VALUES "
                + Array(repeating: "(?, ?)", count: Writer.batchSize).joined(separator: ", "))
            self.insertBatch = insertBatch
            for (offset, pair) in pending.enumerated() {
                insertBatch.bind(Int32(2 * offset + 1), pair.key)
                insertBatch.bind(Int32(2 * offset + 2), pair.nominalID)
            }
            try insertBatch.execute()
            pending.removeAll(keepingCapacity: true)
        }

        /// Replaces the keys of a nominal whose names were `old` with those of `new`.
        func replace(nominalID: NominalID, old: [String], surname: String, forenames: String,
                     aliases: [(surname: String, forenames: String)]) throws {
            try flush()
            for key in old {
                deleteKeys.bind(1, key)
                deleteKeys.bind(2, nominalID)
                try deleteKeys.execute()
            }
            try insert(nominalID: nominalID, surname: surname, forenames: forenames, aliases: aliases)
            try flush()
        }
    }
}
