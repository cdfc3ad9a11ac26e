import VisorDomain
import VisorRegister

/// Turns a form's fields into the domain's drafts, and validates them as the register will: the
/// same functions, so an error beside a field as the user types is the one a save would give.
extension FormState {
    var nominalDraft: NominalDraft {
        var draft = NominalDraft()
        for field in CoreField.allCases where field != .alias {
            draft.values[field] = value(field.rawValue)
        }
        draft.aliases = Self.list(value(CoreField.alias.rawValue))
        return draft
    }

    /// What an edit saves: an emptied alias field clears the aliases (`[""]`; none given keeps them).
    var editDraft: NominalDraft {
        var draft = nominalDraft
        let aliasIndex = fields.firstIndex { $0.key == CoreField.alias.rawValue }
        if draft.aliases.isEmpty, let aliasIndex, !original[aliasIndex].isEmpty { draft.aliases = [""] }
        return draft
    }

    var entryDraft: EntryDraft {
        func optional(_ key: String) -> String? { value(key).isEmpty ? nil : value(key) }
        return EntryDraft(kind: value("kind"), date: value("date"), text: value("text"),
                          released: value("released").lowercased().hasPrefix("y"),
                          source: optional(IntelligenceGrading.Field.source),
                          assessment: optional(IntelligenceGrading.Field.assessment),
                          handling: optional(IntelligenceGrading.Field.handling),
                          conditions: optional(IntelligenceGrading.Field.conditions),
                          rosh: value(RoSHAssessment.field).split(whereSeparator: { $0 == " " || $0 == ";" })
                              .map(String.init),
                          corrects: optional("corrects"))
    }

    var meetingDraft: MeetingDraft {
        MeetingDraft(date: value("date"), level: value("level"), attendees: Self.list(value("agency")),
                     minutes: value("minutes"), plan: value("plan"), nextReview: value("next_review"))
    }

    var transferDraft: TransferDraft {
        TransferDraft(to: value(TransferDraft.field), keepPartner: !value("keep_partner").lowercased().hasPrefix("n"))
    }

    /// `a; b; c` as its items.
    static func list(_ text: String) -> [String] {
        text.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// Every field's error now, by key.
    func validationErrors() -> [String: String] {
        let c = context
        var found: [FieldError] = []
        do {
            switch purpose {
            case .createNominal, .editNominal:
                let creating = purpose == .createNominal
                _ = try nominalDraft.validated(creating: creating, today: c.today, agencies: c.agencies)
            case .entry:
                _ = try entryDraft.validated(today: c.today, correctable: c.correctable)
            case .meeting:
                _ = try meetingDraft.validated(today: c.today,
                                               dateOfBirth: c.nominal?.dateOfBirth ?? NominalDraft.earliestDateOfBirth,
                                               agencies: c.agencies, policy: c.policy)
            case .check:
                if let problem = FreeText.problem(in: value("note")) {
                    found.append(FieldError(field: "note", value: value("note"), message: problem))
                }
            case .notification:
                if let nominal = c.nominal {
                    _ = try NotificationDraft(date: value("date")).outcome(on: nominal, today: c.today, policy: c.policy)
                }
            case .transfer:
                if let owner = c.nominal?.ownerAgencyID {
                    _ = try transferDraft.validated(ownerAgencyID: owner, agencies: c.agencies)
                }
            }
        } catch let errors as FieldErrors {
            found += errors.errors
        } catch let error as FieldError {
            found.append(error)
        } catch {}
        return Dictionary(found.map { ($0.field, $0.message) }, uniquingKeysWith: { first, _ in first })
    }
}
