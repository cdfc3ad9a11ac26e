import VisorDomain

/// What anyone with a working role may learn of a record found by an exact
/// search: exactly these fields (domain.md's stub), never anything else.
public struct NominalStub: Hashable, Sendable {
    /// The register id, quoted when requesting partnership.
    public var nominalID: NominalID
    /// The surname as recorded.
    public var surname: String
    /// The forenames as recorded.
    public var forenames: String
    /// The date of birth.
    public var dateOfBirth: LocalDate
    /// The owner agency's name.
    public var ownerAgency: String
    /// The nominal manager's full name, if the record has one.
    public var manager: String?

    /// A stub of these six fields.
    public init(nominalID: NominalID, surname: String, forenames: String, dateOfBirth: LocalDate,
                ownerAgency: String, manager: String?) {
        self.nominalID = nominalID
        self.surname = surname
        self.forenames = forenames
        self.dateOfBirth = dateOfBirth
        self.ownerAgency = ownerAgency
        self.manager = manager
    }
}

/// A found record the user may see: the stub's fields and, in addition, its
/// identifiers and MAPPA data.
public struct VisibleNominal: Hashable, Sendable {
    /// The fields a stub would show.
    public var stub: NominalStub
    /// The CRN, if recorded.
    public var crn: CRN?
    /// The PNC ID, if recorded.
    public var pncID: PNCID?
    /// MAPPA category.
    public var category: MAPPACategory
    /// MAPPA level.
    public var level: MAPPALevel
    /// True when the user's agency owns the record or is an active partner on it.
    public var partner: Bool
    /// How much of the record the user may open (full, or restricted partner).
    public var access: RecordAccess

    /// A visible summary: the stub plus identifiers and MAPPA data.
    public init(stub: NominalStub, crn: CRN?, pncID: PNCID?, category: MAPPACategory, level: MAPPALevel,
                partner: Bool, access: RecordAccess) {
        self.stub = stub
        self.crn = crn
        self.pncID = pncID
        self.category = category
        self.level = level
        self.partner = partner
        self.access = access
    }
}

/// One result of `findNominals`: a stub when the user may not see the
/// record, else the visible summary.
public enum FoundNominal: Hashable, Sendable {
    case stub(NominalStub)
    case visible(VisibleNominal)

    /// The stub's fields, which both kinds carry.
    public var stub: NominalStub {
        switch self {
        case .stub(let stub): stub
        case .visible(let visible): visible.stub
        }
    }

    /// The register id.
    public var nominalID: NominalID { stub.nominalID }
}
