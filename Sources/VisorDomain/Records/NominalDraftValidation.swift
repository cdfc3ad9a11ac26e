extension NominalDraft {
    /// The earliest date of birth the register accepts, on a form as on import.
    public static var earliestDateOfBirth: LocalDate { NominalFieldRules.earliestDateOfBirth }

    /// The draft's core data, or every field's error in field order. Each
    /// field is validated as the import validates its column, with the same
    /// messages (`NominalFieldRules`), after the free-text check; then the
    /// rules across fields, each reported on the field that must change:
    /// category 3 needs level 2 or 3 (`mappa_level`); a release date needs its
    /// type and a type its date; a RoSH level needs its date and a date its
    /// level; the date of birth is from 1900-01-01; custody start, release and
    /// last notification are not before the date of birth; a last
    /// notification is not in the future; each agency field names an agency
    /// of its kind. `creating` decides which fields are required
    /// (`CoreField.isRequired(creating:)`).
    public func validated(creating: Bool, today: LocalDate, agencies: AgencyIndex) throws(FieldErrors) -> NominalCore {
        var reader = NominalDraftReader(draft: self, creating: creating, today: today, agencies: agencies)
        let core = reader.read()
        try reader.errors.check(order: CoreField.allCases.map(\.rawValue))
        guard let core else { throw FieldErrors([]) }  // unreachable: a missing value always left an error
        return core
    }
}

/// Reads one draft field by field, collecting every error.
struct NominalDraftReader {
    let draft: NominalDraft
    let creating: Bool
    let today: LocalDate
    let agencies: AgencyIndex
    var errors = FieldErrorCollector()

    init(draft: NominalDraft, creating: Bool, today: LocalDate, agencies: AgencyIndex) {
        self.draft = draft
        self.creating = creating
        self.today = today
        self.agencies = agencies
    }

    mutating func read() -> NominalCore? {
        let surname = value(.surname, NominalFieldRules.name)
        let forenames = value(.forenames, NominalFieldRules.name)
        let aliases = draft.aliases.compactMap { text in errors.attempt { () throws(FieldError) in try Alias(parsing: text) } }
        let today = today
        let dob = value(.dateOfBirth) { text throws(IdentifierError) in try NominalFieldRules.birthDate(text, today: today) }
        let gender = code(.gender, Gender.self)
        let ethnicity = code(.ethnicity, Ethnicity.self)
        let pnc = value(.pncID) { text throws(IdentifierError) in try PNCID(parsing: text, currentYear: today.year) }
        let cro = value(.croNumber) { text throws(IdentifierError) in try CRONumber(parsing: text) }
        let noms = value(.nomsNumber) { text throws(IdentifierError) in try NOMSNumber(parsing: text) }
        let crn = value(.crn) { text throws(IdentifierError) in try CRN(parsing: text) }
        let category = code(.category, MAPPACategoryCode.self)?.category
        let level = code(.level, MAPPALevelCode.self)?.level
        if let category, let level {
            check(.level) { () throws(IdentifierError) in try NominalFieldRules.level(level, allowedFor: category) }
        }
        let custody = code(.custodyStatus, CustodyStatus.self)
        let establishment = agency(.establishment)
        let custodyStart = value(.custodyStart, NominalFieldRules.date)
        let releaseDate = value(.releaseDate, NominalFieldRules.date)
        let releaseType = code(.releaseDateType, ReleaseDateType.self)
        let mappEntry = value(.mappEntryDate, NominalFieldRules.date)
        let orderType = code(.orderType, OrderType.self)
        let homeForce = agency(.homeForce)
        let area = agency(.supervisingArea)
        let rosh = code(.rosh, RoSHLevel.self)
        let roshDate = value(.roshDate) { text throws(IdentifierError) in try NominalFieldRules.pastDate(text, today: today) }
        let lastNotification = value(.lastNotification) { text throws(IdentifierError) in
            try NominalFieldRules.pastDate(text, today: today)
        }
        needs(.releaseDateType, when: .releaseDate, NominalFieldRules.releaseDateTypeRequired)
        needs(.releaseDate, when: .releaseDateType, "required when release_date_type is set")
        needs(.roshDate, when: .rosh, NominalFieldRules.roshDateRequired)
        needs(.rosh, when: .roshDate, "required when rosh_date is set")
        if let dob {
            for (field, date) in [(CoreField.custodyStart, custodyStart), (.releaseDate, releaseDate),
                                  (.lastNotification, lastNotification)] {
                if let date, date < dob {
                    check(field) { () throws(IdentifierError) in
                        throw IdentifierError("is before the date of birth (\(dob.iso))")
                    }
                }
            }
        }
        guard let surname, let forenames, let dob, let gender, let category, let level, let custody,
              let orderType else { return nil }
        return NominalCore(
            surname: surname, forenames: forenames, aliases: aliases, dateOfBirth: dob, gender: gender,
            ethnicity: ethnicity, pncID: pnc, croNumber: cro, nomsNumber: noms, crn: crn, category: category,
            level: level, custody: custody, establishmentID: establishment, custodyStart: custodyStart,
            releaseDate: releaseDate, releaseDateType: releaseType, mappEntryDate: mappEntry, orderType: orderType,
            homeForceID: homeForce, probationAreaID: area, rosh: rosh, roshDate: roshDate,
            lastNotification: lastNotification)
    }

