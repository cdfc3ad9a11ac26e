import Foundation
import GRDB
import VisorDomain
import VisorRegister

/// R7's candidates: active partnerships of probation areas on active category
/// 1 level 1 nominals (few: read from the probation areas' partnerships).
/// The duty dates from the rule's own `dutySince` (the change to category 1
/// level 1, or the partnership's start if later).
enum R07Query {
    static func candidates(_ db: Database, window: RuleWindow, directory: RuleDirectory,
                           scope: NominalScope? = nil) throws -> [R7ProbationOnCategory1Level1.Candidate] {
        let filter = scope.map { " AND " + $0.condition("p.nominal_id") } ?? ""
        let areas = directory.probationAreas.map(String.init).joined(separator: ",")
        let rows = try SQLiteCursor(db, sql: """
            SELECT p.nominal_id, n.crn, n.pnc_id, n.owner_agency_id, p.agency_id, p.started_at, n.duty_changed_on
            FROM partnership p JOIN nominal n ON n.id = p.nominal_id
            WHERE p.state = 'active' AND p.agency_id IN (\(areas)) AND n.mappa_category = 1 AND n.mappa_level = 1
              AND n.lifecycle = 'active' AND n.duty_changed_on <= '\(window.bound.iso)'\(filter)
            """, cached: false)
        var candidates: [R7ProbationOnCategory1Level1.Candidate] = []
        while try rows.next() {
            let row = rows.row
            let nominal = RegisterDamage.Subject.nominal(rows.int64(0))
            let changed = try row.requiredDate(6, of: nominal, "duty_changed_on")
            guard let started = rows.string(5).flatMap({ Date.fromDatabaseValue($0.databaseValue) }) else {
                throw RegisterDamage(nominal, column: "partnership.started_at", in: row, at: 5, expected: "a time")
            }
            let partner = rows.int64(4)
            candidates.append(.init(nominal: RuleNominal(id: rows.int64(0),
                                                         crn: try row.optionalCRN(1, of: nominal, "crn"),
                                                         pncID: try row.optionalPNCID(2, of: nominal, "pnc_id"),
                                                         ownerAgencyID: rows.int64(3)),
                                    partnerAgencyID: partner,
                                    partnerName: directory.name(of: partner),
                                    dutySince: R7ProbationOnCategory1Level1.dutySince(
                                        changedOn: changed, partnershipStartedOn: LondonTime.date(of: started))))
        }
        return candidates
    }
}
