import Foundation
import VisorDomain

/// What the application and the command line ask of the register: intent-named
/// operations, each one step (one transaction) of the backend, answered with
/// value types of this module, which belong to no backend. `AppDatabase`
/// (SQLite, in VisorStore) is the register today; another backend conforms
/// to this protocol and the application and commands run on it unchanged.
///
/// Every step applies the access rules itself (`AccessPolicy`) and audits
/// itself: a caller cannot skip either.
public protocol Register: RecordKeeping {
    /// The clock every timestamp and "today" of the register comes from.
    var clock: any VisorClock { get }

    // MARK: Signing in

    /// Checks a user name and password with the policy in force, counting failures towards the
    /// lockout and auditing every attempt; the one sign-in of the application and the command line.
    func signIn(username: String, password: String, channel: SignInChannel, policy: Policy) throws(StoreError) -> User
    /// The signed-in user's password again (the lock), without a new sign-in.
    func confirmPassword(user: User, password: String, policy: Policy) throws(StoreError)
    /// Records that the user has read the instruction's duties (R15).
    func acknowledgeInstruction(user: User) throws(StoreError) -> User

    // MARK: Agencies and people

    func agencies() throws(StoreError) -> [Agency]
    func agency(named name: String, kind: AgencyKind?) throws(StoreError) -> Agency?

    // MARK: Finding and reading records

    /// A page of the nominal list after (or before) a position, as `viewer` may see it.
    func nominalPage(_ request: NominalListRequest, for viewer: Viewer, after position: ListPosition?,
                     limit: Int) throws(StoreError) -> NominalPage
    func nominalPage(_ request: NominalListRequest, for viewer: Viewer, before position: ListPosition?,
                     limit: Int) throws(StoreError) -> NominalPage
    /// How many rows the list holds, up to `cap`.
    func countNominals(_ request: NominalListRequest, for viewer: Viewer, cap: Int) throws(StoreError) -> ListCount
    /// An exact identifier or a name and date of birth: what the user may see, or a stub.
    func findNominals(_ lookup: NominalLookup, for user: User) throws(StoreError) -> [FoundNominal]
    /// Opens a record (audited): what the user may see of it.
    func openRecord(_ id: NominalID, for user: User, foundExactly: Bool) throws(StoreError) -> RecordDetail
    /// What the user may see of a record now, without opening it (nothing shown, nothing audited).
    func recordAccess(_ id: NominalID, for user: User, foundExactly: Bool) throws(StoreError) -> RecordAccess

    // MARK: Partnerships

    func requestPartnership(nominal reference: NominalReference, reason: String, by user: User,
                            policy: Policy) throws(StoreError) -> PartnerRequestView
    func acceptPartnerRequest(_ id: PartnerRequestID, restricted: Bool, by user: User,
                              policy: Policy) throws(StoreError) -> PartnerRequestView
    func declinePartnerRequest(_ id: PartnerRequestID, reason: String, by user: User,
                               policy: Policy) throws(StoreError) -> PartnerRequestView
    func withdrawPartnerRequest(_ id: PartnerRequestID, by user: User, policy: Policy) throws(StoreError)
        -> PartnerRequestView
    func addPartner(nominal reference: NominalReference, agency agencyID: AgencyID, restricted: Bool, reason: String?,
                    by user: User) throws(StoreError) -> PartnershipView
    func endPartnership(nominal reference: NominalReference, agency agencyID: AgencyID, reason: String,
                        by user: User) throws(StoreError) -> PartnershipView
    /// The partner R5 or R6 requires on a nominal, if one is missing and recorded.
    func dutyPartner(for nominal: NominalID) throws(StoreError) -> Agency?
    /// Requests where the user's agency is requester or owner (`visor partners list`), audited.
    func partnerRequests(for user: User, state: PartnerRequest.State?, policy: Policy) throws(StoreError)
        -> [PartnerRequestView]
    /// The partner queue in one read: up to `limit` rows of each part (nil: all), and each part's size.
    func partnerQueue(for user: User, since: LocalDate, answered: Bool, limit: Int?,
                      policy: Policy) throws(StoreError) -> PartnerQueueWindow

    // MARK: Actions and change

    /// Up to `limit` of the kept actions `query` finds, from the `offset`th in domain.md's order.
    func actionPage(_ query: ActionQuery, offset: Int, limit: Int) throws(StoreError) -> [ListedAction]
    /// How many actions `query` finds in each state (its `state` ignored), and of which rules.
    func actionCounts(_ query: ActionQuery) throws(StoreError) -> ActionCounts
    /// Which of `nominals` have an overdue or due action that `query` finds (its `state` ignored), each
    /// with the more pressing of the two: the nominal list marks the rows it holds.
    func nominalsWithActions(_ query: ActionQuery, among nominals: [NominalID]) throws(StoreError)
        -> [NominalID: ActionState]
    /// A counter that moves whenever `agency`'s actions or partner queue change, here or elsewhere.
    func actionChangeVersion(of agency: AgencyID) throws(StoreError) -> Int
    /// A counter that moves whenever what `agency`'s nominal list shows may have changed.
    func listChangeVersion(of agency: AgencyID) throws(StoreError) -> Int
    /// Brings the kept actions to today (after midnight); writes nothing when they are current.
    func refreshActions() throws(StoreError)
    /// Something that tells when anyone — another terminal's process included — committed a change.
    func makeChangeWatcher() throws(StoreError) -> any ChangeWatcher
}

/// A token that moves whenever a change is committed, by this process or another.
public protocol ChangeWatcher: Sendable {
    func version() throws(StoreError) -> Int
}

extension Register {
    /// Today's date (Europe/London) by the register's clock.
    public var today: LocalDate { clock.today() }

    public func agency(named name: String) throws(StoreError) -> Agency? { try agency(named: name, kind: nil) }

    public func countNominals(_ request: NominalListRequest, for viewer: Viewer) throws(StoreError) -> ListCount {
        try countNominals(request, for: viewer, cap: 10_000)
    }
}