    // MARK: One field

    /// The field's trimmed text after the free-text check; nil when empty
    /// (an error if required) or refused.
    private mutating func text(_ field: CoreField, requiredMessage: String = NominalFieldRules.required) -> String? {
        let value = draft[field]
        do throws(FieldError) {
            guard let text = try TextFieldRules.optional(value, field: field.rawValue, limit: .max) else {
                if field.isRequired(creating: creating) {
                    errors.add(FieldError(field, value: value, message: requiredMessage))
                }
                return nil
            }
            return text
        } catch {
            errors.add(error)
            return nil
        }
    }

    private mutating func value<T>(_ field: CoreField, _ parse: (String) throws(IdentifierError) -> T) -> T? {
        guard let text = text(field) else { return nil }
        do throws(IdentifierError) {
            return try parse(text)
        } catch {
            errors.add(FieldError(field: field.rawValue, value: draft[field], error))
            return nil
        }
    }

    private mutating func code<Code: FieldCode>(_ field: CoreField, _ type: Code.Type) -> Code? {
        guard let text = text(field, requiredMessage: NominalFieldRules.required(Code.self)) else { return nil }
        do throws(IdentifierError) {
            return try NominalFieldRules.code(text, Code.self)
        } catch {
            errors.add(FieldError(field: field.rawValue, value: draft[field], error))
            return nil
        }
    }

    private mutating func agency(_ field: CoreField) -> AgencyID? {
        guard let kind = field.agencyKind else { return nil }
        let agencies = agencies
        return value(field) { text throws(IdentifierError) in try agencies.resolve(text, kind: kind).id }
    }

    // MARK: Across fields

    /// Records `rule`'s error on `field` unless the field already has one.
    private mutating func check(_ field: CoreField, _ rule: () throws(IdentifierError) -> Void) {
        guard !errors.hasError(field.rawValue) else { return }
        do throws(IdentifierError) {
            try rule()
        } catch {
            errors.add(FieldError(field: field.rawValue, value: draft[field], error))
        }
    }

    /// `field` is required when `other` holds a valid value.
    private mutating func needs(_ field: CoreField, when other: CoreField, _ message: String) {
        let blank = TextFieldRules.trimmed(draft[field], multiline: false).isEmpty
        let otherGiven = !TextFieldRules.trimmed(draft[other], multiline: false).isEmpty
        guard blank, otherGiven, !errors.hasError(other.rawValue) else { return }
        check(field) { () throws(IdentifierError) in throw IdentifierError(message) }
    }
}
