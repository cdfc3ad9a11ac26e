import Foundation
import VisorDomain

/// A user as the partner workflow names them: who asked, who decided.
public struct UserName: Hashable, Sendable {
    public var id: UserID
    public var username: String
    public var fullName: String

    public init(id: UserID, username: String, fullName: String) {
        self.id = id
        self.username = username
        self.fullName = fullName
    }
}

/// A partner request as one viewer sees it: the CLI's request object, plus
/// what the application's partner queue shows (name, age, who may act).
public struct PartnerRequestView: Hashable, Sendable, Identifiable {
    public var id: PartnerRequestID
    public var nominalID: NominalID
    /// The nominal's CRN; nil when it has none or the viewer may not see the record.
    public var crn: CRN?
    /// Stub fields, which the requester saw when finding the record.
    public var surname: String
    public var forenames: String
    public var dateOfBirth: LocalDate
    public var requestingAgency: Agency
    public var ownerAgency: Agency
    public var requestedBy: UserName?
    public var state: PartnerRequest.State
    /// Accepted as a restricted partner (false while pending).
    public var restricted: Bool
    public var requestedAt: Date
    /// The London date of the request.
    public var requestedOn: LocalDate
    /// R4: the request date + 3 working days (policy).
    public var due: LocalDate
    /// Calendar days from the request date to today (London).
    public var ageDays: Int
    /// Who accepted, declined or withdrew it.
    public var decidedBy: UserName?
    public var decidedAt: Date?
    /// The requester's reason.
    public var reason: String
    /// The owner's reason for declining.
    public var decisionReason: String?
    /// The viewer may accept or decline it now.
    public var viewerMayAnswer: Bool
    /// The viewer may withdraw it now.
    public var viewerMayWithdraw: Bool
}

/// One agency's partnership on one nominal, as `visor partners add|end` prints it.
public struct PartnershipView: Hashable, Sendable {
    public var nominalID: NominalID
    public var crn: CRN?
    public var agency: Agency
    public var restricted: Bool
    public var state: Partnership.State
    /// Who made it (while active) or ended it.
    public var changedBy: UserName?
    public var changedAt: Date
    /// The reason given for adding or ending it.
    public var reason: String?
}
