import GRDB
import VisorDomain
import VisorRegister

/// The agencies' and users' names as bytes, read once: `visor actions` names the agency and the
/// user of each of a million actions from here instead of joining two tables per row (1.4 s of
/// SQLite's time at a million nominals).
struct ActionNameBytes {
    private var storage: [UInt8] = []
    /// By id (register ids are small and dense): an array index per row, not a hash.
    private var agencies: [Range<Int>?] = []
    private var users: [Range<Int>?] = []

    init(_ db: Database) throws {
        for row in try Row.fetchAll(db, sql: "SELECT id, name FROM agency ORDER BY id") {
            Self.put(add(row[1]), at: row[0], in: &agencies)
        }
        for row in try Row.fetchAll(db, sql: "SELECT id, username FROM user_account ORDER BY id") {
            Self.put(add(row[1]), at: row[0], in: &users)
        }
    }

    private static func put(_ range: Range<Int>, at id: Int64, in table: inout [Range<Int>?]) {
        guard id >= 0, id < 10_000_000 else { return }
        let index = Int(id)
        if index >= table.count { table.append(contentsOf: repeatElement(nil, count: index - table.count + 1)) }
        table[index] = range
    }

    private static func get(_ id: Int64, in table: [Range<Int>?]) -> Range<Int>? {
        id >= 0 && id < Int64(table.count) ? table[Int(id)] : nil
    }

    private mutating func add(_ text: String) -> Range<Int> {
        let start = storage.count
        storage.append(contentsOf: text.utf8)
        return start..<storage.count
    }

    /// `body` with a lookup of each name's bytes, valid inside the call.
    func withLookup<T>(_ body: (_ agency: (AgencyID) -> UnsafeBufferPointer<UInt8>,
                                _ user: (UserID?) -> UnsafeBufferPointer<UInt8>?) throws -> T) rethrows -> T {
        try storage.withUnsafeBufferPointer { buffer in
            let empty = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
            return try body({ id in Self.get(id, in: agencies).map { UnsafeBufferPointer(rebasing: buffer[$0]) } ?? empty },
                            { id in id.flatMap { Self.get($0, in: users) }.map { UnsafeBufferPointer(rebasing: buffer[$0]) } })
        }
    }
}

/// One kept action's columns copied out of SQLite's row, so that the rows that tie on domain.md's
/// order up to the nominal (and are ordered by user name, then summary) can be sorted before they
/// are written. Its buffer is reused row after row.
struct CopiedAction {
    var storage: [UInt8] = []
    var due = 0..<0, summary = 0..<0
    var crn: Range<Int>?, pncID: Range<Int>?
    var rule = 0
    var nominal: NominalID?
    var userID: UserID?
    var agencyID: AgencyID = 0

    mutating func copy(_ row: SQLiteRow) -> Bool {
        guard let dueBytes = row.bytes(1), let summaryBytes = row.bytes(5) else { return false }
        storage.removeAll(keepingCapacity: true)
        func add(_ bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
            let start = storage.count
            storage.append(contentsOf: bytes)
            return start..<storage.count
        }
        due = add(dueBytes)
        summary = add(summaryBytes)
        crn = row.bytes(3).map(add)
        pncID = row.bytes(4).map(add)
        rule = row.int(0)
        nominal = row.optionalInt64(2)
        userID = row.optionalInt64(6)
        agencyID = row.int64(7)
        return true
    }

    /// Whether `row` ties with this one on due date, rule, CRN and nominal (the order the index gives).
    func ties(_ row: SQLiteRow) -> Bool {
        guard rule == row.int(0), nominal == row.optionalInt64(2), let dueBytes = row.bytes(1) else { return false }
        return storage.withUnsafeBufferPointer { buffer in
            guard KeptActionSQL.compare(UnsafeBufferPointer(rebasing: buffer[due]), dueBytes) == 0 else { return false }
            switch (crn, row.bytes(3)) {
            case (nil, nil): return true
            case let (.some(range), .some(other)):
                return KeptActionSQL.compare(UnsafeBufferPointer(rebasing: buffer[range]), other) == 0
            default: return false
            }
        }
    }

    func withFields<T>(_ sql: KeptActionSQL, agency: (AgencyID) -> UnsafeBufferPointer<UInt8>,
                       user: (UserID?) -> UnsafeBufferPointer<UInt8>?,
                       _ body: (ActionFields) throws -> T) rethrows -> T {
        try storage.withUnsafeBufferPointer { buffer in
            func slice(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: buffer[range]) }
            let dueBytes = slice(due)
            return try body(ActionFields(rule: rule, state: sql.state(ofDue: dueBytes), due: dueBytes,
                                         agency: agency(agencyID), user: user(userID), userID: userID,
                                         nominal: nominal, crn: crn.map(slice), pncID: pncID.map(slice),
                                         summary: slice(summary)))
        }
    }
}
