import Foundation
import GRDB
import VisorDomain

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

    init(db: Database, user: User, now: Date, today: LocalDate) throws {
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
        updateNominal = try FastStatement(db, sql: """
            UPDATE nominal SET surname = ?1, forenames = ?2, sort_key = ?3, date_of_birth = ?4, gender = ?5,
                ethnicity = ?6, pnc_id = ?7, cro_number = ?8, noms_number = ?9, crn = ?10, mappa_category = ?11,
                mappa_level = ?12, level_since = ?13, owner_agency_id = ?14, manager_user_id = ?15,
                manager_assigned_on = ?16, manager_staff_id = ?17, custody_status = ?18, establishment_id = ?19,
                custody_start = ?20, release_date = ?21, release_date_type = ?22, mapp_entry_date = ?23,
                order_type = ?24, home_force_id = ?25, probation_area_id = ?26, rosh_level = ?27, rosh_date = ?28,
                last_notification = ?29, duty_changed_on = ?30, updated_at = ?31
            WHERE id = ?32
            """)
        findByCRN = try FastStatement(db, sql: "SELECT id FROM nominal WHERE crn = ?")
        findByPNC = try FastStatement(db, sql: "SELECT id FROM nominal WHERE pnc_id = ?")
        nameKeys = try NameKeys.Writer(db)
    }

    /// The nominal a row updates (by crn, else pnc_id), nil for a new one, or
    /// the fault when its crn and pnc_id name two different nominals.
    func match(_ row: ExtractCase) throws -> Result<NominalID?, RowFault> {
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
        s.bind(22, row.releaseDateType)
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
