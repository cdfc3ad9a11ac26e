import VisorDomain

/// The current row of the scan: the columns every rule reads, decoded once;
/// the others are read by the rules that need them, through the accessors
/// below, which take a `Column` (never a position). A value the schema
/// forbids — NULL where it says NOT NULL, a code outside its CHECK, a date
/// that is no date — throws `RegisterDamage` naming the nominal and the
/// column, wherever it is met.
struct NominalRow {
    typealias Column = NominalScan.Column
    private let columns: SQLiteRow
    let id: NominalID
    let owner: AgencyID
    let manager: UserID?
    let createdOn: LocalDate
    let category: MAPPACategory
    let level: MAPPALevel
    let inCustody: Bool
    /// The CRN's letter and number (`letter × 1,000,000 + number`, −1 for
    /// none) and the PNC ID's year (−1 for none) and serial: integers, since
    /// most rows become a compact `DeferredView` and never need the values.
    let crnKey: Int32
    let pncYear: Int16
    let pncSerial: Int32

    init(_ columns: SQLiteRow) throws(RegisterDamage) {
        self.columns = columns
        // An INTEGER PRIMARY KEY: never NULL.
        id = columns.int64(Column.id.rawValue)
        guard let owner = columns.optionalInt64(Column.owner.rawValue) else {
            throw RegisterDamage(id, .owner, columns)
        }
        self.owner = owner
        manager = columns.optionalInt64(Column.manager.rawValue)
        guard let created = columns.date(Column.createdOn.rawValue) else {
            throw RegisterDamage(id, .createdOn, columns)
        }
        createdOn = created
        guard let category = columns.category(Column.category.rawValue) else {
            throw RegisterDamage(id, .category, columns)
        }
        self.category = category
        guard let level = columns.level(Column.level.rawValue) else { throw RegisterDamage(id, .level, columns) }
        self.level = level
        guard let custody = NominalRow.inCustody(columns.bytes(Column.custody.rawValue)) else {
            throw RegisterDamage(id, .custody, columns)
        }
        inCustody = custody
        if let crn = columns.bytes(Column.crn.rawValue) {
            guard let key = NominalRow.crnKey(crn) else { throw RegisterDamage(id, .crn, columns) }
            crnKey = key
        } else {
            crnKey = -1
        }
        if let pnc = columns.bytes(Column.pncID.rawValue) {
            guard let parts = NominalRow.pncParts(pnc) else { throw RegisterDamage(id, .pncID, columns) }
            (pncYear, pncSerial) = parts
        } else {
            (pncYear, pncSerial) = (-1, 0)
        }
    }

    var custody: CustodyStatus { inCustody ? .inCustody : .community }
    var crn: CRN? { NominalRow.crn(crnKey) }
    var pncID: PNCID? { NominalRow.pncID(year: pncYear, serial: pncSerial) }
    /// The row as the rules' candidates carry it (the scan reads active nominals only).
    var ruleNominal: RuleNominal {
        RuleNominal(id: id, crn: crn, pncID: pncID, ownerAgencyID: owner, managerUserID: manager)
    }

    // MARK: Columns the rules read when they need them

    func isNull(_ column: Column) -> Bool { columns.isNull(column.rawValue) }

    /// A text column's UTF-8 bytes (nil for NULL), valid until the scan steps on.
    func bytes(_ column: Column) -> UnsafeBufferPointer<UInt8>? { columns.bytes(column.rawValue) }

    func string(_ column: Column) -> String? { columns.string(column.rawValue) }

    /// An agency or user id column (nil for NULL).
    func reference(_ column: Column) -> Int64? { columns.optionalInt64(column.rawValue) }

    /// A date column: nil for NULL, and damage for a value that is no date.
    func date(_ column: Column) throws(RegisterDamage) -> LocalDate? {
        guard let bytes = columns.bytes(column.rawValue) else { return nil }
        if let date = SQLiteRow.isoDate(bytes) { return date }
        throw RegisterDamage(id, column, columns)
    }

    /// A date column the schema says NOT NULL.
    func requiredDate(_ column: Column) throws(RegisterDamage) -> LocalDate {
        if let date = try date(column) { return date }
        throw RegisterDamage(id, column, columns)
    }

