import Foundation

/// Register id of a nominal: what partner requests quote.
public typealias NominalID = Int64

/// The register's record of one person.
public struct Nominal: Hashable, Sendable, Identifiable {
    public var id: NominalID
    public var surname: String
    public var forenames: String
    public var aliases: [String]
    public var dateOfBirth: LocalDate
    public var gender: Gender
    public var ethnicity: Ethnicity?
    public var pncID: PNCID?
    public var croNumber: CRONumber?
    public var nomsNumber: NOMSNumber?
    public var crn: CRN?
    public var category: MAPPACategory
    public var level: MAPPALevel
    /// The date the nominal became level 2 or 3 (R11 when no meeting is held yet).
    public var levelSince: LocalDate?
    public var ownerAgencyID: AgencyID
    public var managerUserID: UserID?
    public var managerAssignedOn: LocalDate?
    /// The extract's `offender_manager` staff id, kept even when no user carries it.
    public var managerStaffID: String?
    public var custody: CustodyStatus
    public var establishmentID: AgencyID?
    public var custodyStart: LocalDate?
    public var releaseDate: LocalDate?
    public var releaseDateType: ReleaseDateType?
    public var mappEntryDate: LocalDate?
    public var orderType: OrderType
    public var homeForceID: AgencyID?
    public var probationAreaID: AgencyID?
    public var rosh: RoSHLevel?
    public var roshDate: LocalDate?
    public var lastNotification: LocalDate?
    public var lifecycle: Lifecycle
    public var source: NominalSource
    public var createdOn: LocalDate
    public var createdByUserID: UserID?

    public init(id: NominalID, surname: String, forenames: String, aliases: [String] = [],
                dateOfBirth: LocalDate, gender: Gender, ethnicity: Ethnicity? = nil,
                pncID: PNCID? = nil, croNumber: CRONumber? = nil, nomsNumber: NOMSNumber? = nil, crn: CRN? = nil,
                category: MAPPACategory, level: MAPPALevel, levelSince: LocalDate? = nil,
                ownerAgencyID: AgencyID, managerUserID: UserID? = nil, managerAssignedOn: LocalDate? = nil,
                managerStaffID: String? = nil, custody: CustodyStatus, establishmentID: AgencyID? = nil,
                custodyStart: LocalDate? = nil, releaseDate: LocalDate? = nil, releaseDateType: ReleaseDateType? = nil,
                mappEntryDate: LocalDate? = nil, orderType: OrderType, homeForceID: AgencyID? = nil,
                probationAreaID: AgencyID? = nil, rosh: RoSHLevel? = nil, roshDate: LocalDate? = nil,
                lastNotification: LocalDate? = nil, lifecycle: Lifecycle = .active, source: NominalSource,
                createdOn: LocalDate, createdByUserID: UserID? = nil) {
        self.id = id
        self.surname = surname
        self.forenames = forenames
        self.aliases = aliases
        self.dateOfBirth = dateOfBirth
        self.gender = gender
        self.ethnicity = ethnicity
        self.pncID = pncID
        self.croNumber = croNumber
        self.nomsNumber = nomsNumber
        self.crn = crn
        self.category = category
        self.level = level
        self.levelSince = levelSince
        self.ownerAgencyID = ownerAgencyID
        self.managerUserID = managerUserID
        self.managerAssignedOn = managerAssignedOn
        self.managerStaffID = managerStaffID
        self.custody = custody
        self.establishmentID = establishmentID
        self.custodyStart = custodyStart
        self.releaseDate = releaseDate
        self.releaseDateType = releaseDateType
        self.mappEntryDate = mappEntryDate
        self.orderType = orderType
        self.homeForceID = homeForceID
        self.probationAreaID = probationAreaID
        self.rosh = rosh
        self.roshDate = roshDate
        self.lastNotification = lastNotification
        self.lifecycle = lifecycle
        self.source = source
        self.createdOn = createdOn
        self.createdByUserID = createdByUserID
    }

    /// "SURNAME, Forenames", the register's usual way of naming a person.
    public var displayName: String { Nominal.displayName(surname: surname, forenames: forenames) }

    /// "SURNAME, Forenames" of any person the register names.
    public static func displayName(surname: String, forenames: String) -> String {
        surname.uppercased() + ", " + forenames
    }
}
