import Foundation
import VisorDomain

/// A user as the partner workflow names them: who asked, who decided.
public struct UserName: Hashable, Sendable {
    /// The user's register id.
    public var id: UserID
    /// The sign-in name (what `decided_by` prints).
    public var username: String
    /// The name messages and screens show.
    public var fullName: String

    /// A user named by id, sign-in name and full name.
    public init(id: UserID, username: String, fullName: String) {
        self.id = id
        self.username = username
        self.fullName = fullName
    }
}

/// A partner request as one viewer sees it: the CLI's request object, plus
/// what the application's partner queue shows (name, age, who may act).
public struct PartnerRequestView: Hashable, Sendable, Identifiable {
    /// The request's register id.
    public var id: PartnerRequestID
    /// The nominal asked about.
    public var nominalID: NominalID
    /// The nominal's CRN; nil when it has none or the viewer may not see the record.
    public var crn: CRN?
    /// Stub fields, which the requester saw when finding the record.
    public var surname: String
    public var forenames: String
    public var dateOfBirth: LocalDate
    /// The agency asking to be made partner.
    public var requestingAgency: Agency
    /// The agency that owns the nominal and answers.
    public var ownerAgency: Agency
    /// Who asked.
    public var requestedBy: UserName?
    /// pending, accepted, declined or withdrawn.
    public var state: PartnerRequest.State
    /// Accepted as a restricted partner (false while pending).
    public var restricted: Bool
    /// When it was asked.
    public var requestedAt: Date
    /// The London date of the request.
    public var requestedOn: LocalDate
    /// R4: the request date + 3 working days (policy).
    public var due: LocalDate
    /// Calendar days from the request date to today (London).
    public var ageDays: Int
    /// Who accepted, declined or withdrew it.
    public var decidedBy: UserName?
    /// When it was accepted, declined or withdrawn.
    public var decidedAt: Date?
    /// The requester's reason.
    public var reason: String
    /// The owner's reason for declining.
    public var decisionReason: String?
    /// The viewer may accept or decline it now.
    public var viewerMayAnswer: Bool
    /// The viewer may withdraw it now.
    public var viewerMayWithdraw: Bool

    package init(id: PartnerRequestID, nominalID: NominalID, crn: CRN? = nil, surname: String, forenames: String, dateOfBirth: LocalDate, requestingAgency: Agency, ownerAgency: Agency, requestedBy: UserName? = nil, state: PartnerRequest.State, restricted: Bool, requestedAt: Date, requestedOn: LocalDate, due: LocalDate, ageDays: Int, decidedBy: UserName? = nil, decidedAt: Date? = nil, reason: String, decisionReason: String? = nil, viewerMayAnswer: Bool, viewerMayWithdraw: Bool) {
        self.id = id
        self.nominalID = nominalID
        self.crn = crn
        self.surname = surname
        self.forenames = forenames
        self.dateOfBirth = dateOfBirth
        self.requestingAgency = requestingAgency
        self.ownerAgency = ownerAgency
        self.requestedBy = requestedBy
        self.state = state
        self.restricted = restricted
        self.requestedAt = requestedAt
        self.requestedOn = requestedOn
        self.due = due
        self.ageDays = ageDays
        self.decidedBy = decidedBy
        self.decidedAt = decidedAt
        self.reason = reason
        self.decisionReason = decisionReason
        self.viewerMayAnswer = viewerMayAnswer
        self.viewerMayWithdraw = viewerMayWithdraw
    }
}

/// One agency's partnership on one nominal, as `visor partners add|end` prints it.
public struct PartnershipView: Hashable, Sendable {
    /// The nominal.
    public var nominalID: NominalID
    /// Its CRN, if it has one.
    public var crn: CRN?
    /// The partner agency.
    public var agency: Agency
    /// A restricted partner sees identity, MAPPA data and released entries only.
    public var restricted: Bool
    /// active or ended.
    public var state: Partnership.State
    /// Who made it (while active) or ended it.
    public var changedBy: UserName?
    /// When it was made (while active) or ended.
    public var changedAt: Date
    /// The reason given for adding or ending it.
    public var reason: String?

    package init(nominalID: NominalID, crn: CRN? = nil, agency: Agency, restricted: Bool, state: Partnership.State, changedBy: UserName? = nil, changedAt: Date, reason: String? = nil) {
        self.nominalID = nominalID
        self.crn = crn
        self.agency = agency
        self.restricted = restricted
        self.state = state
        self.changedBy = changedBy
        self.changedAt = changedAt
        self.reason = reason
    }
}

/// The partner queue as one read gives it: the first rows of each part and how many each holds.
public struct PartnerQueueWindow: Sendable {
    public var transfers: [TransferView]
    public var incoming: [PartnerRequestView]
    public var outgoing: [PartnerRequestView]
    public var answered: [PartnerRequestView]
    public var incomingTotal: Int
    public var outgoingTotal: Int
    /// Pending incoming requests this user may answer (the status line's `N requests`).
    public var answerableTotal: Int
    public var answeredTotal: Int

    package init(transfers: [TransferView], incoming: [PartnerRequestView], outgoing: [PartnerRequestView],
                 answered: [PartnerRequestView], incomingTotal: Int, outgoingTotal: Int, answerableTotal: Int,
                 answeredTotal: Int) {
        self.transfers = transfers
        self.incoming = incoming
        self.outgoing = outgoing
        self.answered = answered
        self.incomingTotal = incomingTotal
        self.outgoingTotal = outgoingTotal
        self.answerableTotal = answerableTotal
        self.answeredTotal = answeredTotal
    }
}
