import Foundation
import GRDB
import VisorDomain
import VisorRegister

/// One row of `nominal`, column for column: the one place its column list is
/// written for every path that is not a bulk load (fixtures, record forms).
/// The bulk paths (import, demo) bind the same columns through prepared
/// statements of their own, for speed; the schema's constraints hold either way.
package struct NominalRecord: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    package static let databaseTableName = "nominal"

    package var id: NominalID?
    package var surname: String
    package var forenames: String
    package var sortKey: String
    package var dateOfBirth: LocalDate
    package var gender: Gender
    package var ethnicity: Ethnicity?
    package var pncID: PNCID?
    package var croNumber: CRONumber?
    package var nomsNumber: NOMSNumber?
    package var crn: CRN?
    package var mappaCategory: MAPPACategory
    package var mappaLevel: MAPPALevel
    package var levelSince: LocalDate?
    package var ownerAgencyID: AgencyID
    package var managerUserID: UserID?
    package var managerAssignedOn: LocalDate?
    package var managerStaffID: String?
    package var custodyStatus: CustodyStatus
    package var establishmentID: AgencyID?
    package var custodyStart: LocalDate?
    package var releaseDate: LocalDate?
    package var releaseDateType: ReleaseDateType?
    package var mappEntryDate: LocalDate?
    package var orderType: OrderType
    package var homeForceID: AgencyID?
    package var probationAreaID: AgencyID?
    package var roshLevel: RoSHLevel?
    package var roshDate: LocalDate?
    package var lastNotification: LocalDate?
    package var lifecycle: Lifecycle
    package var source: NominalSource
    package var createdOn: LocalDate
    package var createdBy: UserID?
    package var dutyChangedOn: LocalDate
    package var updatedAt: Date

    enum CodingKeys: String, CodingKey {
        case id, surname, forenames, sortKey = "sort_key", dateOfBirth = "date_of_birth", gender, ethnicity
        case pncID = "pnc_id", croNumber = "cro_number", nomsNumber = "noms_number", crn
        case mappaCategory = "mappa_category", mappaLevel = "mappa_level", levelSince = "level_since"
        case ownerAgencyID = "owner_agency_id", managerUserID = "manager_user_id"
        case managerAssignedOn = "manager_assigned_on", managerStaffID = "manager_staff_id"
        case custodyStatus = "custody_status", establishmentID = "establishment_id", custodyStart = "custody_start"
        case releaseDate = "release_date", releaseDateType = "release_date_type", mappEntryDate = "mapp_entry_date"
        case orderType = "order_type", homeForceID = "home_force_id", probationAreaID = "probation_area_id"
        case roshLevel = "rosh_level", roshDate = "rosh_date", lastNotification = "last_notification", lifecycle
        case source, createdOn = "created_on", createdBy = "created_by", dutyChangedOn = "duty_changed_on"
        case updatedAt = "updated_at"
    }

    /// The row of a domain `Nominal`, its sort key derived from its names; the duty date is its
    /// creation unless said otherwise.
    package init(_ nominal: Nominal, dutyChangedOn: LocalDate? = nil, updatedAt: Date) {
        id = nominal.id > 0 ? nominal.id : nil
        surname = nominal.surname
        forenames = nominal.forenames
        sortKey = NameKeys.sortKey(surname: nominal.surname, forenames: nominal.forenames)
        dateOfBirth = nominal.dateOfBirth
        gender = nominal.gender
        ethnicity = nominal.ethnicity
        pncID = nominal.pncID
        croNumber = nominal.croNumber
        nomsNumber = nominal.nomsNumber
        crn = nominal.crn
        mappaCategory = nominal.category
        mappaLevel = nominal.level
        levelSince = nominal.levelSince
        ownerAgencyID = nominal.ownerAgencyID
        managerUserID = nominal.managerUserID
        managerAssignedOn = nominal.managerAssignedOn
        managerStaffID = nominal.managerStaffID
        custodyStatus = nominal.custody
        establishmentID = nominal.establishmentID
        custodyStart = nominal.custodyStart
        releaseDate = nominal.releaseDate
        releaseDateType = nominal.releaseDateType
        mappEntryDate = nominal.mappEntryDate
        orderType = nominal.orderType
        homeForceID = nominal.homeForceID
        probationAreaID = nominal.probationAreaID
        roshLevel = nominal.rosh
        roshDate = nominal.roshDate
        lastNotification = nominal.lastNotification
        lifecycle = nominal.lifecycle
        source = nominal.source
        createdOn = nominal.createdOn
        createdBy = nominal.createdByUserID
        self.dutyChangedOn = dutyChangedOn ?? nominal.createdOn
        self.updatedAt = updatedAt
    }

    package mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// Inserts the row with its search keys (names and aliases); returns its register id.
    @discardableResult
    package mutating func insertWithKeys(_ db: Database, aliases: [(surname: String, forenames: String)] = [])
        throws -> NominalID {
        try insert(db)
        let id = id ?? db.lastInsertedRowID
        try NameKeys.insert(db, nominalID: id, surname: surname, forenames: forenames, aliases: aliases)
        return id
    }
}
