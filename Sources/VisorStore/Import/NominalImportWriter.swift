import Foundation
import GRDB
import VisorDomain
import VisorRegister

/// The write side of an import, inside its transaction: matches rows to
/// existing nominals, inserts and updates them with their search keys, and
/// creates the agencies `--add-agencies` allows.
struct NominalImportWriter {
    let db: Database
    let user: User
    let now: Date
    let today: LocalDate
    /// `now` as stored, formatted once: formatting per row showed in profiles.
    private let nowText: String
    /// True when the register had no nominal: then no row can match one.
    private let registerWasEmpty: Bool
    private(set) var agencies: AgencyIndex
    private(set) var addedAgencies: [(kind: AgencyKind, name: String)] = []
    private var newAgencyIDs: [String: AgencyID] = [:]
    private let managerByStaffID: [String: UserID]
    private let insertNominal: FastStatement
    private let updateNominal: FastStatement
    private let findByCRN: FastStatement
    private let findByPNC: FastStatement
    private let nameKeys: NameKeys.Writer

    /// `columns`: the extract columns the file has. An update sets only those
    /// (nominals-csv.md: "every column in the file is set"); the others keep their values.
    init(db: Database, user: User, now: Date, today: LocalDate,
         columns: Set<ExtractColumn> = Set(ExtractColumn.allCases)) throws {
        self.db = db
        self.user = user
        self.now = now
        self.today = today
        nowText = String.fromDatabaseValue(now.databaseValue) ?? ""
        registerWasEmpty = try Int.fetchOne(db, sql: "SELECT count(*) FROM nominal") == 0
        agencies = AgencyIndex(try AgencyRows.all(db))
        var managers: [String: UserID] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, staff_id FROM user_account WHERE staff_id IS NOT NULL") {
            managers[row["staff_id"]] = row["id"]
        }
        managerByStaffID = managers
        insertNominal = try FastStatement(db, sql: """
            INSERT INTO nominal (surname, forenames, sort_key, date_of_birth, gender, ethnicity, pnc_id, cro_number,
                noms_number, crn, mappa_category, mappa_level, level_since, owner_agency_id, manager_user_id,
                manager_assigned_on, manager_staff_id, custody_status, establishment_id, custody_start, release_date,
                release_date_type, mapp_entry_date, order_type, home_force_id, probation_area_id, rosh_level,
                rosh_date, last_notification, created_on, created_by, duty_changed_on, updated_at, source)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                ?, ?, ?, ?, 'imported')
            """)
        updateNominal = try FastStatement(db, sql: NominalImportWriter.updateSQL(columns: columns))
        findByCRN = try FastStatement(db, sql: "SELECT id FROM nominal WHERE crn = ?")
        findByPNC = try FastStatement(db, sql: "SELECT id FROM nominal WHERE pnc_id = ?")
        nameKeys = try NameKeys.Writer(db)
    }

    /// The UPDATE of a matched nominal: parameters as `bindColumns` binds them
    /// (1…29), then duty_changed_on (30), updated_at (31) and the id (32). A
    /// stored column is set when the file has the extract column it comes from;
    /// the pairs release date and type, RoSH level and date, are set together.
    static func updateSQL(columns: Set<ExtractColumn>) -> String {
        let assignments: [(column: String, from: [ExtractColumn])] = [
            ("surname", []), ("forenames", []), ("sort_key", []), ("date_of_birth", []), ("gender", []),
            ("ethnicity", [.ethnicity]), ("pnc_id", [.pncID]), ("cro_number", [.croNumber]),
            ("noms_number", [.nomsNumber]), ("crn", []), ("mappa_category", []), ("mappa_level", []),
            ("level_since", []), ("owner_agency_id", []), ("manager_user_id", [.offenderManager]),
            ("manager_assigned_on", [.offenderManager]), ("manager_staff_id", [.offenderManager]),
            ("custody_status", []), ("establishment_id", [.establishment]), ("custody_start", [.custodyStartDate]),
            ("release_date", [.releaseDate, .releaseDateType]), ("release_date_type", [.releaseDate, .releaseDateType]),
            ("mapp_entry_date", [.mappEntryDate]), ("order_type", []), ("home_force_id", [.policeForce]),
            ("probation_area_id", [.probationArea]), ("rosh_level", [.roshLevel, .roshDate]),
            ("rosh_date", [.roshLevel, .roshDate]), ("last_notification", [.lastNotificationDate]),
            ("duty_changed_on", []), ("updated_at", []),
        ]
        let set = assignments.enumerated()
            .filter { $0.element.from.isEmpty || $0.element.from.contains(where: columns.contains) }
            .map { "\($0.element.column) = ?\($0.offset + 1)" }
        return "UPDATE nominal SET " + set.joined(separator: ", ") + " WHERE id = ?32"
    }

    /// The nominal a row updates (by crn, else pnc_id), nil for a new one, or
    /// the fault when its crn and pnc_id name two different nominals, or when
    /// it names a new agency the register cannot hold.
    func match(_ row: ExtractCase) throws -> Result<NominalID?, RowFault> {
        let matched = try matchIdentifiers(row)
        guard case .success = matched else { return matched }
        // The schema holds agency names of at most 200 characters (as SQLite counts them).
        // Checked one by one, not through an array: this runs for every row.
        if let fault = Self.tooLongNewAgency(row.managingUnit, .managingUnit, line: row.line)
            ?? Self.tooLongNewAgency(row.establishment, .establishment, line: row.line)
            ?? Self.tooLongNewAgency(row.policeForce, .policeForce, line: row.line)
            ?? Self.tooLongNewAgency(row.probationArea, .probationArea, line: row.line) {
            return .failure(fault)
        }
        return matched
    }

    private static func tooLongNewAgency(_ reference: AgencyReference?, _ column: ExtractColumn, line: Int) -> RowFault? {
        guard case .new(_, let name)? = reference, name.unicodeScalars.count > 200 else { return nil }
        return RowFault(line: line, column: column, value: name, reason: "too long for an agency name (at most 200 characters)")
    }

    private func matchIdentifiers(_ row: ExtractCase) throws -> Result<NominalID?, RowFault> {
        if registerWasEmpty { return .success(nil) }
        findByCRN.bind(1, row.crn.canonical)
        let byCRN = try findByCRN.fetchInt64()
        guard let pnc = row.pncID else { return .success(byCRN) }
        findByPNC.bind(1, pnc.canonical)
        let byPNC = try findByPNC.fetchInt64()
        if let byCRN, let byPNC, byCRN != byPNC {
            return .failure(RowFault(line: row.line, column: .pncID, value: pnc.canonical,
                                     reason: "belongs to nominal \(byPNC), but the crn \(row.crn) is nominal \(byCRN)"))
        }
        return .success(byCRN ?? byPNC)
    }

    mutating func insert(_ row: ExtractCase, names: NameEntry) throws {
        let manager = row.offenderManager.flatMap { managerByStaffID[$0] }
        try bindColumns(insertNominal, row, sortKey: names.sortKey,
                        levelSince: row.level.isMultiAgency ? (row.mappEntryDate ?? today) : nil,
                        manager: manager, assignedOn: manager == nil ? nil : today)
        insertNominal.bind(30, today)
        insertNominal.bind(31, user.id)
        insertNominal.bind(32, today)
        insertNominal.bind(33, nowText)
        try insertNominal.execute()
        try nameKeys.insert(nominalID: db.lastInsertedRowID, keys: names.keys)
    }

    /// Writes what is still buffered; called once every row has been handled.
    func finish() throws {
        try nameKeys.flush()
    }

    mutating func update(_ id: NominalID, from row: ExtractCase, fileName: String) throws {
        guard let old = try Row.fetchOne(db, sql: """
            SELECT surname, forenames, mappa_category, mappa_level, order_type, owner_agency_id, level_since,
                   manager_user_id, manager_assigned_on, duty_changed_on FROM nominal WHERE id = ?
            """, arguments: [id]) else { return }
        let oldLevel: Int = old["mappa_level"]
        let levelSince: LocalDate?
        if !row.level.isMultiAgency {
            levelSince = nil
        } else if oldLevel == 1 {
            levelSince = row.mappEntryDate ?? today
        } else {
            levelSince = old["level_since"] ?? row.mappEntryDate ?? today
        }
        let manager = row.offenderManager.flatMap { managerByStaffID[$0] }
        let oldManager: UserID? = old["manager_user_id"]
        let assignedOn: LocalDate? = manager == nil ? nil : (manager == oldManager ? old["manager_assigned_on"] : today)
        let owner = try agencyID(row.managingUnit)
        let dutyChanged = old["mappa_category"] != row.category.rawValue || oldLevel != row.level.rawValue
            || old["order_type"] != row.orderType.rawValue || old["owner_agency_id"] != owner
        try bindColumns(updateNominal, row, sortKey: NameKeys.sortKey(surname: row.surname, forenames: row.forenames),
                        levelSince: levelSince, manager: manager, assignedOn: assignedOn)
        updateNominal.bind(30, dutyChanged ? today : (old["duty_changed_on"] as LocalDate?))
        updateNominal.bind(31, nowText)
        updateNominal.bind(32, id)
        try updateNominal.execute()
        let aliases: [(surname: String, forenames: String)] = try Row.fetchAll(
            db, sql: "SELECT surname, forenames FROM nominal_alias WHERE nominal_id = ?", arguments: [id]
        ).map { ($0["surname"], $0["forenames"]) }
        let oldKeys = NameKeys.keys(surname: old["surname"], forenames: old["forenames"], aliases: aliases)
        try nameKeys.replace(nominalID: id, old: oldKeys, surname: row.surname, forenames: row.forenames,
                             aliases: aliases)
        try AuditLog.append(db, at: now, actor: .user(user), action: .importUpdate, nominalID: id,
                            detail: "\(fileName) line \(row.line): every column of the extract set")
    }

    /// Binds parameters 1…29, shared by the INSERT and the UPDATE.
    private mutating func bindColumns(_ s: FastStatement, _ row: ExtractCase, sortKey: String, levelSince: LocalDate?,
                                      manager: UserID?, assignedOn: LocalDate?) throws {
        s.bind(1, row.surname)
        s.bind(2, row.forenames)
        s.bind(3, sortKey)
        s.bind(4, row.dateOfBirth)
        s.bind(5, row.gender)
        s.bind(6, row.ethnicity)
        s.bind(7, row.pncID?.canonical)
        s.bind(8, row.croNumber?.canonical)
        s.bind(9, row.nomsNumber?.canonical)
        s.bind(10, row.crn.canonical)
        s.bind(11, row.category)
        s.bind(12, row.level)
        s.bind(13, levelSince)
        s.bind(14, try agencyID(row.managingUnit))
        s.bind(15, manager)
        s.bind(16, assignedOn)
        s.bind(17, row.offenderManager)
        s.bind(18, row.custody)
        s.bind(19, try row.establishment.map { try agencyID($0) })
        s.bind(20, row.custodyStart)
        s.bind(21, row.releaseDate)
        // A type qualifies a release date: without one it is dropped (the schema allows neither alone).
        s.bind(22, row.releaseDate == nil ? nil : row.releaseDateType)
        s.bind(23, row.mappEntryDate)
        s.bind(24, row.orderType)
        s.bind(25, try row.policeForce.map { try agencyID($0) })
        s.bind(26, try row.probationArea.map { try agencyID($0) })
        s.bind(27, row.rosh)
        s.bind(28, row.roshDate)
        s.bind(29, row.lastNotification)
    }

    private mutating func agencyID(_ reference: AgencyReference) throws -> AgencyID {
        switch reference {
        case .known(let id):
            return id
        case .new(let kind, let name):
            let key = "\(kind.rawValue):\(Agency.matchKey(name))"
            if let id = newAgencyIDs[key] { return id }
            let id = try AgencyRows.insert(db, kind: kind, name: name, createdOn: today)
            newAgencyIDs[key] = id
            agencies.add(Agency(id: id, kind: kind, name: name, createdOn: today))
            addedAgencies.append((kind, name))
            return id
        }
    }
}
