import GRDB
import VisorDomain
import VisorRegister

/// R4's candidates: pending partner requests on active nominals, made by the
/// window's end (the answer is due later than the request).
enum R04Query {
    static func candidates(_ db: Database, window: RuleWindow, directory: RuleDirectory,
                           scope: NominalScope? = nil) throws -> [R4AnswerPartnerRequest.Candidate] {
        let filter = scope.map { " AND " + $0.condition("r.nominal_id") } ?? ""
        let rows = try SQLiteCursor(db, sql: """
            SELECT r.id, r.nominal_id, n.crn, n.pnc_id, n.owner_agency_id, r.requesting_agency_id, r.requested_on
            FROM partner_request r JOIN nominal n ON n.id = r.nominal_id
            WHERE r.state = 'pending' AND n.lifecycle = 'active' AND r.requested_on <= '\(window.bound.iso)'\(filter)
            """, cached: false)
        var candidates: [R4AnswerPartnerRequest.Candidate] = []
        while try rows.next() {
            let row = rows.row
            let nominal = RegisterDamage.Subject.nominal(rows.int64(1))
            let requester = rows.int64(5)
            candidates.append(.init(
                requestID: rows.int64(0),
                nominal: RuleNominal(id: rows.int64(1), crn: try row.optionalCRN(2, of: nominal, "crn"),
                                     pncID: try row.optionalPNCID(3, of: nominal, "pnc_id"),
                                     ownerAgencyID: rows.int64(4)),
                requestingAgencyID: requester, requestingAgencyName: directory.name(of: requester),
                requestedOn: try row.requiredDate(6, of: nominal, "partner_request.requested_on")))
        }
        return candidates
    }
}
