/// A nominal's core data once every field is valid (`NominalDraft.validated`):
/// what creating sets, and what an edit replaces. Agencies are register ids.
public struct NominalCore: Hashable, Sendable {
    public var surname: String
    public var forenames: String
    public var aliases: [Alias] = []
    public var dateOfBirth: LocalDate
    public var gender: Gender
    public var ethnicity: Ethnicity?
    public var pncID: PNCID?
    public var croNumber: CRONumber?
    public var nomsNumber: NOMSNumber?
    public var crn: CRN?
    public var category: MAPPACategory
    public var level: MAPPALevel
    public var custody: CustodyStatus = .community
    public var establishmentID: AgencyID?
    public var custodyStart: LocalDate?
    public var releaseDate: LocalDate?
    public var releaseDateType: ReleaseDateType?
    public var mappEntryDate: LocalDate?
    public var orderType: OrderType = .none
    public var homeForceID: AgencyID?
    public var probationAreaID: AgencyID?
    public var rosh: RoSHLevel?
    public var roshDate: LocalDate?
    public var lastNotification: LocalDate?
}

extension NominalCore {
    /// A new nominal of this core data, owned by the creator's agency
    /// (records.md: "the creator's agency becomes the owner"), with no manager
    /// yet. A level 2 or 3 nominal is so from its creation (R11's "became
    /// level 2/3").
    public func newNominal(id: NominalID, ownerAgencyID: AgencyID, createdBy: UserID, on date: LocalDate) -> Nominal {
        var nominal = Nominal(id: id, surname: surname, forenames: forenames, dateOfBirth: dateOfBirth,
                              gender: gender, category: category, level: level, ownerAgencyID: ownerAgencyID,
                              custody: custody, orderType: orderType, source: .entered, createdOn: date,
                              createdByUserID: createdBy)
        nominal.levelSince = level.isMultiAgency ? date : nil
        apply(to: &nominal, on: date)
        return nominal
    }

    /// `nominal` with this core data, as an edit on `date` leaves it. Moving
    /// from level 1 to level 2 or 3 starts R11's clock on `date`; moving back
    /// to level 1 stops it; a move between 2 and 3 keeps it.
    public func applied(to nominal: Nominal, on date: LocalDate) -> Nominal {
        var edited = nominal
        apply(to: &edited, on: date)
        return edited
    }

    private func apply(to nominal: inout Nominal, on date: LocalDate) {
        if !level.isMultiAgency {
            nominal.levelSince = nil
        } else if !nominal.level.isMultiAgency {
            nominal.levelSince = date
        }
        nominal.surname = surname
        nominal.forenames = forenames
        nominal.aliases = aliases.map(\.displayText)
        nominal.dateOfBirth = dateOfBirth
        nominal.gender = gender
        nominal.ethnicity = ethnicity
        nominal.pncID = pncID
        nominal.croNumber = croNumber
        nominal.nomsNumber = nomsNumber
        nominal.crn = crn
        nominal.category = category
        nominal.level = level
        nominal.custody = custody
        nominal.establishmentID = establishmentID
        nominal.custodyStart = custodyStart
        nominal.releaseDate = releaseDate
        nominal.releaseDateType = releaseDateType
        nominal.mappEntryDate = mappEntryDate
        nominal.orderType = orderType
        nominal.homeForceID = homeForceID
        nominal.probationAreaID = probationAreaID
        nominal.rosh = rosh
        nominal.roshDate = roshDate
        nominal.lastNotification = lastNotification
    }
}
