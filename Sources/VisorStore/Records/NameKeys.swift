import GRDB
import VisorDomain

/// The folded name words a nominal is found by, and the key it sorts by.
enum NameKeys {
    /// Folded surname, a space, folded forenames: sorts Ó'Brien with OBrien.
    static func sortKey(surname: String, forenames: String) -> String {
        NameFolding.fold(surname) + " " + NameFolding.fold(forenames)
    }

    /// The distinct keys of a nominal's names and aliases.
    static func keys(surname: String, forenames: String, aliases: [(surname: String, forenames: String)] = [])
        -> [String] {
        var keys = NameFolding.keys(of: surname) + NameFolding.keys(of: forenames)
        for alias in aliases { keys += NameFolding.keys(of: alias.surname) + NameFolding.keys(of: alias.forenames) }
        var seen = Set<String>()
        return keys.filter { seen.insert($0).inserted }
    }

    static func insert(_ db: Database, nominalID: NominalID, surname: String, forenames: String,
                       aliases: [(surname: String, forenames: String)] = []) throws {
        try Writer(db).insert(nominalID: nominalID, surname: surname, forenames: forenames, aliases: aliases)
    }

    /// Writes keys with prepared statements, for the bulk paths.
    struct Writer {
        private let insertKey: FastStatement
        private let deleteKeys: FastStatement

        init(_ db: Database) throws {
            insertKey = try FastStatement(db, sql: "INSERT INTO name_key (key, nominal_id) VALUES (?, ?)")
            deleteKeys = try FastStatement(db, sql: "DELETE FROM name_key WHERE nominal_id = ?")
        }

        func insert(nominalID: NominalID, surname: String, forenames: String,
                    aliases: [(surname: String, forenames: String)] = []) throws {
            for key in NameKeys.keys(surname: surname, forenames: forenames, aliases: aliases) {
                insertKey.bind(1, key)
                insertKey.bind(2, nominalID)
                try insertKey.execute()
            }
        }

        func replace(nominalID: NominalID, surname: String, forenames: String,
                     aliases: [(surname: String, forenames: String)]) throws {
            deleteKeys.bind(1, nominalID)
            try deleteKeys.execute()
            try insert(nominalID: nominalID, surname: surname, forenames: forenames, aliases: aliases)
        }
    }
}
