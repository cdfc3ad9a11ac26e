import Foundation
import GRDB
import VisorDomain
import VisorRegister

extension AppDatabase {
    /// Accepts a pending request, making the requesting agency a full or
    /// restricted partner. Only the owner's CPC, deputy CPC or the nominal
    /// manager may; R7 is checked again now, since the category or level may
    /// have changed since the request. Of two answers racing from two
    /// terminals exactly one is recorded; the other is refused naming it.
    public func acceptPartnerRequest(_ id: PartnerRequestID, restricted: Bool, by user: User,
                                     policy: Policy = .standard) throws(StoreError) -> PartnerRequestView {
        try answering(id, by: user, step: "partners accept", policy: policy) { db, kept, actor, row, nominal, now in
            try kept.listed(db, nominals: [nominal.id])
            if let refusal = R7ProbationOnCategory1Level1.refusal(
                partnerKind: row.requestingAgency.kind, category: nominal.category, level: nominal.level) {
                throw StoreError.refused("request \(id) cannot be accepted: \(refusal); decline it with that reason")
            }
            if row.requestingAgency.id == nominal.facts.ownerAgencyID {
                throw StoreError.refused("\(row.requestingAgency.name) owns nominal \(nominal.id) now; "
                    + "request \(id) has nothing left to ask")
            }
            if nominal.facts.partners[row.requestingAgency.id] != nil {
                throw StoreError.refused("\(row.requestingAgency.name) is already a partner on nominal \(nominal.id); "
                    + "decline request \(id) instead")
            }
            try PartnerRequestRows.close(db, row, to: .accepted, restricted: restricted, by: actor, at: now,
                                         decisionReason: nil)
            try PartnershipRows.start(db, nominalID: nominal.id, agencyID: row.requestingAgency.id,
                                      restricted: restricted, by: actor, at: now, reason: nil)
            try AuditLog.append(db, at: now, actor: .user(actor), action: .acceptRequest, nominalID: nominal.id,
                                detail: "request \(id) from \(row.requestingAgency.name) accepted as "
                                    + (restricted ? "restricted" : "full") + " partner")
        }
    }

    /// Declines a pending request with a reason (required). Only the owner's
    /// CPC, deputy CPC or the nominal manager may; racing answers as for accepting.
    public func declinePartnerRequest(_ id: PartnerRequestID, reason: String, by user: User,
                                      policy: Policy = .standard) throws(StoreError) -> PartnerRequestView {
        try answering(id, by: user, step: "partners decline", policy: policy) { db, _, actor, row, nominal, now in
            let why = try PartnerRecords.requiredReason(reason, for: "declining a partner request")
            try PartnerRequestRows.close(db, row, to: .declined, restricted: false, by: actor, at: now,
                                         decisionReason: why)
            try AuditLog.append(db, at: now, actor: .user(actor), action: .declineRequest, nominalID: nominal.id,
                                detail: "request \(id) from \(row.requestingAgency.name) declined: \(why)")
        }
    }

    /// One answer to request `id`, in one transaction: the checks every answer starts with
    /// (`answerable`), `answer`'s own checks and writes, and the request as the answerer now sees it;
    /// a refusal is audited.
    private func answering(_ id: PartnerRequestID, by user: User, step: String, policy: Policy,
                           _ answer: (Database, inout KeptActionChange, User, PartnerRequestRow, PartnerNominal, Date)
                               throws -> Void) throws(StoreError) -> PartnerRequestView {
        try auditingRefusal(by: user, step: step) { () throws(StoreError) -> PartnerRequestView in
            let now = clock.now()
            return try change { db, kept in
                let (actor, row, nominal) = try answerable(db, id, by: user, kept: &kept)
                try answer(db, &kept, actor, row, nominal, now)
                return try PartnerRequestRows.view(db, id, for: actor, at: now, policy: policy)
            }
        }
    }

    /// The checks an answer starts with, in the order a refusal should explain:
    /// the request exists, the user may answer it, it is still pending. The
    /// nominal's actions and both agencies' queues are marked as changing.
    private func answerable(_ db: Database, _ id: PartnerRequestID, by user: User,
                            kept: inout KeptActionChange) throws -> (User, PartnerRequestRow, PartnerNominal) {
        let actor = try PartnerRecords.actingUser(db, user)
        let row = try PartnerRequestRows.existing(db, id: id, viewerAgency: actor.agencyID)
        let nominal = try PartnerRecords.nominal(db, id: row.request.nominalID)
        try PartnerRecords.require(AccessPolicy.decide(Viewer(user: actor), .answerRequest, on: nominal.facts))
        guard row.request.state == .pending else { throw StoreError.refused(row.alreadyAnsweredMessage) }
        try kept.touch(db, nominals: [nominal.id])
        kept.queues.formUnion([row.requestingAgency.id, row.ownerAgency.id])
        return (actor, row, nominal)
    }
}
