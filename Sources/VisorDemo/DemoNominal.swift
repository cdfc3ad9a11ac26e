import VisorDomain
import VisorRegister
import VisorStore

/// Everything the demonstration records about one nominal before it is
/// written: identity and MAPPA data, and the activity that meets (or, for a
/// few, misses) each rule's duty.
struct DemoNominal {
    var person: DemoPerson
    var category: MAPPACategory
    var level: MAPPALevel
    var owner: AgencyID
    var ownerKind: AgencyKind
    var manager: (id: UserID, staffID: String)?
    var managerAssignedOn: LocalDate?
    var custody: CustodyStatus = .community
    var establishment: AgencyID?
    var custodyStart: LocalDate?
    var releaseDate: LocalDate?
    var releaseType: ReleaseDateType?
    var mappEntry: LocalDate?
    var orderType: OrderType = .none
    var homeForce: AgencyID?
    var probationArea: AgencyID?
    var rosh: RoSHLevel?
    var roshDate: LocalDate?
    var lastNotification: LocalDate?
    var recordEthnicity = true
    var hasCRN = true
    var hasPNC = true
    var hasNOMS = false
    var hasCRO = false
    var createdOn: LocalDate
    var levelSince: LocalDate?
    var dutyChangedOn: LocalDate
    var aliases: [(surname: String, forenames: String)] = []
    // Activity.
    var partners: [(agency: AgencyID, restricted: Bool, since: LocalDate)] = []
    var pendingRequest: (agency: AgencyID, on: LocalDate, reason: String)?
    var validatedOn: LocalDate?
    var lastReviewOn: LocalDate?
    var meeting: (heldOn: LocalDate, nextReviewOn: LocalDate)?
    var managerLastView: LocalDate?
    var entryCount = 1
}
