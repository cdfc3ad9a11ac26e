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
    private(set) var agencies: AgencyIndex
    private(set) var addedAgencies: [(kind: AgencyKind, name: String)] = []
    private var newAgencyIDs: [String: AgencyID] = [:]
    private let managerByStaffID: [String: UserID]

    init(db: Database, user: User, now: Date, today: LocalDate) throws {
        self.db = db
        self.user = user
        self.now = now
        self.today = today
        agencies = AgencyIndex(try AgencyRows.all(db))
        var managers: [String: UserID] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, staff_id FROM user_account WHERE staff_id IS NOT NULL") {
            managers[row["staff_id"]] = row["id"]
        }
        managerByStaffID = managers
    }

    /// The nominal a row updates (by crn, else pnc_id), nil for a new one, or
    /// the fault when its crn and pnc_id name two different nominals.
    func match(_ row: ExtractCase) throws -> Result<NominalID?, RowFault> {
        let byCRN = try NominalID.fetchOne(db.cachedStatement(sql: "SELECT id FROM nominal WHERE crn = ?"),
                                           arguments: [row.crn])
        guard let pnc = row.pncID else { return .success(byCRN) }
        let byPNC = try NominalID.fetchOne(db.cachedStatement(sql: "SELECT id FROM nominal WHERE pnc_id = ?"),
                                           arguments: [pnc])
        if let byCRN, let byPNC, byCRN != byPNC {
            return .failure(RowFault(line: row.line, column: .pncID, value: pnc.canonical,
                                     reason: "belongs to nominal \(byPNC), but the crn \(row.crn) is nominal \(byCRN)"))
        }
        return .success(byCRN ?? byPNC)
    }

    mutating func insert(_ row: ExtractCase) throws {
        let values = try resolved(row)
        let levelSince: LocalDate? = row.level.isMultiAgency ? (row.mappEntryDate ?? today) : nil
        let statement = try db.cachedStatement(sql: """
            INSERT INTO nominal (surname, forenames, sort_key, date_of_birth, gender, ethnicity, pnc_id, cro_number,
                noms_number, crn, mappa_category, mappa_level, level_since, owner_agency_id, manager_user_id,
                manager_assigned_on, manager_staff_id, custody_status, establishment_id, custody_start, release_date,
                release_date_type, mapp_entry_date, order_type, home_force_id, probation_area_id, rosh_level,
                rosh_date, last_notification, source, created_on, created_by, duty_changed_on, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                'imported', ?, ?, ?, ?)
            """)
        let manager = row.offenderManager.flatMap { managerByStaffID[$0] }
        statement.setUncheckedArguments(StatementArguments(values.core + [
            levelSince, values.owner, manager, manager == nil ? nil : today, row.offenderManager,
        ] + values.custody + [today, user.id, today, now]))
        try statement.execute()
        let id = db.lastInsertedRowID
        try NameKeys.insert(db, nominalID: id, surname: row.surname, forenames: row.forenames)
    }

    mutating func update(_ id: NominalID, from row: ExtractCase, fileName: String) throws {
        let values = try resolved(row)
        guard let old = try Row.fetchOne(db, sql: """
            SELECT mappa_category, mappa_level, order_type, owner_agency_id, level_since, manager_user_id,
                   manager_assigned_on, duty_changed_on FROM nominal WHERE id = ?
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
        let dutyChanged = old["mappa_category"] != row.category.rawValue || oldLevel != row.level.rawValue
            || old["order_type"] != row.orderType.rawValue || old["owner_agency_id"] != values.owner
        let dutyChangedOn: LocalDate = dutyChanged ? today : old["duty_changed_on"]
        try db.execute(sql: """
            UPDATE nominal SET surname = ?, forenames = ?, sort_key = ?, date_of_birth = ?, gender = ?,
                ethnicity = ?, pnc_id = ?, cro_number = ?, noms_number = ?, crn = ?, mappa_category = ?,
                mappa_level = ?, level_since = ?, owner_agency_id = ?, manager_user_id = ?, manager_assigned_on = ?,
                manager_staff_id = ?, custody_status = ?, establishment_id = ?, custody_start = ?, release_date = ?,
                release_date_type = ?, mapp_entry_date = ?, order_type = ?, home_force_id = ?,
                probation_area_id = ?, rosh_level = ?, rosh_date = ?, last_notification = ?, duty_changed_on = ?,
                updated_at = ?
            WHERE id = ?
            """, arguments: StatementArguments(values.core + [
                levelSince, values.owner, manager, assignedOn, row.offenderManager,
            ] + values.custody + [dutyChangedOn, now, id]))
        try db.execute(sql: "DELETE FROM name_key WHERE nominal_id = ?", arguments: [id])
        let aliases = try Row.fetchAll(db, sql: "SELECT surname, forenames FROM nominal_alias WHERE nominal_id = ?",
                                       arguments: [id])
        try NameKeys.insert(db, nominalID: id, surname: row.surname, forenames: row.forenames,
                            aliases: aliases.map { ($0["surname"], $0["forenames"]) })
        try AuditLog.append(db, at: now, actor: .user(user), action: .importUpdate, nominalID: id,
                            detail: "\(fileName) line \(row.line): every column of the extract set")
    }

    /// Column values shared by insert and update, in statement order.
    private mutating func resolved(_ row: ExtractCase)
        throws -> (core: [(any DatabaseValueConvertible)?], owner: AgencyID, custody: [(any DatabaseValueConvertible)?]) {
        let owner = try agencyID(row.managingUnit)
        let core: [(any DatabaseValueConvertible)?] = [
            row.surname, row.forenames, NameKeys.sortKey(surname: row.surname, forenames: row.forenames),
            row.dateOfBirth, row.gender, row.ethnicity, row.pncID, row.croNumber, row.nomsNumber, row.crn,
            row.category, row.level,
        ]
        let establishment = try row.establishment.map { try agencyID($0) }
        let force = try row.policeForce.map { try agencyID($0) }
        let area = try row.probationArea.map { try agencyID($0) }
        let custody: [(any DatabaseValueConvertible)?] = [
            row.custody, establishment, row.custodyStart, row.releaseDate, row.releaseDateType,
            row.mappEntryDate, row.orderType, force, area, row.rosh, row.roshDate, row.lastNotification,
        ]
        return (core, owner, custody)
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
