/// The facts of one extract case that reconciliation compares (`visor
/// reconcile`, R9). Values are the stored extract's columns.
public struct ReconciliationCase: Sendable, Hashable {
    public var crn: CRN
    public var pncID: PNCID?
    public var category: MAPPACategory
    public var level: MAPPALevel
    public var custody: CustodyStatus
    public var releaseDate: LocalDate?
    public var mappEntryDate: LocalDate?
    /// The `offender_manager` staff id.
    public var offenderManager: String?

    public init(crn: CRN, pncID: PNCID? = nil, category: MAPPACategory, level: MAPPALevel,
                custody: CustodyStatus, releaseDate: LocalDate? = nil, mappEntryDate: LocalDate? = nil,
                offenderManager: String? = nil) {
        self.crn = crn
        self.pncID = pncID
        self.category = category
        self.level = level
        self.custody = custody
        self.releaseDate = releaseDate
        self.mappEntryDate = mappEntryDate
        self.offenderManager = offenderManager
    }

    public init(extractCase: ExtractCase) {
        self.init(crn: extractCase.crn, pncID: extractCase.pncID, category: extractCase.category,
                  level: extractCase.level, custody: extractCase.custody, releaseDate: extractCase.releaseDate,
                  mappEntryDate: extractCase.mappEntryDate, offenderManager: extractCase.offenderManager)
    }
}

/// The facts of one nominal that reconciliation compares.
public struct ReconciliationNominal: Sendable, Hashable {
    public var nominalID: NominalID
    public var crn: CRN?
    public var pncID: PNCID?
    public var ownerAgencyID: AgencyID
    public var lifecycle: Lifecycle
    public var category: MAPPACategory
    public var level: MAPPALevel
    public var custody: CustodyStatus
    public var releaseDate: LocalDate?
    /// The staff id of the user who manages the nominal (`users.staff_id` of
    /// the manager); nil when there is no manager or they carry no staff id.
    public var managerStaffID: String?

    public init(nominalID: NominalID, crn: CRN? = nil, pncID: PNCID? = nil, ownerAgencyID: AgencyID,
                lifecycle: Lifecycle = .active, category: MAPPACategory, level: MAPPALevel,
                custody: CustodyStatus, releaseDate: LocalDate? = nil, managerStaffID: String? = nil) {
        self.nominalID = nominalID
        self.crn = crn
        self.pncID = pncID
        self.ownerAgencyID = ownerAgencyID
        self.lifecycle = lifecycle
        self.category = category
        self.level = level
        self.custody = custody
        self.releaseDate = releaseDate
        self.managerStaffID = managerStaffID
    }
}

/// A case and the nominal it matched; one side may be absent.
public struct ReconciliationPair: Sendable, Hashable {
    public var extractCase: ReconciliationCase?
    public var nominal: ReconciliationNominal?

    public init(extractCase: ReconciliationCase?, nominal: ReconciliationNominal?) {
        self.extractCase = extractCase
        self.nominal = nominal
    }
}
