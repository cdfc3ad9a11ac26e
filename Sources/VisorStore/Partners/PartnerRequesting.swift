import Foundation
import GRDB
import VisorDomain
import VisorRegister

extension AppDatabase {
    /// Asks for the user's agency to be made partner on a nominal, with a
    /// reason. Refused for a read-only user, the owner, an existing partner,
    /// an agency whose request is already pending, or where R7 forbids it.
    public func requestPartnership(nominal reference: NominalReference, reason: String, by user: User,
                                   policy: Policy = .standard) throws(StoreError) -> PartnerRequestView {
        try auditingRefusal(by: user, step: "partners request") { () throws(StoreError) -> PartnerRequestView in
            let now = clock.now()
            let today = LondonTime.date(of: now)
            return try change { db, kept in
                let actor = try PartnerRecords.actingUser(db, user)
                let nominal = try PartnerRecords.nominal(db, reference)
                try kept.touch(db, nominals: [nominal.id])
                kept.queues.formUnion([actor.agencyID, nominal.facts.ownerAgencyID])
                try PartnerRecords.require(AccessPolicy.decide(Viewer(user: actor), .requestPartnership, on: nominal.facts))
                if let pending = try PartnerRequestRows.requests(
                    db, where: "r.nominal_id = :nominal AND r.requesting_agency_id = :agency AND r.state = 'pending'",
                    arguments: ["nominal": nominal.id, "agency": actor.agencyID], viewerAgency: actor.agencyID).first {
                    throw StoreError.refused("a request from your agency is already pending on nominal \(nominal.id) "
                        + "(request \(pending.request.id), made by \(PartnerRecords.who(pending.requestedBy)) "
                        + PartnerRecords.when(pending.request.requestedAt) + ")")
                }
                let agency = try PartnerRecords.agency(db, id: actor.agencyID)
                if let refusal = R7ProbationOnCategory1Level1.refusal(partnerKind: agency.kind, category: nominal.category,
                                                                      level: nominal.level) {
                    throw StoreError.refused("\(agency.name) may not request partnership on nominal \(nominal.id): \(refusal)")
                }
                let why = try PartnerRecords.requiredReason(reason, for: "a partner request")
                try db.execute(sql: """
                    INSERT INTO partner_request (nominal_id, requesting_agency_id, requested_by, requested_at, requested_on,
                                                 reason) VALUES (?, ?, ?, ?, ?, ?)
                    """, arguments: [nominal.id, actor.agencyID, actor.id, now, today, why])
                let id = db.lastInsertedRowID
                try AuditLog.append(db, at: now, actor: .user(actor), action: .requestPartnership, nominalID: nominal.id,
                                    detail: "request \(id) from \(agency.name) to \(nominal.ownerName): \(why)")
                return try PartnerRequestRows.existing(db, id: id, viewerAgency: actor.agencyID)
                    .view(for: actor, today: today, policy: policy)
            }
        }
    }

    /// Withdraws a pending request: any user of the requesting agency with a working role may.
    public func withdrawPartnerRequest(_ id: PartnerRequestID, by user: User,
                                       policy: Policy = .standard) throws(StoreError) -> PartnerRequestView {
        try auditingRefusal(by: user, step: "partners withdraw") { () throws(StoreError) -> PartnerRequestView in
            let now = clock.now()
            return try change { db, kept in
                let actor = try PartnerRecords.actingUser(db, user)
                let row = try PartnerRequestRows.existing(db, id: id, viewerAgency: actor.agencyID)
                try kept.touch(db, nominals: [row.request.nominalID])
                kept.queues.formUnion([row.requestingAgency.id, row.ownerAgency.id])
                guard actor.agencyID == row.requestingAgency.id else {
                    throw StoreError.refused("only users of \(row.requestingAgency.name), which made request \(id), "
                        + "may withdraw it")
                }
                let nominal = try PartnerRecords.nominal(db, id: row.request.nominalID)
                try PartnerRecords.require(AccessPolicy.decide(Viewer(user: actor), .withdrawRequest, on: nominal.facts))
                try PartnerRequestRows.close(db, row, to: .withdrawn, restricted: false, by: actor, at: now,
                                             decisionReason: nil)
                try AuditLog.append(db, at: now, actor: .user(actor), action: .withdrawRequest, nominalID: nominal.id,
                                    detail: "request \(id) from \(row.requestingAgency.name) withdrawn")
                return try PartnerRequestRows.view(db, id, for: actor, at: now, policy: policy)
            }
        }
    }
}

extension PartnerRequestRows {
    /// The request as `user` sees it once a step at `now` has changed it.
    static func view(_ db: Database, _ id: PartnerRequestID, for user: User, at now: Date,
                     policy: Policy) throws -> PartnerRequestView {
        try existing(db, id: id, viewerAgency: user.agencyID).view(for: user, today: LondonTime.date(of: now),
                                                                   policy: policy)
    }

    /// Moves a request out of `pending` with a conditional UPDATE. When another
    /// terminal's answer got there first (zero rows changed), nothing is
    /// overwritten and the step is refused naming who answered and when.
    static func close(_ db: Database, _ row: PartnerRequestRow, to state: PartnerRequest.State, restricted: Bool,
                      by user: User, at now: Date, decisionReason: String?) throws {
        guard row.request.state == .pending else { throw StoreError.refused(row.alreadyAnsweredMessage) }
        try db.execute(sql: """
            UPDATE partner_request SET state = ?, restricted = ?, decided_by = ?, decided_at = ?, decision_reason = ?
            WHERE id = ? AND state = 'pending'
            """, arguments: [state, restricted, user.id, now, decisionReason, row.request.id])
        guard db.changesCount == 1 else {
            let current = try existing(db, id: row.request.id, viewerAgency: user.agencyID)
            throw StoreError.refused(current.alreadyAnsweredMessage)
        }
    }
}
