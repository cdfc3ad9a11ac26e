import Foundation
import GRDB
import Testing
import VisorDomain
import VisorRegister
@testable import VisorStore

/// A register in a folder of its own for the rules tests: the agencies of
/// agencies.md, a few staff, and nominals written through GRDB to order.
/// `NominalSpec`'s defaults make a London probation record whose every duty
/// is met as of `today`; a test changes what it examines.
final class RulesRegister: Sendable {
    static let today = LocalDate(year: 2026, month: 11, day: 25)!
    static let clock = FixedClock(LondonTime.instant(today, hour: 10, minute: 30))

    let folder: String
    let database: AppDatabase
    let london: AgencyID, southWest: AgencyID, met: AgencyID, kent: AgencyID, belmarsh: AgencyID
    /// London: an offender manager (staff id LDN1), a supervisor, a CPC, an SPO, an administrator.
    let om: UserID, supervisor: UserID, cpc: UserID, spo: UserID, admin: UserID
    /// The Met: an officer who manages police records, and a supervisor. South West: a CPC.
    let officer: UserID, metSupervisor: UserID, swCPC: UserID

    init() throws {
        let longAgo = RulesRegister.today.adding(years: -6)
        let agencies: [String: Agency]
        (folder, database, agencies) = try StoreFixtures.catalogueRegister("visor-rules", clock: RulesRegister.clock,
                                                                           joinedOn: longAgo)
        func agency(_ name: String) throws -> AgencyID { try #require(agencies[name]).id }
        london = try agency("London")
        southWest = try agency("South West")
        met = try agency("Metropolitan Police Service")
        kent = try agency("Kent Police")
        belmarsh = try agency("HMP Belmarsh")
        let database = self.database
        func user(_ name: String, _ agency: AgencyID, _ roles: [Role], staffID: String? = nil) throws -> UserID {
            try database.write { db in
                try UserRows.insert(db, username: name, fullName: name.capitalized, agencyID: agency, staffID: staffID,
                                    passwordHash: StoreFixtures.cheapHash, roles: roles,
                                    clearance: Clearance(kind: .sc, grantedOn: longAgo,
                                                         expiresOn: RulesRegister.today.adding(years: 3)),
                                    createdAt: LondonTime.instant(longAgo, hour: 9), createdOn: longAgo,
                                    acknowledgedAt: LondonTime.instant(longAgo, hour: 9))
            }
        }
        om = try user("om", london, [.offenderManager], staffID: "LDN1")
        supervisor = try user("sup", london, [.supervisor])
        cpc = try user("cpc", london, [.cpc])
        spo = try user("spo", london, [.spo])
        admin = try user("admin", london, [.administrator, .accountCreator, .trainer])
        officer = try user("officer", met, [.offenderManager, .partnerUser], staffID: "MET1")
        metSupervisor = try user("metsup", met, [.supervisor])
        swCPC = try user("swcpc", southWest, [.cpc, .administrator, .accountCreator, .trainer])
        try execute("UPDATE user_account SET last_sign_in_on = ? WHERE id = ?", [RulesRegister.today, spo])
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    func execute(_ sql: String, _ arguments: [(any DatabaseValueConvertible)?] = []) throws {
        try database.write { db in try db.execute(sql: sql, arguments: StatementArguments(arguments)) }
    }

    func signedIn(_ id: UserID) throws -> User { try #require(try database.user(id: id)) }

    /// A full evaluation as of `date` (default: today).
    func evaluate(asOf date: LocalDate = RulesRegister.today, policy: Policy = .standard, horizon: Int = 30)
        throws -> [Action] {
        try RuleEvaluator(database: database, workers: 2).evaluation(asOf: date, policy: policy, horizonDays: horizon)
            .actions
    }

    /// The actions of one rule, in list order.
    func actions(_ rule: RuleID, asOf date: LocalDate = RulesRegister.today, horizon: Int = 30) throws -> [Action] {
        ActionList.sorted(try evaluate(asOf: date, horizon: horizon).filter { $0.rule == rule }, asOf: date,
                          policy: .standard)
    }

    /// Inserts a nominal and the activity that meets its duties; returns its id.
    @discardableResult
    func nominal(_ spec: NominalSpec) throws -> NominalID {
        try database.write { db in try insertNominal(db, spec) }
    }

    /// Writes the nominal of `spec` in the transaction `db` is in.
    func insertNominal(_ db: Database, _ spec: NominalSpec) throws -> NominalID {
        var row = NominalRecord(Nominal(
            id: 0, surname: spec.surname, forenames: "Test", dateOfBirth: LocalDate(year: 1980, month: 1, day: 1)!,
            gender: .male, ethnicity: spec.ethnicity.flatMap(Ethnicity.init(rawValue:)),
            pncID: try spec.pnc.map { try PNCID(parsing: $0, currentYear: 2026) },
            nomsNumber: try spec.noms.map { try NOMSNumber(parsing: $0) }, crn: try spec.crn.map { try CRN(parsing: $0) },
            category: MAPPACategory(rawValue: spec.category)!, level: MAPPALevel(rawValue: spec.level)!,
            levelSince: spec.levelSince, ownerAgencyID: spec.owner ?? london, managerUserID: spec.manager,
            managerAssignedOn: spec.manager == nil ? nil : spec.created,
            custody: CustodyStatus(rawValue: spec.custody)!, establishmentID: spec.establishment,
            custodyStart: spec.custodyStart, releaseDate: spec.release,
            releaseDateType: spec.release == nil ? nil : .potential, mappEntryDate: spec.mappEntry,
            orderType: OrderType(rawValue: spec.orderType)!, homeForceID: spec.homeForce,
            probationAreaID: spec.probationArea, rosh: spec.rosh.flatMap(RoSHLevel.init(rawValue:)),
            roshDate: spec.rosh == nil ? nil : LocalDate(year: 2026, month: 1, day: 1),
            lastNotification: spec.lastNotification, lifecycle: spec.archived ? .archived : .active,
            source: .entered, createdOn: spec.created, createdByUserID: spec.creator ?? om),
            dutyChangedOn: spec.dutyChanged ?? spec.created, updatedAt: Date())
        // The sort key as the fixture always wrote it: the surname, lower-cased.
        row.sortKey = spec.surname.lowercased()
        try row.insert(db)
        let id = db.lastInsertedRowID
        if let validated = spec.validated {
            try db.execute(sql: "INSERT INTO record_check (nominal_id, kind, checked_on, by_user_id) VALUES (?, 'validation', ?, ?)",
                           arguments: [id, validated, spec.checker ?? supervisor])
        }
        if let manager = spec.manager, let viewed = spec.viewed {
            try db.execute(sql: "INSERT INTO record_view (nominal_id, user_id, last_viewed_on) VALUES (?, ?, ?)",
                           arguments: [id, manager, viewed])
        }
        if let meeting = spec.meeting {
            try db.execute(sql: """
                INSERT INTO mapp_meeting (nominal_id, held_on, level, minutes, plan, next_review_on)
                VALUES (?, ?, ?, 'minutes', 'plan', ?)
                """, arguments: [id, meeting.held, max(spec.level, 2), meeting.next])
        }
        for partner in spec.partners {
            try db.execute(sql: """
                INSERT INTO partnership (nominal_id, agency_id, restricted, state, started_at) VALUES (?, ?, 0, 'active', ?)
                """, arguments: [id, partner, LondonTime.instant(spec.created, hour: 11)])
        }
        return id
    }

    /// A pending partner request made on `date` by `agency`.
    @discardableResult
    func request(_ nominal: NominalID, by agency: AgencyID, on date: LocalDate) throws -> Int64 {
        try database.write { db in
            try db.execute(sql: """
                INSERT INTO partner_request (nominal_id, requesting_agency_id, requested_at, requested_on, reason)
                VALUES (?, ?, ?, ?, 'test')
                """, arguments: [nominal, agency, LondonTime.instant(date, hour: 10), date])
            return db.lastInsertedRowID
        }
    }

    /// Stores an extract for `area` reconciled on `date` with these cases.
    func snapshot(_ area: AgencyID, on date: LocalDate, _ cases: [CaseSpec]) throws {
        try database.write { db in
            try db.execute(sql: "DELETE FROM extract_snapshot WHERE area_id = ?", arguments: [area])
            try db.execute(sql: """
                INSERT INTO extract_snapshot (area_id, file_name, reconciled_at, reconciled_on, case_count)
                VALUES (?, 'cases.csv', ?, ?, ?)
                """, arguments: [area, LondonTime.instant(date, hour: 9), date, cases.count])
            let snapshot = db.lastInsertedRowID
            for (index, spec) in cases.enumerated() {
                try db.execute(sql: """
                    INSERT INTO extract_case (snapshot_id, line, crn, pnc_id, surname, forenames, date_of_birth,
                        mappa_category, mappa_level, custody_status, release_date, mapp_entry_date, offender_manager)
                    VALUES (?, ?, ?, ?, 'Case', 'Test', '1980-01-01', ?, ?, ?, ?, ?, ?)
                    """, arguments: [snapshot, index + 2, spec.crn, spec.pnc, spec.category, spec.level, spec.custody,
                                     spec.release, spec.mappEntry, spec.manager])
            }
        }
    }
}

/// A nominal to insert. The defaults: London probation, category 2 level 1 in
/// the community on licence, managed by `om` (viewed yesterday), created 100
/// days ago, validated by the supervisor, every field of the minimum data set.
struct NominalSpec {
    var surname = "Test"
    var crn: String? = "X000001"
    var pnc: String?
    var noms: String?
    var ethnicity: String? = "W1"
    var category = 2
    var level = 1
    var levelSince: LocalDate?
    var owner: AgencyID?
    var manager: UserID?
    var custody = "community"
    var establishment: AgencyID?
    var custodyStart: LocalDate?
    var release: LocalDate?
    var mappEntry: LocalDate?
    var orderType = "licence"
    var homeForce: AgencyID?
    var probationArea: AgencyID?
    var rosh: String? = "medium"
    var lastNotification: LocalDate?
    var archived = false
    var created = RulesRegister.today.adding(days: -100)
    var creator: UserID?
    var dutyChanged: LocalDate?
    var validated: LocalDate? = RulesRegister.today.adding(days: -95)
    var checker: UserID?
    var viewed: LocalDate? = RulesRegister.today.adding(days: -1)
    var meeting: (held: LocalDate, next: LocalDate?)?
    var partners: [AgencyID] = []

    /// London's record managed by `om`, every duty met.
    static func met(_ register: RulesRegister, crn: String = "X000001") -> NominalSpec {
        var spec = NominalSpec()
        spec.crn = crn
        spec.manager = register.om
        return spec
    }

    /// A category 1 record the Met owns and its officer manages, notified a month ago: every duty
    /// met but the police rules' own (R5, R7) a test sets up.
    static func metPoliceCategory1(_ register: RulesRegister) -> NominalSpec {
        var spec = met(register)
        spec.owner = register.met
        spec.manager = register.officer
        spec.category = 1
        spec.lastNotification = RulesRegister.today.plus(-30)
        return spec
    }
}

/// A case of a stored extract.
struct CaseSpec {
    var crn: String
    var pnc: String?
    var category = 2
    var level = 1
    var custody = "community"
    var release: LocalDate?
    var mappEntry: LocalDate?
    var manager: String? = "LDN1"
}

extension LocalDate {
    /// `self` moved by `days` (shorthand for the rules tests).
    func plus(_ days: Int) -> LocalDate { adding(days: days) }
}
