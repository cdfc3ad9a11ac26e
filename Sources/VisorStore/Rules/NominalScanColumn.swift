extension NominalScan {
    /// The columns of `nominal` the scan reads, in the order it selects them:
    /// the SELECT is written from `allCases`, and a case's raw value is its
    /// place in that list, so a column's position cannot drift from the
    /// statement (a new column goes anywhere in the list, with its name).
    enum Column: Int32, CaseIterable, Sendable {
        case id, crn, pncID, owner, manager, createdOn, category, level, createdBy, managerAssignedOn, custody
        case establishment, custodyStart, releaseDate, orderType, dutyChangedOn, probationArea, homeForce, levelSince
        case mappEntryDate, lastNotification, surname, forenames, dateOfBirth, gender, ethnicity, noms, rosh

        /// The column's name in `nominal` (the SQL, and a damaged row's error, say it).
        var name: String {
            switch self {
            case .id: "id"
            case .crn: "crn"
            case .pncID: "pnc_id"
            case .owner: "owner_agency_id"
            case .manager: "manager_user_id"
            case .createdOn: "created_on"
            case .category: "mappa_category"
            case .level: "mappa_level"
            case .createdBy: "created_by"
            case .managerAssignedOn: "manager_assigned_on"
            case .custody: "custody_status"
            case .establishment: "establishment_id"
            case .custodyStart: "custody_start"
            case .releaseDate: "release_date"
            case .orderType: "order_type"
            case .dutyChangedOn: "duty_changed_on"
            case .probationArea: "probation_area_id"
            case .homeForce: "home_force_id"
            case .levelSince: "level_since"
            case .mappEntryDate: "mapp_entry_date"
            case .lastNotification: "last_notification"
            case .surname: "surname"
            case .forenames: "forenames"
            case .dateOfBirth: "date_of_birth"
            case .gender: "gender"
            case .ethnicity: "ethnicity"
            case .noms: "noms_number"
            case .rosh: "rosh_level"
            }
        }

        /// What the column holds, as a damaged row's error says it ("7 is not a level").
        var holds: String {
            switch self {
            case .id, .manager, .createdBy: "a register id"
            case .owner, .establishment, .probationArea, .homeForce: "an agency id"
            case .crn: "a CRN"
            case .pncID: "a PNC ID"
            case .noms: "a NOMS number"
            case .createdOn, .managerAssignedOn, .custodyStart, .releaseDate, .dutyChangedOn, .levelSince,
                 .mappEntryDate, .lastNotification, .dateOfBirth: "a date"
            case .category: "a category"
            case .level: "a level"
            case .custody: "a custody status"
            case .orderType: "an order type"
            case .surname, .forenames: "a name"
            case .gender: "a gender"
            case .ethnicity: "an ethnicity"
            case .rosh: "a risk of serious harm level"
            }
        }
    }

    /// The scan's statement over the active nominals of `scope`, in id order.
    static func sql(scope: NominalScope) -> String {
        """
        SELECT \(Column.allCases.map(\.name).joined(separator: ", "))
        FROM nominal
        WHERE \(scope.condition("id")) AND lifecycle = 'active'
        ORDER BY id
        """
    }
}
