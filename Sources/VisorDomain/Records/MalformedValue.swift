/// cli.md's "malformed argument value" (64), as against a well-formed value that a rule refuses (65):
/// a date that is no calendar date, a code outside its list, an identifier that does not parse or
/// fails its check character, a number that is no number. A value that is well-formed but wrong —
/// in the future, before the date of birth, against another field, already on the register,
/// too long — is bad data, not bad usage.
extension FieldError {
    public var isMalformed: Bool {
        let text = TextFieldRules.trimmed(value, multiline: false)
        guard !text.isEmpty else { return false }
        switch field {
        case CoreField.dateOfBirth.rawValue, CoreField.custodyStart.rawValue, CoreField.releaseDate.rawValue,
             CoreField.mappEntryDate.rawValue, CoreField.roshDate.rawValue, CoreField.lastNotification.rawValue,
             "date", "next_review":
            return LocalDate(iso: text) == nil
        case CoreField.pncID.rawValue:
            guard !message.hasPrefix("already on the register") else { return false }
            return (try? PNCID(parsing: text, currentYear: 2099)) == nil
        case CoreField.croNumber.rawValue:
            guard !message.hasPrefix("already on the register") else { return false }
            return (try? CRONumber(parsing: text)) == nil
        case CoreField.nomsNumber.rawValue:
            guard !message.hasPrefix("already on the register") else { return false }
            return (try? NOMSNumber(parsing: text)) == nil
        case CoreField.crn.rawValue:
            guard !message.hasPrefix("already on the register") else { return false }
            return (try? CRN(parsing: text)) == nil
        case CoreField.gender.rawValue: return Gender(rawValue: text) == nil
        case CoreField.ethnicity.rawValue: return Ethnicity(rawValue: text) == nil && text != "NS"
        case CoreField.category.rawValue: return MAPPACategoryCode(rawValue: text) == nil
        case CoreField.level.rawValue, "level": return MAPPALevelCode(rawValue: text) == nil
        case CoreField.custodyStatus.rawValue: return CustodyStatus(rawValue: text) == nil
        case CoreField.releaseDateType.rawValue: return ReleaseDateType(rawValue: text) == nil
        case CoreField.orderType.rawValue: return OrderType(rawValue: text) == nil
        case CoreField.rosh.rawValue: return RoSHLevel(rawValue: text) == nil
        case "kind": return Entry.Kind(rawValue: text) == nil
        case IntelligenceGrading.Field.source: return IntelligenceGrading.Source(rawValue: text) == nil
        case IntelligenceGrading.Field.assessment: return IntelligenceGrading.Assessment(rawValue: text) == nil
        case IntelligenceGrading.Field.handling: return IntelligenceGrading.Handling(rawValue: text) == nil
        case RoSHAssessment.field:
            let parts = text.split(separator: "=", omittingEmptySubsequences: false).map(String.init)
            return parts.count != 2 || VictimGroup(rawValue: parts[0]) == nil || RoSHLevel(rawValue: parts[1]) == nil
        case "corrects": return Int64(text) == nil
        default: return false
        }
    }
}

extension FieldErrors {
    /// True when any of the errors is of a malformed value (cli.md: 64).
    public var hasMalformedValue: Bool { errors.contains(where: \.isMalformed) }
}
