import Foundation
import GRDB
import VisorDomain
import VisorRegister

extension AppDatabase {
    /// The owner proposes another agency as owner; that agency's CPC or deputy CPC answers.
    public func proposeTransfer(_ id: NominalID, _ draft: TransferDraft, by user: User) throws(RecordStepError)
        -> RecordDetail {
        try recordStep(by: user, step: "nominal transfer", nominal: id) { db, kept, actor, now in
            let viewer = Viewer(user: actor)
            let record = try KeptRecords.permitted(db, id, to: viewer, .transfer)
            let proposal = try draft.validated(ownerAgencyID: record.nominal.ownerAgencyID,
                                               agencies: try KeptRecords.agencyIndex(db))
            try db.execute(sql: """
                INSERT INTO nominal_transfer (nominal_id, from_agency_id, to_agency_id, keep_partner, proposed_by, proposed_at)
                VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [id, record.nominal.ownerAgencyID, proposal.toAgencyID, proposal.keepPartner, actor.id, now])
            let transferID = db.lastInsertedRowID
            try KeptRecords.touch(db, id, at: now, by: actor)
            kept.queues.formUnion([proposal.toAgencyID, record.nominal.ownerAgencyID])
            let to = try PartnerRecords.agency(db, id: proposal.toAgencyID)
            try AuditLog.append(db, at: now, actor: .user(actor), action: .proposeTransfer, nominalID: id,
                                detail: "transfer \(transferID) to \(to.name) proposed"
                                    + (proposal.keepPartner ? ", staying a partner" : ", not staying a partner"))
            return try RecordSheet.read(db, id, viewer: viewer)
        }
    }

    /// The receiving agency accepts (it becomes owner) or declines with a reason.
    public func answerTransfer(_ transferID: Int64, _ draft: TransferAnswerDraft, by user: User)
        throws(RecordStepError) -> RecordDetail {
        try recordStep(by: user, step: draft.accept ? "nominal transfer-answer accept" : "nominal transfer-answer decline") {
            db, kept, actor, now in
            let viewer = Viewer(user: actor)
            // Only the two agencies concerned learn that the transfer exists.
            guard let found = try TransferRows.find(db, id: transferID) else {
                throw StoreError.badInput("no transfer \(transferID) on the register")
            }
            // A third agency's probe answers as for a transfer that does not exist, and is audited.
            guard actor.agencyID == found.from || actor.agencyID == found.to else {
                throw StoreError.notVisible("no transfer \(transferID) on the register")
            }
            guard found.view.state == .pending else {
                throw StoreError.refused("transfer \(transferID) was already \(found.view.state.rawValue)"
                    + (found.view.decidedBy.map { " by \($0)" } ?? ""))
            }
            guard let record = try KeptRecords.load(db, found.view.nominalID) else {
                throw StoreError.badInput("no transfer \(transferID) on the register")
            }
            try RecordRefusal.require(viewer, .answerTransfer, on: record.facts)
            let reason = try draft.validatedReason()
            let id = record.id
            try kept.touch(db, nominals: [id])
            kept.queues.formUnion([found.from, found.to])
            try db.execute(sql: """
                UPDATE nominal_transfer SET state = ?, decided_by = ?, decided_at = ?, reason = ? WHERE id = ?
                """, arguments: [draft.accept ? "accepted" : "declined", actor.id, now, reason, transferID])
            guard draft.accept else {
                try KeptRecords.touch(db, id, at: now, by: actor)
                try AuditLog.append(db, at: now, actor: .user(actor), action: .declineTransfer, nominalID: id,
                                    detail: "transfer \(transferID) from \(found.view.from) declined: \(reason ?? "")")
                return try TransferAnswer.sheet(db, id, viewer: viewer)
            }
            kept.agencies = true  // both agencies' first active nominal (R9) may move
            try kept.listed(db, nominals: [id])
            let former = try PartnerRecords.agency(db, id: found.from)
            let proposal = TransferProposal(toAgencyID: found.to, keepPartner: found.view.keepPartner)
            let outcome = proposal.accepted(nominal: record.nominal, partners: record.facts.partners,
                                            formerOwnerKind: former.kind)
            try KeptRecords.save(db, outcome.nominal, was: record, aliases: nil, at: now, by: actor)
            if let partnership = try PartnershipRows.activeID(db, nominalID: id, agencyID: found.to) {
                _ = try PartnershipRows.end(db, id: partnership, by: actor, at: now,
                                            reason: "became the owner by transfer \(transferID)")
            }
            // The new owner's own pending request to be a partner has nothing left to ask.
            if let pending = try PartnerRequestRows.requests(
                db, where: "r.nominal_id = :nominal AND r.requesting_agency_id = :agency AND r.state = 'pending'",
                arguments: ["nominal": id, "agency": found.to], viewerAgency: found.to).first {
                try PartnerRequestRows.close(db, pending, to: .withdrawn, restricted: false, by: actor, at: now,
                                             decisionReason: "became the owner by transfer \(transferID)")
            }
            if outcome.formerOwnerStaysPartner {
                _ = try PartnershipRows.start(db, nominalID: id, agencyID: found.from, restricted: false, by: actor,
                                              at: now, reason: "former owner, by transfer \(transferID)")
            }
            try KeptRecords.writeHistory(db, field: "managing_unit", old: found.view.from, new: found.view.to,
                                         nominal: id, on: LondonTime.date(of: now), at: now, by: actor.id)
            var detail = "transfer \(transferID) from \(found.view.from) accepted; "
                + (outcome.formerOwnerStaysPartner ? "\(found.view.from) stays a full partner"
                    : "\(found.view.from) is no longer a partner")
            if let refusal = outcome.formerOwnerRefusal { detail += " (\(refusal))" }
            try AuditLog.append(db, at: now, actor: .user(actor), action: .acceptTransfer, nominalID: id, detail: detail)
            return try RecordSheet.read(db, id, viewer: viewer)
        }
    }
}

enum TransferAnswer {
    /// After a decline the receiving agency may not see the record: it sees the stub its
    /// proposal showed it.
    static func sheet(_ db: Database, _ id: NominalID, viewer: Viewer) throws -> RecordDetail {
        guard let stub = try RecordDetailReader(db: db).detail(id, viewer: viewer, foundExactly: true) else {
            throw StoreError.badInput("no nominal \(id) on the register")
        }
        return stub
    }
}
