import GRDB
import VisorDomain
import VisorRegister

/// The kept actions' agency part: R9's "reconcile" per probation area, R12,
/// R13, R14's sign-ins and R15 — a few rows per agency and user, worked out
/// whole from the small tables, as of a date (R12's coverage and R13's roles
/// depend on it).
enum KeptAgencyActions {
    static func rows(_ db: Database, _ window: RuleWindow, _ directory: RuleDirectory) throws -> [KeptActionRow] {
        let areas = RuleEvaluator.areaActions(directory, firstCreated: try firstCreated(db, directory), window: window)
        return (try RuleEvaluator.userActions(db, window, directory).filter(window.shows) + areas).map {
            KeptActionRow(part: .agency, action: $0)
        }
    }

    /// The earliest creation among each probation area's active nominals, for
    /// the areas never reconciled (one indexed read each).
    static func firstCreated(_ db: Database, _ directory: RuleDirectory) throws -> [AgencyID: LocalDate] {
        var first: [AgencyID: LocalDate] = [:]
        let statement = try db.cachedStatement(sql: """
            SELECT min(created_on) FROM nominal WHERE owner_agency_id = ? AND lifecycle = 'active'
            """)
        for area in directory.probationAreas where directory.snapshotOfArea[area] == nil {
            if let text = try String.fetchOne(statement, arguments: [area]) {
                guard let date = LocalDate(iso: text) else {
                    throw StoreError.io("the register is damaged: the nominals of agency \(area): created_on: "
                        + "\(TerminalText.escaped(text)) is not a date")
                }
                first[area] = date
            }
        }
        return first
    }
}
