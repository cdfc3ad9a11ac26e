/// Looks agencies up by kind and name (matched as `Agency.matchKey` does).
public protocol AgencyDirectory {
    func agencyID(kind: AgencyKind, matchKey: String) -> AgencyID?
}

/// Turns the fields of one extract line into an `ExtractCase`, or the first
/// fault in column order, exactly as `spec/nominals-csv.md` defines them.
public struct ExtractRowValidator {
    public let header: ExtractHeader
    public let today: LocalDate
    public let addAgencies: Bool
    private let directory: any AgencyDirectory
    /// Agencies already matched, by kind and name as written: an extract names
    /// the same few agencies on every row.
    private let cache = AgencyCache()

    public init(header: ExtractHeader, today: LocalDate, directory: any AgencyDirectory, addAgencies: Bool) {
        self.header = header
        self.today = today
        self.directory = directory
        self.addAgencies = addAgencies
    }

    /// `lineMayHaveRefusedText`: false when the caller has scanned the whole
    /// line (`TextHazard.mayOccur`) and found no hazard, so no field needs scanning again.
    public func validate(line: Int, fields: [String], lineMayHaveRefusedText: Bool = true)
        -> Result<ExtractCase, RowFault> {
        guard fields.count == header.fieldCount else {
            if fields.allSatisfy(\.isEmpty), fields.count <= 1 {
                return .failure(.wholeRow(line: line, reason: "blank line"))
            }
            return .failure(.wholeRow(line: line,
                reason: "expected \(header.fieldCount) fields, found \(fields.count)"))
        }
        if fields.allSatisfy(\.isEmpty) {
            return .failure(.wholeRow(line: line, reason: "empty row"))
        }
        do throws(RowFault) {
            return .success(try parse(line: line, RowFields(fields: fields, header: header, line: line,
                                                            mayHaveRefusedText: lineMayHaveRefusedText)))
        } catch {
            return .failure(error)
        }
    }

    private func parse(line: Int, _ row: RowFields) throws(RowFault) -> ExtractCase {
        let crn = try row.required(.crn) { text throws(IdentifierError) in try CRN(parsing: text) }
        let pnc = try row.optional(.pncID) { text throws(IdentifierError) in
            try PNCID(parsing: text, currentYear: today.year)
        }
        let cro = try row.optional(.croNumber) { text throws(IdentifierError) in try CRONumber(parsing: text) }
        let noms = try row.optional(.nomsNumber) { text throws(IdentifierError) in try NOMSNumber(parsing: text) }
        let surname = try row.name(.surname)
        let forenames = try row.name(.forenames)
        let dob = try row.required(.dateOfBirth) { text throws(IdentifierError) in
            try NominalFieldRules.birthDate(text, today: today)
        }
        let gender = try row.requiredCode(.gender, Gender.self)
        let ethnicity = try row.optionalCode(.ethnicity, Ethnicity.self)
        let category = try row.requiredCode(.mappaCategory, MAPPACategoryCode.self).category
        let level = try row.requiredCode(.mappaLevel, MAPPALevelCode.self).level
        do throws(IdentifierError) {
            try NominalFieldRules.level(level, allowedFor: category)
        } catch {
            throw RowFault(line: line, column: .mappaLevel, value: row.text(.mappaLevel), reason: error.message)
        }
        let managingAgency = try row.requiredCode(.managingAgency, AgencyKind.self)
        guard let managingUnit = try agency(row, .managingUnit, kind: managingAgency) else {
            throw RowFault(line: line, column: .managingUnit, value: "", reason: NominalFieldRules.required)
        }
        let custody = try row.requiredCode(.custodyStatus, CustodyStatus.self)
        let establishment = try agency(row, .establishment, kind: .prison)
        let custodyStart = try row.optional(.custodyStartDate) { text throws(IdentifierError) in
            try NominalFieldRules.notBefore(birth: dob, try NominalFieldRules.date(text))
        }
        let releaseDate = try row.optional(.releaseDate) { text throws(IdentifierError) in
            try NominalFieldRules.notBefore(birth: dob, try NominalFieldRules.date(text))
        }
        let releaseType = try row.optionalCode(.releaseDateType, ReleaseDateType.self)
        if releaseDate != nil, releaseType == nil {
            throw RowFault(line: line, column: .releaseDateType, value: "",
                           reason: NominalFieldRules.releaseDateTypeRequired)
        }
        let mappEntry = try row.optional(.mappEntryDate, NominalFieldRules.date)
        let orderType = try row.requiredCode(.orderType, OrderType.self)
        let manager = row.text(.offenderManager)
        try row.checkPlainText(.offenderManager)
        let police = try agency(row, .policeForce, kind: .police)
        let probation = try agency(row, .probationArea, kind: .probation)
        let rosh = try row.optionalCode(.roshLevel, RoSHLevel.self)
        let roshDate = try row.optional(.roshDate) { text throws(IdentifierError) in try pastDate(text) }
        if rosh != nil, roshDate == nil {
            throw RowFault(line: line, column: .roshDate, value: "", reason: NominalFieldRules.roshDateRequired)
        }
        let lastNotification = try row.optional(.lastNotificationDate, NominalFieldRules.date)
        return ExtractCase(
            line: line, crn: crn, pncID: pnc, croNumber: cro, nomsNumber: noms, surname: surname,
            forenames: forenames, dateOfBirth: dob, gender: gender, ethnicity: ethnicity, category: category,
            level: level, managingAgency: managingAgency, managingUnit: managingUnit, custody: custody,
            establishment: establishment, custodyStart: custodyStart, releaseDate: releaseDate,
            releaseDateType: releaseType, mappEntryDate: mappEntry, orderType: orderType,
            offenderManager: manager.isEmpty ? nil : manager, policeForce: police, probationArea: probation,
            rosh: rosh, roshDate: roshDate, lastNotification: lastNotification)
    }

