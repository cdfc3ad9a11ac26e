import Foundation
import GRDB
import Testing
import VisorDomain
import VisorRegister
@testable import VisorStore

/// A register in a folder of its own for the partner tests, with staff of
/// every role in four agencies and nominals built to order. London
/// (probation) owns most nominals; the Met (police) and HMP Belmarsh ask to
/// be partners; Kent, Surrey and Sussex (probation) and Kent Police are third agencies.
final class PartnerRegister: Sendable {
    static let today = LocalDate(year: 2026, month: 11, day: 25)!
    /// 10:30 London time on a Wednesday.
    static let clock = FixedClock(LondonTime.instant(today, hour: 10, minute: 30))

    let folder: String
    let database: AppDatabase
    let london: Agency, met: Agency, belmarsh: Agency, kss: Agency, kent: Agency
    /// London: CPC, deputy CPC, the nominals' manager, another offender manager, an SPO, the first administrator.
    let cpc: User, deputy: User, manager: User, otherOM: User, spo: User, admin: User
    /// The Met: a partner user, a CPC, an SPO. Belmarsh: a partner user. Third agencies: one user each.
    let metOfficer: User, metCPC: User, metSPO: User, prisonOfficer: User, kssOM: User, kentOfficer: User

    init(clock: any VisorClock = PartnerRegister.clock) throws {
        let agencies: [String: Agency]
        (folder, database, agencies) = try StoreFixtures.catalogueRegister("visor-partners", clock: clock,
                                                                           joinedOn: PartnerRegister.today)
        func agency(_ name: String) throws -> Agency { try #require(agencies[name]) }
        london = try agency("London")
        met = try agency("Metropolitan Police Service")
        belmarsh = try agency("HMP Belmarsh")
        kss = try agency("Kent, Surrey and Sussex")
        kent = try agency("Kent Police")
        let database = self.database
        func user(_ name: String, _ fullName: String, _ agency: Agency, _ roles: [Role]) throws -> User {
            let id = try database.write { db in
                try UserRows.insert(db, username: name, fullName: fullName, agencyID: agency.id, staffID: nil,
                                    passwordHash: "unused", roles: roles, clearance: nil,
                                    createdAt: PartnerRegister.clock.now(), createdOn: PartnerRegister.today,
                                    acknowledgedAt: nil)
            }
            return try #require(try database.user(id: id))
        }
        admin = try user("root", "Ada Root", london, [.administrator, .accountCreator])
        cpc = try user("cpc", "Carol Price", london, [.cpc, .supervisor])
        deputy = try user("deputy", "Dev Patel", london, [.deputyCPC])
        manager = try user("om", "Olive Mason", london, [.offenderManager])
        otherOM = try user("om2", "Omar Nasser", london, [.offenderManager])
        spo = try user("spo", "Sam Pollard", london, [.spo])
        metOfficer = try user("police", "Pat Quinn", met, [.partnerUser])
        metCPC = try user("metcpc", "Mel Carter", met, [.cpc, .partnerUser])
        metSPO = try user("metspo", "Mo Stevens", met, [.spo])
        prisonOfficer = try user("prison", "Priya Shah", belmarsh, [.partnerUser])
        kssOM = try user("kssom", "Kim Sorensen", kss, [.offenderManager])
        kentOfficer = try user("kent", "Ken Thomas", kent, [.partnerUser])
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    /// A register of its own with one nominal of `nominal()`'s defaults (London's, CRN X100001).
    static func withNominal() throws -> (PartnerRegister, NominalID) {
        let register = try PartnerRegister()
        return (register, try register.nominal())
    }

    /// Inserts a nominal; returns its id. By default London owns it, Olive Mason manages it,
    /// category 2 level 2 in the community, home force the Met.
    @discardableResult
    func nominal(surname: String = "Wójcik", forenames: String = "Łukasz", born: String = "1985-03-01",
                 crn: String? = "X100001", pnc: String? = nil, noms: String? = nil, owner: Agency? = nil,
                 manager: User? = nil, unmanaged: Bool = false, category: Int = 2, level: Int = 2, orderType: String = "licence",
                 homeForce: Agency? = nil, probationArea: Agency? = nil, lifecycle: String = "active") throws
        -> NominalID {
        let owner = owner ?? london
        let managerID = unmanaged ? nil : (manager ?? self.manager).id
        let homeForce = homeForce ?? met
        return try database.write { db in
            var row = NominalRecord(Nominal(
                id: 0, surname: surname, forenames: forenames, dateOfBirth: LocalDate(iso: born)!, gender: .male,
                pncID: try pnc.map { try PNCID(parsing: $0, currentYear: 2026) },
                nomsNumber: try noms.map { try NOMSNumber(parsing: $0) }, crn: try crn.map { try CRN(parsing: $0) },
                category: MAPPACategory(rawValue: category)!, level: MAPPALevel(rawValue: level)!,
                ownerAgencyID: owner.id, managerUserID: managerID, custody: .community,
                orderType: OrderType(rawValue: orderType)!, homeForceID: homeForce.id,
                probationAreaID: probationArea?.id, lifecycle: Lifecycle(rawValue: lifecycle)!, source: .entered,
                createdOn: PartnerRegister.today), updatedAt: PartnerRegister.clock.now())
            return try row.insertWithKeys(db)
        }
    }

    /// Changes a nominal's MAPPA category and level, as a later edit would.
    func setMAPPA(_ nominal: NominalID, category: Int, level: Int) throws {
        try database.write { db in
            try db.execute(sql: "UPDATE nominal SET mappa_category = ?, mappa_level = ? WHERE id = ?",
                           arguments: [category, level, nominal])
        }
    }

    /// Every row of the partner tables, as text: equal before and after means nothing changed.
    func partnerState() throws -> [String] {
        try database.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM partner_request ORDER BY id").map { "request \($0)" }
                + Row.fetchAll(db, sql: "SELECT * FROM partnership ORDER BY id").map { "partnership \($0)" }
        }
    }

    /// The audit trail: (action, user id, nominal id, detail), oldest first.
    func audit() throws -> [(action: String, user: UserID?, nominal: NominalID?, detail: String)] {
        try database.read { db in
            try Row.fetchAll(db, sql: "SELECT action, user_id, nominal_id, detail FROM audit_event ORDER BY id").map {
                (action: $0["action"], user: $0["user_id"], nominal: $0["nominal_id"], detail: $0["detail"])
            }
        }
    }

    /// The record `user` finds first by `crn`, if it is more than a stub.
    func visible(to user: User, crn: String = "X100001") throws -> VisibleNominal? {
        guard case .visible(let visible)? = try database.findNominals(.crn(CRN(parsing: crn)), for: user).first else { return nil }
        return visible
    }

    /// The audit actions recorded so far for one nominal.
    func auditActions(_ nominal: NominalID) throws -> [String] {
        try audit().filter { $0.nominal == nominal }.map(\.action)
    }
}

/// The store error `body` throws; nil when it succeeds.
func storeFailure<T>(_ body: () throws -> T) -> StoreError? {
    do {
        _ = try body()
        return nil
    } catch {
        return error as? StoreError
    }
}

/// The message of the refusal `body` throws (exit 77); nil when it succeeds or fails otherwise.
func refusal<T>(_ body: () throws -> T) -> String? {
    if case .refused(let message)? = storeFailure(body) { return message }
    return nil
}

/// The message of a step refused as if its record or request did not exist (exit 65), if it was.
func unseen<T>(_ body: () throws -> T) -> String? {
    if case .notVisible(let message)? = storeFailure(body) { return message }
    return nil
}
