import Foundation
import GRDB
import VisorDomain
import VisorRegister
import VisorStore

/// What the demonstration builders share while they fill one transaction.
struct DemoContext {
    let db: Database
    var random: DemoRandom
    let today: LocalDate
    let now: Date
    let policy: Policy
    private(set) var agencyIDs: [String: AgencyID] = [:]
    private(set) var agenciesByKind: [AgencyKind: [AgencyID]] = [:]
    var staff = DemoStaffDirectory()
    /// Search keys, written in batches; `DemoRegister` flushes it once the nominals are written.
    let nameKeys: NameKeys.Writer

    init(db: Database, seed: UInt64, today: LocalDate, now: Date, policy: Policy) throws {
        self.db = db
        self.random = DemoRandom(seed: seed)
        self.today = today
        self.now = now
        self.policy = policy
        nameKeys = try NameKeys.Writer(db)
        try AgencyRows.insertCatalog(db, createdOn: today.adding(years: -5))
        for agency in try AgencyRows.all(db) {
            agencyIDs[agency.name] = agency.id
            agenciesByKind[agency.kind, default: []].append(agency.id)
        }
    }

    /// The id of a canonical agency by its exact name.
    func agency(_ name: String) -> AgencyID { agencyIDs[name] ?? 0 }

    /// The instant of a date at a working hour, for timestamps placed relative to today.
    func instant(_ date: LocalDate, hour: Int = 10) -> Date { LondonTime.instant(date, hour: hour) }

    func day(_ offset: Int) -> LocalDate { today.adding(days: offset) }

    /// Runs an INSERT through a cached statement (the demo inserts hundreds of thousands of rows).
    func insert(_ sql: String, _ values: [(any DatabaseValueConvertible)?]) throws {
        let statement = try db.cachedStatement(sql: sql)
        statement.setUncheckedArguments(StatementArguments(values))
        try statement.execute()
    }
}

/// The demonstration's staff, by agency and job, for assigning managers and authors.
struct DemoStaffDirectory {
    /// Offender managers (or police managers) of each agency: user id and staff id.
    var managers: [AgencyID: [(id: UserID, staffID: String)]] = [:]
    var supervisors: [AgencyID: [UserID]] = [:]
    var partnerUsers: [AgencyID: [UserID]] = [:]
    /// The named users of cli.md.
    var named: [String: UserID] = [:]

    func manager(of agency: AgencyID, _ random: inout DemoRandom) -> (id: UserID, staffID: String)? {
        guard let list = managers[agency], !list.isEmpty else { return nil }
        return random.pick(list)
    }

    func author(of agency: AgencyID, _ random: inout DemoRandom) -> UserID? {
        if let manager = manager(of: agency, &random) { return manager.id }
        return partnerUsers[agency].flatMap { $0.isEmpty ? nil : random.pick($0) }
    }
}
