import Foundation
import GRDB
import VisorDomain
import VisorRegister

extension AppDatabase {
    /// Makes an agency a full or restricted partner on a nominal (the owner
    /// side: R5, R6). Any user of the owner agency with a working role may, as
    /// `AccessPolicy` says; refused for the owner itself, an agency already a
    /// partner, or where R7 forbids it. A pending request from that agency is
    /// answered by the same step (accepted), which only a user who may answer
    /// requests can do.
    public func addPartner(nominal reference: NominalReference, agency agencyID: AgencyID, restricted: Bool,
                           reason: String? = nil, by user: User) throws(StoreError) -> PartnershipView {
        try auditingRefusal(by: user, step: "partners add") { () throws(StoreError) -> PartnershipView in
            let now = clock.now()
            return try change { db, kept in
                let (actor, nominal, agency) = try PartnerRecords.partnership(db, &kept, reference, agencyID, by: user)
                let viewer = Viewer(user: actor)
                try PartnerRecords.require(AccessPolicy.decide(viewer, .addPartner, on: nominal.facts))
                guard agency.id != nominal.facts.ownerAgencyID else {
                    throw StoreError.refused("\(agency.name) owns nominal \(nominal.id); an owner is not made its own partner")
                }
                if let existing = nominal.facts.partners[agency.id] {
                    throw StoreError.refused("\(agency.name) is already \(existing ? "a restricted" : "a full") partner "
                        + "on nominal \(nominal.id); end that partnership first to change it")
                }
                if let refusal = R7ProbationOnCategory1Level1.refusal(partnerKind: agency.kind, category: nominal.category,
                                                                      level: nominal.level) {
                    throw StoreError.refused("\(agency.name) may not be made a partner on nominal \(nominal.id): \(refusal)")
                }
                let note = try reason.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
                    .flatMap { $0.isEmpty ? nil : $0 }
                    .map { text throws(StoreError) in try FreeTextInput.checked(text, field: "reason") }
                if let pending = try PartnerRequestRows.requests(
                    db, where: "r.nominal_id = :nominal AND r.requesting_agency_id = :agency AND r.state = 'pending'",
                    arguments: ["nominal": nominal.id, "agency": agency.id], viewerAgency: actor.agencyID).first {
                    // The request would otherwise stay pending (and R4 keep asking) for a partnership already made.
                    guard AccessPolicy.decide(viewer, .answerRequest, on: nominal.facts).isAllowed else {
                        throw StoreError.refused("\(agency.name) has asked to be a partner (request \(pending.request.id)): "
                            + "the owner's CPC, deputy CPC or the nominal manager answers it")
                    }
                    try PartnerRequestRows.close(db, pending, to: .accepted, restricted: restricted, by: actor, at: now,
                                                 decisionReason: nil)
                    try AuditLog.append(db, at: now, actor: .user(actor), action: .acceptRequest, nominalID: nominal.id,
                                        detail: "request \(pending.request.id) from \(agency.name) accepted by adding it "
                                            + "as " + (restricted ? "restricted" : "full") + " partner")
                }
                let id = try PartnershipRows.start(db, nominalID: nominal.id, agencyID: agency.id, restricted: restricted,
                                                   by: actor, at: now, reason: note)
                try AuditLog.append(db, at: now, actor: .user(actor), action: .addPartner, nominalID: nominal.id,
                                    detail: "\(agency.name) made " + (restricted ? "restricted" : "full") + " partner"
                                        + (note.map { ": \($0)" } ?? ""))
                return try PartnershipRows.view(db, id: id)
            }
        }
    }

    /// Ends an agency's active partnership on a nominal, with a reason
    /// (required). Any user of the owner agency with a working role may.
    public func endPartnership(nominal reference: NominalReference, agency agencyID: AgencyID, reason: String,
                               by user: User) throws(StoreError) -> PartnershipView {
        try auditingRefusal(by: user, step: "partners end") { () throws(StoreError) -> PartnershipView in
            let now = clock.now()
            return try change { db, kept in
                let (actor, nominal, agency) = try PartnerRecords.partnership(db, &kept, reference, agencyID, by: user)
                try PartnerRecords.require(AccessPolicy.decide(Viewer(user: actor), .endPartner, on: nominal.facts))
                guard let id = try PartnershipRows.activeID(db, nominalID: nominal.id, agencyID: agency.id) else {
                    throw StoreError.refused("\(agency.name) is not a partner on nominal \(nominal.id)")
                }
                let why = try PartnerRecords.requiredReason(reason, for: "ending a partnership")
                guard try PartnershipRows.end(db, id: id, by: actor, at: now, reason: why) else {
                    throw StoreError.refused("the partnership of \(agency.name) on nominal \(nominal.id) has already ended")
                }
                try AuditLog.append(db, at: now, actor: .user(actor), action: .endPartner, nominalID: nominal.id,
                                    detail: "\(agency.name) partnership ended: \(why)")
                return try PartnershipRows.view(db, id: id)
            }
        }
    }
}
