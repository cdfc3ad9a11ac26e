import GRDB
import VisorDomain
import VisorRegister

/// Agencies: the canonical list, lookups by kind and name, and additions.
package enum AgencyRows {
    package static func insertCatalog(_ db: Database, createdOn: LocalDate) throws {
        for (kind, name) in AgencyCatalog.all {
            try insert(db, kind: kind, name: name, createdOn: createdOn)
        }
    }

    @discardableResult
    static func insert(_ db: Database, kind: AgencyKind, name: String, createdOn: LocalDate) throws -> AgencyID {
        try db.execute(sql: "INSERT INTO agency (kind, name, match_key, created_on) VALUES (?, ?, ?, ?)",
                       arguments: [kind, name, Agency.matchKey(name), createdOn])
        return db.lastInsertedRowID
    }

    package static func all(_ db: Database) throws -> [Agency] {
        try Row.fetchAll(db, sql: "SELECT id, kind, name, created_on FROM agency ORDER BY kind, name").map {
            Agency(id: $0["id"], kind: $0["kind"], name: $0["name"], createdOn: $0["created_on"])
        }
    }
}

/// An in-memory directory of the register's agencies, for validating extracts.
struct AgencyIndex: AgencyDirectory, Sendable {
    private var byKey: [AgencyKind: [String: AgencyID]] = [:]
    private(set) var byID: [AgencyID: Agency] = [:]

    init(_ agencies: [Agency]) {
        for agency in agencies { add(agency) }
    }

    mutating func add(_ agency: Agency) {
        byKey[agency.kind, default: [:]][Agency.matchKey(agency.name)] = agency.id
        byID[agency.id] = agency
    }

    func agencyID(kind: AgencyKind, matchKey: String) -> AgencyID? { byKey[kind]?[matchKey] }
}

extension AppDatabase {
    /// Every agency of the register, by kind then name.
    public func agencies() throws(StoreError) -> [Agency] {
        try read { db in try AgencyRows.all(db) }
    }

    /// The agency whose name matches `name` (case, punctuation and `&`/`and`
    /// ignored), of `kind` if given.
    public func agency(named name: String, kind: AgencyKind? = nil) throws(StoreError) -> Agency? {
        let key = Agency.matchKey(name)
        return try agencies().first { Agency.matchKey($0.name) == key && (kind == nil || $0.kind == kind) }
    }
}
