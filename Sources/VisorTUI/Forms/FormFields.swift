import VisorDomain
import VisorRegister

/// The fields of each form, in records.md's order, with the codes and agencies each may take.
enum FormFields {
    static let yesNo = ["no", "yes"]

    static func label(_ field: CoreField) -> String {
        switch field {
        case .surname: "Surname"
        case .forenames: "Forenames"
        case .alias: "Aliases (; between)"
        case .dateOfBirth: "Date of birth"
        case .gender: "Gender"
        case .ethnicity: "Ethnicity"
        case .pncID: "PNC ID"
        case .croNumber: "CRO number"
        case .nomsNumber: "NOMS number"
        case .crn: "CRN"
        case .category: "MAPPA category"
        case .level: "MAPPA level"
        case .custodyStatus: "Custody"
        case .establishment: "Establishment"
        case .custodyStart: "Custody start"
        case .releaseDate: "Release date"
        case .releaseDateType: "Release date type"
        case .mappEntryDate: "MAPP entry date"
        case .orderType: "Order type"
        case .homeForce: "Home police force"
        case .supervisingArea: "Supervising area"
        case .rosh: "RoSH level"
        case .roshDate: "RoSH assessed"
        case .lastNotification: "Last notification"
        }
    }

    static func choices(_ field: CoreField, agencies: [Agency]) -> [String] {
        if let kind = field.agencyKind { return agencies.filter { $0.kind == kind }.map(\.name).sorted() }
        switch field {
        case .gender: return Gender.allCases.map(\.rawValue)
        case .ethnicity: return Ethnicity.allCases.map(\.rawValue)
        case .category: return MAPPACategoryCode.allCases.map(\.rawValue)
        case .level: return MAPPALevelCode.allCases.map(\.rawValue)
        case .custodyStatus: return CustodyStatus.allCases.map(\.rawValue)
        case .releaseDateType: return ReleaseDateType.allCases.map(\.rawValue)
        case .orderType: return OrderType.allCases.map(\.rawValue)
        case .rosh: return RoSHLevel.allCases.map(\.rawValue)
        default: return []
        }
    }

    static let dateFields: Set<CoreField> = [.dateOfBirth, .custodyStart, .releaseDate, .mappEntryDate, .roshDate,
                                             .lastNotification]

    /// Every core field, holding `values`; an edit also names the manager (assigned on save when changed).
    static func nominal(_ values: [CoreField: String], aliases: [String], agencies: [Agency], manager: String?,
                        managers: [String]) -> [FormField] {
        // Aliases last: the identity a user types first is the person's own name and date of birth.
        let order = CoreField.allCases.filter { $0 != .alias } + [.alias]
        var fields = order.map { field in
            FormField(key: field.rawValue, label: label(field),
                      text: field == .alias ? aliases.joined(separator: "; ") : values[field] ?? "",
                      choices: choices(field, agencies: agencies), isDate: dateFields.contains(field),
                      isList: field == .alias)
        }
        if let manager {
            fields.append(FormField(key: ManagerAssignment.field, label: "Nominal manager", text: manager,
                                    choices: managers))
        }
        return fields
    }

    static func entry(today: LocalDate) -> [FormField] {
        [
            FormField(key: "kind", label: "Kind", text: Entry.Kind.note.rawValue,
                      choices: Entry.Kind.addable.map(\.rawValue)),
            FormField(key: "date", label: "Date", text: today.iso, isDate: true),
            FormField(key: "text", label: "Text"),
            FormField(key: "released", label: "Released (restricted)", text: "no", choices: yesNo),
            FormField(key: IntelligenceGrading.Field.source, label: "Source (intelligence)",
                      choices: IntelligenceGrading.Source.allCases.map(\.rawValue)),
            FormField(key: IntelligenceGrading.Field.assessment, label: "Assessment",
                      choices: IntelligenceGrading.Assessment.allCases.map(\.rawValue)),
            FormField(key: IntelligenceGrading.Field.handling, label: "Handling",
                      choices: IntelligenceGrading.Handling.allCases.map(\.rawValue)),
            FormField(key: IntelligenceGrading.Field.conditions, label: "Conditions (C)"),
            FormField(key: RoSHAssessment.field, label: "RoSH by group",
                      choices: VictimGroup.allCases.flatMap { group in
                          RoSHLevel.allCases.map { "\(group.rawValue)=\($0.rawValue)" }
                      }, isList: true),
            FormField(key: "corrects", label: "Corrects entry"),
        ]
    }

    static func meeting(today: LocalDate, level: MAPPALevel, agencies: [Agency]) -> [FormField] {
        [
            FormField(key: "date", label: "Held on", text: today.iso, isDate: true),
            FormField(key: "level", label: "Level", text: level.isMultiAgency ? String(level.rawValue) : "2",
                      choices: ["2", "3"]),
            FormField(key: "agency", label: "Attending (; between)", choices: agencies.map(\.name).sorted(), isList: true),
            FormField(key: "minutes", label: "Minutes"),
            FormField(key: "plan", label: "Risk management plan"),
            FormField(key: "next_review", label: "Next review (default)", isDate: true),
        ]
    }

    static func check() -> [FormField] { [FormField(key: "note", label: "Note (optional)")] }

    static func notification(today: LocalDate) -> [FormField] {
        [FormField(key: "date", label: "Notified on", text: today.iso, isDate: true)]
    }

    static func transfer(agencies: [Agency], owner: AgencyID?) -> [FormField] {
        [
            FormField(key: TransferDraft.field, label: "To agency",
                      choices: agencies.filter { $0.id != owner }.map(\.name).sorted()),
            FormField(key: "keep_partner", label: "Stay a partner", text: "yes", choices: yesNo),
        ]
    }
}
