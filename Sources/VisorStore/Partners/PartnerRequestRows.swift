import Foundation
import GRDB
import VisorDomain
import VisorRegister

/// One `partner_request` row with its nominal's stub fields, both agencies,
/// the users named on it, and the viewer's own partnership on the nominal.
struct PartnerRequestRow {
    var request: PartnerRequest
    var requestedOn: LocalDate
    var requestingAgency: Agency
    var ownerAgency: Agency
    var requestedBy: UserName?
    var decidedBy: UserName?
    var surname: String
    var forenames: String
    var dateOfBirth: LocalDate
    var crn: CRN?
    var managerUserID: UserID?
    var lifecycle: Lifecycle
    /// The viewer's agency's active partnership on the nominal: restricted or not; nil when none.
    var viewerPartnership: Bool?

    /// What `viewer` sees of this request today.
    func view(for viewer: User, today: LocalDate, policy: Policy) -> PartnerRequestView {
        // AccessPolicy looks only at the viewer's own agency among the partners,
        // so the viewer's partnership is all the facts need.
        let facts = RecordFacts(
            nominalID: request.nominalID, ownerAgencyID: ownerAgency.id, managerUserID: managerUserID,
            createdByUserID: nil, partners: viewerPartnership.map { [viewer.agencyID: $0] } ?? [:],
            lifecycle: lifecycle)
        let access = AccessPolicy.access(Viewer(user: viewer), to: facts, exactMatch: false)
        let pending = request.state == .pending
        return PartnerRequestView(
            id: request.id, nominalID: request.nominalID, crn: access >= .restricted ? crn : nil,
            surname: surname, forenames: forenames, dateOfBirth: dateOfBirth,
            requestingAgency: requestingAgency, ownerAgency: ownerAgency, requestedBy: requestedBy,
            state: request.state, restricted: request.restricted, requestedAt: request.requestedAt,
            requestedOn: requestedOn, due: R4AnswerPartnerRequest.due(requestedOn: requestedOn, policy: policy),
            ageDays: requestedOn.days(until: today), decidedBy: decidedBy, decidedAt: request.decidedAt,
            reason: request.reason, decisionReason: request.decisionReason,
            viewerMayAnswer: pending && AccessPolicy.decide(Viewer(user: viewer), .answerRequest, on: facts).isAllowed,
            viewerMayWithdraw: pending && viewer.agencyID == requestingAgency.id
                && AccessPolicy.decide(Viewer(user: viewer), .withdrawRequest, on: facts).isAllowed)
    }

    /// Why a step on this request is no longer possible: it was already answered.
    var alreadyAnsweredMessage: String {
        var message = "request \(request.id) was already \(request.state.rawValue)"
        if request.state != .pending {
            message += " by " + PartnerRecords.who(decidedBy)
            if let decidedAt = request.decidedAt { message += " " + PartnerRecords.when(decidedAt) }
        }
        return message + "; nothing was changed"
    }
}

enum PartnerRequestRows {
    /// Columns 0–29, read by position in `decode`.
    private static let select = """
        SELECT r.id, r.nominal_id, r.requesting_agency_id, r.requested_at, r.requested_on, r.reason, r.state,
               r.restricted, r.decided_at, r.decision_reason,
               n.surname, n.forenames, n.date_of_birth, n.crn, n.manager_user_id, n.lifecycle,
               ra.kind AS ra_kind, ra.name AS ra_name, ra.created_on AS ra_created_on,
               oa.id AS oa_id, oa.kind AS oa_kind, oa.name AS oa_name, oa.created_on AS oa_created_on,
               qu.id AS qu_id, qu.username AS qu_username, qu.full_name AS qu_full_name,
               du.id AS du_id, du.username AS du_username, du.full_name AS du_full_name,
               (SELECT p.restricted FROM partnership p
                 WHERE p.nominal_id = r.nominal_id AND p.agency_id = :viewer AND p.state = 'active') AS viewer_partner
        FROM partner_request r {index}
        JOIN nominal n ON n.id = r.nominal_id
        JOIN agency ra ON ra.id = r.requesting_agency_id
        JOIN agency oa ON oa.id = n.owner_agency_id
        LEFT JOIN user_account qu ON qu.id = r.requested_by
        LEFT JOIN user_account du ON du.id = r.decided_by
        """

    /// The request `id` as `viewerAgency` sees it, or nil when there is none.
    static func request(_ db: Database, id: PartnerRequestID, viewerAgency: AgencyID) throws -> PartnerRequestRow? {
        try requests(db, where: "r.id = :id", arguments: ["id": id], viewerAgency: viewerAgency).first
    }

    /// The request `id`; one that does not exist is bad input (exit 65), and one between two other
    /// agencies answers exactly the same, naming neither of them.
    static func existing(_ db: Database, id: PartnerRequestID, viewerAgency: AgencyID) throws -> PartnerRequestRow {
        guard let row = try request(db, id: id, viewerAgency: viewerAgency) else {
            throw StoreError.badInput("no partner request \(id) on the register")
        }
        guard viewerAgency == row.requestingAgency.id || viewerAgency == row.ownerAgency.id else {
            throw StoreError.notVisible("no partner request \(id) on the register")
        }
        return row
    }

    /// Requests matching `condition` (over `r`, `n`), oldest first; `index` names a partial index the
    /// condition matches (the planner prefers a scan of `partner_request_by_nominal` unless told).
    static func requests(_ db: Database, where condition: String, arguments: [String: (any DatabaseValueConvertible)?],
                         viewerAgency: AgencyID, index: String? = nil, order: String = "r.requested_at, r.id",
                         limit: Int? = nil) throws -> [PartnerRequestRow] {
        var all = arguments
        all["viewer"] = viewerAgency
        let from = select.replacingOccurrences(of: "{index}", with: index.map { "INDEXED BY \($0)" } ?? "")
        return try Row.fetchAll(db, sql: from + " WHERE " + condition + " ORDER BY " + order
                                    + (limit.map { " LIMIT \(max(0, $0))" } ?? ""),
                                arguments: StatementArguments(all)).map(decode)
    }

    /// By position in `select`: looking a column up by name lowercases it each time, which was most
    /// of reading a partner queue of hundreds of requests.
    private static func decode(_ row: Row) -> PartnerRequestRow {
        let request = PartnerRequest(
            id: row[0], nominalID: row[1], requestingAgencyID: row[2], requestedByUserID: row[23],
            requestedAt: row[3], reason: row[5], state: row[6], restricted: row[7], decidedByUserID: row[26],
            decidedAt: row[8], decisionReason: row[9])
        func user(at index: Int) -> UserName? {
            guard let id: UserID = row[index] else { return nil }
            return UserName(id: id, username: row[index + 1], fullName: row[index + 2])
        }
        return PartnerRequestRow(
            request: request, requestedOn: row[4],
            requestingAgency: Agency(id: row[2], kind: row[16], name: row[17], createdOn: row[18]),
            ownerAgency: Agency(id: row[19], kind: row[20], name: row[21], createdOn: row[22]),
            requestedBy: user(at: 23), decidedBy: user(at: 26), surname: row[10], forenames: row[11],
            dateOfBirth: row[12], crn: row[13], managerUserID: row[14], lifecycle: row[15], viewerPartnership: row[29])
    }
}
