/// A proposal to transfer a record's ownership (records.md "Transfer
/// ownership"), as `visor nominal transfer ID --to AGENCY
/// [--keep-partner|--no-partner]` gives it. Who may propose is
/// `AccessPolicy`'s `.transfer` (the owner agency); who answers, `.answerTransfer`.
public struct TransferDraft: Hashable, Sendable {
    /// The receiving agency's name.
    public var to: String
    /// Whether the present owner stays a partner once the transfer is accepted.
    public var keepPartner: Bool

    public init(to: String, keepPartner: Bool = true) {
        self.to = to
        self.keepPartner = keepPartner
    }
}

/// A valid proposal: to another agency, of any kind (a police force, a
/// probation area or a prison may own a record, as the import's
/// managing_agency says).
public struct TransferProposal: Hashable, Sendable {
    public var toAgencyID: AgencyID
    public var keepPartner: Bool

    public init(toAgencyID: AgencyID, keepPartner: Bool = true) {
        self.toAgencyID = toAgencyID
        self.keepPartner = keepPartner
    }
}

extension TransferDraft {
    /// The field errors name (`--to`).
    public static let field = "to"

    /// The proposal for a record owned by `ownerAgencyID`: to an agency on
    /// the register that is not the owner itself.
    public func validated(ownerAgencyID: AgencyID, agencies: AgencyIndex) throws(FieldError) -> TransferProposal {
        let name = try TextFieldRules.required(to, field: Self.field)
        let agency: Agency
        do throws(IdentifierError) {
            agency = try agencies.resolve(name, kind: nil)
        } catch {
            throw FieldError(field: Self.field, value: to, message: error.message)
        }
        guard agency.id != ownerAgencyID else {
            throw FieldError(field: Self.field, value: to, message: "already owns this record")
        }
        return TransferProposal(toAgencyID: agency.id, keepPartner: keepPartner)
    }
}

/// The receiving agency's answer: accept, or decline with a reason.
public struct TransferAnswerDraft: Hashable, Sendable {
    public var accept: Bool
    /// Required to decline (one line of free text, at most 2,000 characters); optional to accept.
    public var reason: String

    public init(accept: Bool, reason: String = "") {
        self.accept = accept
        self.reason = reason
    }

    /// The trimmed reason (nil when accepting without one).
    public func validatedReason() throws(FieldError) -> String? {
        accept ? try TextFieldRules.optional(reason, field: "reason")
            : try TextFieldRules.required(reason, field: "reason")
    }
}
