/// What a form or `visor nominal create/edit` holds before it is saved: the
/// text of each core field as typed, and each alias. `validated` turns it
/// into `NominalCore` or every field's error at once.
public struct NominalDraft: Hashable, Sendable {
    /// Text per field; a field absent here is empty. `alias` is kept in `aliases`.
    public var values: [CoreField: String]
    /// Each alias as typed, `SURNAME, FORENAMES` or a surname alone.
    public var aliases: [String]

    public init(values: [CoreField: String] = [:], aliases: [String] = []) {
        self.values = values
        self.aliases = aliases
    }

    /// The text of `field` (empty when absent; for `alias`, the aliases joined by `; `).
    public subscript(field: CoreField) -> String {
        get { field == .alias ? aliases.joined(separator: "; ") : values[field] ?? "" }
        set {
            if field == .alias { aliases = newValue.isEmpty ? [] : [newValue] } else { values[field] = newValue }
        }
    }

    /// A blank form for a new nominal, with the two required fields that have
    /// an obvious answer filled: in the community, no order.
    public static func blank() -> NominalDraft {
        NominalDraft(values: [.custodyStatus: CustodyStatus.community.rawValue, .orderType: OrderType.none.rawValue])
    }

    /// An edit form holding `nominal`'s current values, agencies by name.
    /// `aliases` as stored, when the caller has them (the nominal holds them
    /// only as shown, with the surname in capitals).
    public init(editing nominal: Nominal, agencies: AgencyIndex, aliases: [Alias]? = nil) {
        var values: [CoreField: String] = [:]
        for field in CoreField.allCases where field != .alias {
            if let text = field.text(of: nominal, agencies: agencies) { values[field] = text }
        }
        self.init(values: values, aliases: aliases.map { $0.map(\.inputText) } ?? nominal.aliases)
    }
}

extension CoreField {
    /// The field's value in `nominal` as the CSV writes it (an agency by its
    /// name, or `#ID` when the index lacks it), nil when it has none: what an
    /// edit form starts from and what history and the audit trail record.
    public func text(of nominal: Nominal, agencies: AgencyIndex) -> String? {
        func agency(_ id: AgencyID?) -> String? { id.map { agencies.agency($0)?.name ?? "#\($0)" } }
        switch self {
        case .surname: return nominal.surname
        case .forenames: return nominal.forenames
        case .alias: return nominal.aliases.isEmpty ? nil : nominal.aliases.joined(separator: "; ")
        case .dateOfBirth: return nominal.dateOfBirth.iso
        case .gender: return nominal.gender.rawValue
        case .ethnicity: return nominal.ethnicity?.rawValue
        case .pncID: return nominal.pncID?.canonical
        case .croNumber: return nominal.croNumber?.canonical
        case .nomsNumber: return nominal.nomsNumber?.canonical
        case .crn: return nominal.crn?.canonical
        case .category: return String(nominal.category.rawValue)
        case .level: return String(nominal.level.rawValue)
        case .custodyStatus: return nominal.custody.rawValue
        case .establishment: return agency(nominal.establishmentID)
        case .custodyStart: return nominal.custodyStart?.iso
        case .releaseDate: return nominal.releaseDate?.iso
        case .releaseDateType: return nominal.releaseDateType?.rawValue
        case .mappEntryDate: return nominal.mappEntryDate?.iso
        case .orderType: return nominal.orderType.rawValue
        case .homeForce: return agency(nominal.homeForceID)
        case .supervisingArea: return agency(nominal.probationAreaID)
        case .rosh: return nominal.rosh?.rawValue
        case .roshDate: return nominal.roshDate?.iso
        case .lastNotification: return nominal.lastNotification?.iso
        }
    }
}