    /// A code column decoded into its enum: nil for NULL, damage for a code outside it.
    func code<T: RawRepresentable>(_ column: Column, as type: T.Type = T.self) throws(RegisterDamage) -> T?
    where T.RawValue == String {
        guard let text = columns.string(column.rawValue) else { return nil }
        guard let value = T(rawValue: text) else { throw RegisterDamage(id, column, columns) }
        return value
    }

    /// The NOMS number: nil for NULL, damage for one that is not canonical.
    func noms() throws(RegisterDamage) -> NOMSNumber? {
        guard let text = columns.string(Column.noms.rawValue) else { return nil }
        guard let noms = try? NOMSNumber(parsing: text), noms.canonical == text else {
            throw RegisterDamage(id, .noms, columns)
        }
        return noms
    }

    // MARK: Decoding from the stored bytes

    /// `in_custody` or `community` (nil for anything else, NULL included).
    static func inCustody(_ bytes: UnsafeBufferPointer<UInt8>?) -> Bool? {
        guard let bytes else { return nil }
        if equal(bytes, "in_custody") { return true }
        if equal(bytes, "community") { return false }
        return nil
    }

    /// Whether `bytes` are `literal`'s, compared in place eight bytes at a
    /// time (the standard library's `elementsEqual` was not inlined, and a
    /// byte loop cost more than the rest of decoding a check's row).
    @inline(__always)
    static func equal(_ bytes: UnsafeBufferPointer<UInt8>, _ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard bytes.count == count, let base = bytes.baseAddress else { return false }
        let found = UnsafeRawPointer(base)
        let expected = UnsafeRawPointer(literal.utf8Start)
        var offset = 0
        while offset + 8 <= count {
            guard found.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                == expected.loadUnaligned(fromByteOffset: offset, as: UInt64.self) else { return false }
            offset += 8
        }
        while offset < count {
            guard base[offset] == literal.utf8Start[offset] else { return false }
            offset += 1
        }
        return true
    }

    /// The key of a canonical CRN (`A123456`), nil for any other text.
    static func crnKey(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        guard bytes.count == 7, (65...90).contains(bytes[0]) else { return nil }
        var number: Int32 = 0
        for index in 1..<7 {
            let digit = Int32(bytes[index]) &- 48
            guard (0...9).contains(digit) else { return nil }
            number = number * 10 + digit
        }
        return Int32(bytes[0] - 65) * 1_000_000 + number
    }

    static func crn(_ key: Int32) -> CRN? {
        guard key >= 0 else { return nil }
        return CRN(letter: Character(Unicode.Scalar(UInt8(65 + key / 1_000_000))), number: Int(key % 1_000_000))
    }

    /// Year and serial of a PNC ID of the stored form (`YYYY/NNNNNNNC`), nil
    /// for any other text. The check character is recomputed from them when
    /// the value is built (`PNCID(year:serial:)`); it is written only by the
    /// validated paths, so only its place is checked here.
    static func pncParts(_ bytes: UnsafeBufferPointer<UInt8>) -> (Int16, Int32)? {
        guard bytes.count == 13, bytes[4] == UInt8(ascii: "/"), (65...90).contains(bytes[12]) else { return nil }
        var year: Int32 = 0
        var serial: Int32 = 0
        for index in 0..<4 {
            let digit = Int32(bytes[index]) &- 48
            guard (0...9).contains(digit) else { return nil }
            year = year * 10 + digit
        }
        for index in 5..<12 {
            let digit = Int32(bytes[index]) &- 48
            guard (0...9).contains(digit) else { return nil }
            serial = serial * 10 + digit
        }
        return (Int16(year), serial)
    }

    static func pncID(year: Int16, serial: Int32) -> PNCID? {
        year < 0 ? nil : PNCID(year: Int(year), serial: Int(serial))
    }
}

extension RegisterDamage {
    /// The damage of `column` in the scan's current row of nominal `id`.
    /// Never inlined: the rows' readers keep only a call on their cold path.
    @inline(never)
    init(_ id: NominalID, _ column: NominalScan.Column, _ row: SQLiteRow) {
        self.init(.nominal(id), column: column.name, in: row, at: column.rawValue, expected: column.holds)
    }
}
