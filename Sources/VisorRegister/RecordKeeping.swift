import Foundation
import VisorDomain

/// What the application and the command line ask of the register to keep records
/// (`spec/records.md`): each a step of one transaction and one audit event, refused with the
/// reason when domain.md's access table does not allow it, keeping the register's actions true.
/// A record the user may not see answers as one that does not exist.
public protocol RecordKeeping: AnyObject, Sendable {
    /// Creates a nominal owned by the user's agency. Refuses an identifier already on the register
    /// (naming its id) and, unless `confirmDuplicate`, a namesake (same folded surname and date of birth).
    func createNominal(_ draft: NominalDraft, manager: String?, confirmDuplicate: Bool, by user: User,
                       policy: Policy) throws(RecordStepError) -> RecordDetail
    /// Changes the fields `draft` holds (a field absent keeps its value; an empty one clears it) on
    /// the record as it was at `expectedVersion` (nil: as it is now); a `manager` other than the
    /// record's is assigned in the same step.
    func editNominal(_ id: NominalID, changes draft: NominalDraft, manager: String?, expectedVersion: Int64?,
                     by user: User, policy: Policy) throws(RecordStepError) -> RecordDetail
    func assignManager(_ id: NominalID, username: String, by user: User) throws(RecordStepError) -> RecordDetail
    func proposeTransfer(_ id: NominalID, _ draft: TransferDraft, by user: User) throws(RecordStepError) -> RecordDetail
    func answerTransfer(_ transferID: Int64, _ draft: TransferAnswerDraft, by user: User) throws(RecordStepError)
        -> RecordDetail
    func changeLifecycle(_ id: NominalID, to lifecycle: Lifecycle, reason: String, by user: User)
        throws(RecordStepError) -> RecordDetail
    func addEntry(_ id: NominalID, _ draft: EntryDraft, by user: User) throws(RecordStepError) -> RecordDetail
    func addMeeting(_ id: NominalID, _ draft: MeetingDraft, by user: User, policy: Policy) throws(RecordStepError)
        -> RecordDetail
    func checkRecord(_ id: NominalID, _ draft: RecordCheckDraft, by user: User, policy: Policy)
        throws(RecordStepError) -> RecordDetail
    func recordNotification(_ id: NominalID, _ draft: NotificationDraft, by user: User, policy: Policy)
        throws(RecordStepError) -> RecordDetail
    /// The record as `actor` may see it, the view audited (`visor nominal show`).
    func showRecord(_ id: NominalID, for actor: Actor) throws(StoreError) -> RecordDetail
    /// The history of category, level, custody, owner and lifecycle (`visor nominal history`), audited.
    func recordHistory(_ id: NominalID, for actor: Actor) throws(StoreError) -> [RecordHistoryLine]
    /// The core fields a stored extract case gives a new nominal (R1, R2: "a new nominal filled from
    /// the extract case"), for a user of the area whose extract holds it; empty when there is none.
    func extractCaseValues(crn: CRN, for user: User) throws(StoreError) -> [CoreField: String]
    /// The user names of an agency's active offender managers: who may be a record's manager.
    func managerCandidates(of agency: AgencyID) throws(StoreError) -> [String]
}

/// Why a records.md step was not taken: field errors (65), a store refusal or missing record, or
/// a change made on a stale view (77, "changed by NAME at TIME").
public enum RecordStepError: Error, Equatable, Sendable, CustomStringConvertible {
    case fields(FieldErrors)
    case store(StoreError)
    case conflict(VersionConflict)
    /// A namesake on the register: the step waits for the user's confirmation.
    case namesake(String)

    public var description: String {
        switch self {
        case .fields(let errors): errors.description
        case .store(let error): error.description
        case .conflict(let conflict): "the record was \(conflict.description): look at it again and redo the change"
        case .namesake(let warning): warning
        }
    }
}

/// One change of the record's history: category, level, custody, owner or lifecycle.
public struct RecordHistoryLine: Hashable, Sendable {
    public var field: String
    public var old: String?
    public var new: String?
    public var on: LocalDate
    public var at: Date?
    public var by: String?

    package init(field: String, old: String?, new: String?, on: LocalDate, at: Date?, by: String?) {
        self.field = field
        self.old = old
        self.new = new
        self.on = on
        self.at = at
        self.by = by
    }
}

/// A proposed transfer of ownership and its answer.
public struct TransferView: Hashable, Sendable {
    public enum State: String, Sendable { case pending, accepted, declined }
    public var id: Int64
    public var nominalID: NominalID
    public var from: String
    public var to: String
    public var keepPartner: Bool
    public var state: State
    public var proposedBy: String?
    public var proposedAt: Date
    public var decidedBy: String?
    public var decidedAt: Date?
    public var reason: String?
    /// The record's name, for the receiving agency's queue (it may see the record once it accepts;
    /// the proposal itself shows it what a stub shows).
    public var nominalName: String
    public var toAgencyID: AgencyID

    package init(id: Int64, nominalID: NominalID, from: String, to: String, keepPartner: Bool, state: State,
                 proposedBy: String?, proposedAt: Date, decidedBy: String?, decidedAt: Date?, reason: String?,
                 nominalName: String, toAgencyID: AgencyID) {
        self.id = id
        self.nominalID = nominalID
        self.from = from
        self.to = to
        self.keepPartner = keepPartner
        self.state = state
        self.proposedBy = proposedBy
        self.proposedAt = proposedAt
        self.decidedBy = decidedBy
        self.decidedAt = decidedAt
        self.reason = reason
        self.nominalName = nominalName
        self.toAgencyID = toAgencyID
    }
}
