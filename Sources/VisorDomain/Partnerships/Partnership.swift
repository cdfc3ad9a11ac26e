import Foundation

/// Register id of a partner request.
public typealias PartnerRequestID = Int64

/// An agency given access to a nominal it does not own.
public struct Partnership: Hashable, Sendable {
    public enum State: String, Codable, Sendable, CaseIterable { case active, ended }

    public var nominalID: NominalID
    public var agencyID: AgencyID
    /// A restricted partner sees identity, MAPPA data and released entries only.
    public var restricted: Bool
    public var state: State
    public var startedAt: Date
    public var endedAt: Date?
    public var changedByUserID: UserID?
    public var reason: String?
}

/// An agency's request to be made partner on a nominal.
public struct PartnerRequest: Hashable, Sendable, Identifiable {
    public enum State: String, Codable, Sendable, CaseIterable { case pending, accepted, declined, withdrawn }

    public var id: PartnerRequestID
    public var nominalID: NominalID
    public var requestingAgencyID: AgencyID
    public var requestedByUserID: UserID?
    public var requestedAt: Date
    public var reason: String
    public var state: State
    public var restricted: Bool
    public var decidedByUserID: UserID?
    public var decidedAt: Date?
    public var decisionReason: String?

    public init(id: PartnerRequestID, nominalID: NominalID, requestingAgencyID: AgencyID,
                requestedByUserID: UserID?, requestedAt: Date, reason: String, state: State = .pending,
                restricted: Bool = false, decidedByUserID: UserID? = nil, decidedAt: Date? = nil,
                decisionReason: String? = nil) {
        self.id = id
        self.nominalID = nominalID
        self.requestingAgencyID = requestingAgencyID
        self.requestedByUserID = requestedByUserID
        self.requestedAt = requestedAt
        self.reason = reason
        self.state = state
        self.restricted = restricted
        self.decidedByUserID = decidedByUserID
        self.decidedAt = decidedAt
        self.decisionReason = decisionReason
    }
}