    private func pastDate(_ text: String) throws(IdentifierError) -> LocalDate {
        try NominalFieldRules.pastDate(text, today: today)
    }

    private func agency(_ row: RowFields, _ column: ExtractColumn, kind: AgencyKind) throws(RowFault) -> AgencyReference? {
        let name = row.text(column)
        if name.isEmpty {
            if column.isRequired {
                throw RowFault(line: row.line, column: column, value: "", reason: NominalFieldRules.required)
            }
            return nil
        }
        try row.checkPlainText(column)
        if let known = cache.agencies[kind]?[name] { return .known(known) }
        let key = Agency.matchKey(name)
        if let id = directory.agencyID(kind: kind, matchKey: key) {
            cache.agencies[kind, default: [:]][name] = id
            return .known(id)
        }
        guard addAgencies, !key.isEmpty else {
            throw RowFault(line: row.line, column: column, value: name,
                           reason: "unknown \(kind.noun) (use --add-agencies to create it)")
        }
        return .new(kind, name)
    }
}

/// The validator's memory of matched agency names; one validator serves one reader.
private final class AgencyCache {
    /// By kind, then by name as written (one dictionary per kind: no key to build per lookup).
    var agencies: [AgencyKind: [String: AgencyID]] = [:]
}

/// The fields of one row, addressed by column.
private struct RowFields {
    let fields: [String]
    let header: ExtractHeader
    let line: Int
    let mayHaveRefusedText: Bool

    func text(_ column: ExtractColumn) -> String {
        guard let index = header.position(of: column) else { return "" }
        return fields[index]
    }

    /// Refuses what free text refuses (`FreeText`): every text column of a row is one line.
    func checkPlainText(_ column: ExtractColumn) throws(RowFault) {
        guard mayHaveRefusedText else { return }
        let value = text(column)
        if let reason = FreeText.problem(in: value) {
            throw RowFault(line: line, column: column, value: value, reason: reason)
        }
    }

    func required<T>(_ column: ExtractColumn, _ parse: (String) throws(IdentifierError) -> T) throws(RowFault) -> T {
        let value = text(column)
        guard !value.isEmpty else {
            throw RowFault(line: line, column: column, value: "", reason: NominalFieldRules.required)
        }
        return try convert(column, value, parse)
    }

    func optional<T>(_ column: ExtractColumn, _ parse: (String) throws(IdentifierError) -> T) throws(RowFault) -> T? {
        let value = text(column)
        guard !value.isEmpty else { return nil }
        return try convert(column, value, parse)
    }

    private func convert<T>(_ column: ExtractColumn, _ value: String,
                            _ parse: (String) throws(IdentifierError) -> T) throws(RowFault) -> T {
        try checkPlainText(column)
        do throws(IdentifierError) {
            return try parse(value)
        } catch {
            throw RowFault(line: line, column: column, value: value, reason: error.message)
        }
    }

    func requiredCode<T: FieldCode>(_ column: ExtractColumn, _ type: T.Type) throws(RowFault) -> T {
        let value = text(column)
        guard !value.isEmpty else {
            throw RowFault(line: line, column: column, value: "", reason: NominalFieldRules.required(T.self))
        }
        return try code(column, value, T.self)
    }

    func optionalCode<T: FieldCode>(_ column: ExtractColumn, _ type: T.Type) throws(RowFault) -> T? {
        let value = text(column)
        guard !value.isEmpty else { return nil }
        return try code(column, value, T.self)
    }

    /// A code is not scanned for control characters first: one makes it no code, and says so.
    private func code<T: FieldCode>(_ column: ExtractColumn, _ value: String, _ type: T.Type) throws(RowFault) -> T {
        do throws(IdentifierError) {
            return try NominalFieldRules.code(value, T.self)
        } catch {
            throw RowFault(line: line, column: column, value: value, reason: error.message)
        }
    }

    func name(_ column: ExtractColumn) throws(RowFault) -> String {
        let value = text(column)
        guard !value.isEmpty else {
            throw RowFault(line: line, column: column, value: "", reason: NominalFieldRules.required)
        }
        return try convert(column, value, NominalFieldRules.name)
    }
}
