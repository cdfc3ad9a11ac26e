import VisorDomain

/// The columns of a stored extract's case that R1, R2 and R9 read, declared
/// once: a query selects `selectList` at a place of its choosing and decodes
/// from the same place, so no position is numbered by hand.
enum ExtractCaseColumn: Int32, CaseIterable {
    case line, crn, pncID, category, level, custody, releaseDate, mappEntryDate, offenderManager

    /// The column's name in `extract_case`.
    var name: StaticString {
        switch self {
        case .line: "line"
        case .crn: "crn"
        case .pncID: "pnc_id"
        case .category: "mappa_category"
        case .level: "mappa_level"
        case .custody: "custody_status"
        case .releaseDate: "release_date"
        case .mappEntryDate: "mapp_entry_date"
        case .offenderManager: "offender_manager"
        }
    }

    /// The columns for a SELECT on `extract_case c`.
    static let selectList = allCases.map { "c.\($0.name)" }.joined(separator: ", ")

    /// The case whose columns start at `offset` of `row`, in the stored
    /// extract of `area`; a value the extract's import could never have
    /// stored is `RegisterDamage`, naming the extract's line.
    static func decode(_ row: SQLiteRow, at offset: Int32, area: AgencyID) throws(RegisterDamage)
        -> ReconciliationCase {
        func at(_ column: ExtractCaseColumn) -> Int32 { offset + column.rawValue }
        let subject = RegisterDamage.Subject.extractCase(area: area, line: row.int(at(.line)))
        return ReconciliationCase(
            crn: try row.requiredCRN(at(.crn), of: subject, ExtractCaseColumn.crn.name),
            pncID: try row.optionalPNCID(at(.pncID), of: subject, ExtractCaseColumn.pncID.name),
            category: try row.requiredCategory(at(.category), of: subject, ExtractCaseColumn.category.name),
            level: try row.requiredLevel(at(.level), of: subject, ExtractCaseColumn.level.name),
            custody: try row.requiredCode(at(.custody), of: subject, ExtractCaseColumn.custody.name,
                                          expected: "a custody status"),
            releaseDate: try row.optionalDate(at(.releaseDate), of: subject, ExtractCaseColumn.releaseDate.name),
            mappEntryDate: try row.optionalDate(at(.mappEntryDate), of: subject, ExtractCaseColumn.mappEntryDate.name),
            offenderManager: row.string(at(.offenderManager)))
    }
}

/// The register's side of an R9 pair — a nominal and its manager's staff
/// id — declared once, as `ExtractCaseColumn`; on `nominal n` and
/// `user_account u` (the manager, joined).
enum PairNominalColumn: Int32, CaseIterable {
    case id, crn, pncID, owner, lifecycle, category, level, custody, releaseDate, staffID

    /// The column's name, with its table's alias.
    var name: StaticString {
        switch self {
        case .id: "n.id"
        case .crn: "n.crn"
        case .pncID: "n.pnc_id"
        case .owner: "n.owner_agency_id"
        case .lifecycle: "n.lifecycle"
        case .category: "n.mappa_category"
        case .level: "n.mappa_level"
        case .custody: "n.custody_status"
        case .releaseDate: "n.release_date"
        case .staffID: "u.staff_id"
        }
    }

    static let selectList = allCases.map { "\($0.name)" }.joined(separator: ", ")

    /// The nominal whose columns start at `offset` of `row`; nil when its id
    /// is NULL (a case that matched no nominal).
    static func decode(_ row: SQLiteRow, at offset: Int32) throws(RegisterDamage) -> ReconciliationNominal? {
        func at(_ column: PairNominalColumn) -> Int32 { offset + column.rawValue }
        guard let id = row.optionalInt64(at(.id)) else { return nil }
        let subject = RegisterDamage.Subject.nominal(id)
        return ReconciliationNominal(
            nominalID: id, crn: try row.optionalCRN(at(.crn), of: subject, "crn"),
            pncID: try row.optionalPNCID(at(.pncID), of: subject, "pnc_id"), ownerAgencyID: row.int64(at(.owner)),
            lifecycle: try row.requiredCode(at(.lifecycle), of: subject, "lifecycle", expected: "a lifecycle"),
            category: try row.requiredCategory(at(.category), of: subject, "mappa_category"),
            level: try row.requiredLevel(at(.level), of: subject, "mappa_level"),
            custody: try row.requiredCode(at(.custody), of: subject, "custody_status", expected: "a custody status"),
            releaseDate: try row.optionalDate(at(.releaseDate), of: subject, "release_date"),
            managerStaffID: row.string(at(.staffID)))
    }
}
