/// A field of a nominal's core data (records.md "Core data") that a form or
/// `visor nominal create/edit` sets, in the form's order. The raw value is
/// the field's CSV column name (nominals-csv.md), which `visor nominal show`
/// prints and every field error names; `flag` is its command-line option.
///
/// The owner and the manager are not here: the owner is the creator's agency
/// and changes by transfer, the manager by assignment (`ManagerAssignment`).
public enum CoreField: String, CaseIterable, Sendable, Hashable, Codable {
    case surname, forenames
    /// Each alias, `SURNAME, FORENAMES` (`--alias`, repeated).
    case alias
    case dateOfBirth = "date_of_birth"
    case gender, ethnicity
    case pncID = "pnc_id"
    case croNumber = "cro_number"
    case nomsNumber = "noms_number"
    case crn
    case category = "mappa_category"
    case level = "mappa_level"
    case custodyStatus = "custody_status"
    case establishment
    case custodyStart = "custody_start_date"
    case releaseDate = "release_date"
    case releaseDateType = "release_date_type"
    case mappEntryDate = "mapp_entry_date"
    case orderType = "order_type"
    /// The home police force.
    case homeForce = "police_force"
    /// The supervising probation area.
    case supervisingArea = "probation_area"
    case rosh = "rosh_level"
    case roshDate = "rosh_date"
    case lastNotification = "last_notification_date"

    /// The option of `visor nominal create` and `edit` (records.md's names).
    public var flag: String {
        switch self {
        case .dateOfBirth: "--dob"
        case .pncID: "--pnc"
        case .croNumber: "--cro"
        case .nomsNumber: "--noms"
        case .category: "--category"
        case .level: "--level"
        case .custodyStatus: "--custody"
        case .custodyStart: "--custody-start"
        case .releaseDate: "--release"
        case .releaseDateType: "--release-type"
        case .homeForce: "--home-force"
        case .supervisingArea: "--supervising-area"
        case .rosh: "--rosh"
        case .roshDate: "--rosh-date"
        case .lastNotification: "--last-notification"
        default: "--" + rawValue.replacingUnderscores()
        }
    }

    /// Whether a form must fill the field. Creating asks for what records.md's
    /// `create` line asks for (ethnicity included: `NS` is an answer); an edit
    /// asks only for what the record cannot be without, so a record the import
    /// brought in without an ethnicity can still be edited.
    public func isRequired(creating: Bool) -> Bool {
        switch self {
        case .surname, .forenames, .dateOfBirth, .gender, .category, .level, .custodyStatus, .orderType: true
        case .ethnicity: creating
        default: false
        }
    }

    /// The agency kind a field names, for the three agency fields.
    public var agencyKind: AgencyKind? {
        switch self {
        case .establishment: .prison
        case .homeForce: .police
        case .supervisingArea: .probation
        default: nil
        }
    }

    /// Fields whose changes are kept as history (records.md: category, level
    /// and custody), in field order.
    public static let historyFields: [CoreField] = [
        .category, .level, .custodyStatus, .establishment, .custodyStart, .releaseDate, .releaseDateType,
    ]
}

extension String {
    fileprivate func replacingUnderscores() -> String {
        String(map { $0 == "_" ? "-" : $0 })
    }
}
