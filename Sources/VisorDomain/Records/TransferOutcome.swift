/// What an accepted transfer does to the record and its partners.
public struct TransferOutcome: Hashable, Sendable {
    /// The nominal with its new owner and no manager: the manager was a user
    /// of the former owner, and the new owner's CPC, deputy CPC or a
    /// supervisor assigns one (R8 asks for it until then).
    public var nominal: Nominal
    /// The active partnerships afterwards, agency → restricted: the new
    /// owner is no longer a partner, and the former owner is a full partner
    /// when it stays one.
    public var partners: [AgencyID: Bool]
    public var formerOwnerStaysPartner: Bool
    /// Why the former owner does not stay a partner though it asked to (R7), if so.
    public var formerOwnerRefusal: String?
}

extension TransferProposal {
    /// The record once the receiving agency accepts: it becomes the owner;
    /// the former owner (of kind `formerOwnerKind`) stays a full partner
    /// unless it said otherwise or R7 forbids it (probation on a category 1
    /// level 1 nominal).
    public func accepted(nominal: Nominal, partners: [AgencyID: Bool], formerOwnerKind: AgencyKind) -> TransferOutcome {
        var transferred = nominal
        transferred.ownerAgencyID = toAgencyID
        transferred.managerUserID = nil
        transferred.managerAssignedOn = nil
        var after = partners
        after[toAgencyID] = nil
        let refusal = keepPartner
            ? R7ProbationOnCategory1Level1.refusal(partnerKind: formerOwnerKind, category: nominal.category,
                                                   level: nominal.level)
            : nil
        let stays = keepPartner && refusal == nil
        if stays { after[nominal.ownerAgencyID] = false }
        return TransferOutcome(nominal: transferred, partners: after, formerOwnerStaysPartner: stays,
                               formerOwnerRefusal: refusal)
    }
}
