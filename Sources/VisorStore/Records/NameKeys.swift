import GRDB
import VisorDomain

/// The folded name words a nominal is found by, and the key it sorts by.
enum NameKeys {
    /// Folded surname, a space, folded forenames: sorts Ó'Brien with OBrien.
    static func sortKey(surname: String, forenames: String) -> String {
        NameFolding.fold(surname) + " " + NameFolding.fold(forenames)
    }

    static func insert(_ db: Database, nominalID: NominalID, surname: String, forenames: String,
                       aliases: [(surname: String, forenames: String)] = []) throws {
        let statement = try db.cachedStatement(sql: "INSERT OR IGNORE INTO name_key (key, nominal_id) VALUES (?, ?)")
        var keys = NameFolding.keys(of: surname) + NameFolding.keys(of: forenames)
        for alias in aliases { keys += NameFolding.keys(of: alias.surname) + NameFolding.keys(of: alias.forenames) }
        var seen = Set<String>()
        for key in keys where seen.insert(key).inserted {
            statement.setUncheckedArguments([key, nominalID])
            try statement.execute()
        }
    }
}
