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

    /// `lineHasControlCharacters`: false when the caller has scanned the whole
    /// line and found none, so no field needs scanning again.
    public func validate(line: Int, fields: [String], lineHasControlCharacters: Bool = true)
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
                                                            mayHaveControlCharacters: lineHasControlCharacters)))
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
        let dob = try row.required(.dateOfBirth) { text throws(IdentifierError) in try birthDate(text) }
        let gender = try row.requiredCode(.gender, Gender.self, allowed: "M, F, X or U")
        let ethnicity = try row.optionalCode(.ethnicity, Ethnicity.self,
                                             allowed: "an ONS 2011 code (W1-W4, M1-M4, A1-A5, B1-B3, O1, O2) or NS")
        let categoryValue = try row.requiredCode(.mappaCategory, MAPPACategoryCode.self, allowed: "1, 2, 3 or 4")
        let levelValue = try row.requiredCode(.mappaLevel, MAPPALevelCode.self, allowed: "1, 2 or 3")
        let category = categoryValue.category
        let level = levelValue.level
        if (category == .three) && level == .one {
            throw RowFault(line: line, column: .mappaLevel, value: row.text(.mappaLevel),
                           reason: "category 3 requires level 2 or 3")
        }
        let managingAgency = try row.requiredCode(.managingAgency, AgencyKind.self, allowed: "police, probation or prison")
        guard let managingUnit = try agency(row, .managingUnit, kind: managingAgency) else {
            throw RowFault(line: line, column: .managingUnit, value: "", reason: "required")
        }
        let custody = try row.requiredCode(.custodyStatus, CustodyStatus.self, allowed: "in_custody or community")
        let establishment = try agency(row, .establishment, kind: .prison)
        let custodyStart = try row.optional(.custodyStartDate) { text throws(IdentifierError) in
            try notBefore(birth: dob, try date(text))
        }
        let releaseDate = try row.optional(.releaseDate) { text throws(IdentifierError) in
            try notBefore(birth: dob, try date(text))
        }
        let releaseType = try row.optionalCode(.releaseDateType, ReleaseDateType.self, allowed: "actual or potential")
        if releaseDate != nil, releaseType == nil {
            throw RowFault(line: line, column: .releaseDateType, value: "",
                           reason: "required when release_date is set (actual or potential)")
        }
        let mappEntry = try row.optional(.mappEntryDate) { text throws(IdentifierError) in try date(text) }
        let orderType = try row.requiredCode(.orderType, OrderType.self, allowed: "licence, community_order or none")
        let manager = row.text(.offenderManager)
        try row.checkPlainText(.offenderManager)
        let police = try agency(row, .policeForce, kind: .police)
        let probation = try agency(row, .probationArea, kind: .probation)
        let rosh = try row.optionalCode(.roshLevel, RoSHLevel.self, allowed: "low, medium, high or very_high")
        let roshDate = try row.optional(.roshDate) { text throws(IdentifierError) in try pastDate(text) }
        if rosh != nil, roshDate == nil {
            throw RowFault(line: line, column: .roshDate, value: "", reason: "required when rosh_level is set")
        }
        let lastNotification = try row.optional(.lastNotificationDate) { text throws(IdentifierError) in
            try date(text)
        }
        return ExtractCase(
            line: line, crn: crn, pncID: pnc, croNumber: cro, nomsNumber: noms, surname: surname,
            forenames: forenames, dateOfBirth: dob, gender: gender, ethnicity: ethnicity, category: category,
            level: level, managingAgency: managingAgency, managingUnit: managingUnit, custody: custody,
            establishment: establishment, custodyStart: custodyStart, releaseDate: releaseDate,
            releaseDateType: releaseType, mappEntryDate: mappEntry, orderType: orderType,
            offenderManager: manager.isEmpty ? nil : manager, policeForce: police, probationArea: probation,
            rosh: rosh, roshDate: roshDate, lastNotification: lastNotification)
    }

    private func date(_ text: String) throws(IdentifierError) -> LocalDate {
        guard let date = LocalDate(iso: text) else {
            // Well-formed YYYY-MM-DD that names no day (2023-02-30) versus any other text.
            let bytes = Array(text.utf8)
            let isISOShape = bytes.count == 10 && bytes.enumerated().allSatisfy { index, byte in
                index == 4 || index == 7 ? byte == UInt8(ascii: "-") : (byte >= 48 && byte <= 57)
            }
            throw IdentifierError(isISOShape ? "not a real calendar date" : "not an ISO date (YYYY-MM-DD)")
        }
        return date
    }

    /// The earliest year of birth an extract may give: anyone on the register
    /// born before it would be over 120, so the date is a typing or export fault.
    static let earliestBirthYear = 1900

    private func birthDate(_ text: String) throws(IdentifierError) -> LocalDate {
        let value = try pastDate(text)
        guard value.year >= ExtractRowValidator.earliestBirthYear else {
            throw IdentifierError("is before \(ExtractRowValidator.earliestBirthYear)-01-01")
        }
        return value
    }

    /// Custody and release happen to someone already born.
    private func notBefore(birth: LocalDate, _ value: LocalDate) throws(IdentifierError) -> LocalDate {
        guard value >= birth else { throw IdentifierError("is before the date of birth (\(birth.iso))") }
        return value
    }

    private func pastDate(_ text: String) throws(IdentifierError) -> LocalDate {
        let value = try date(text)
        guard value <= today else { throw IdentifierError("is in the future") }
        return value
    }

    private func agency(_ row: RowFields, _ column: ExtractColumn, kind: AgencyKind) throws(RowFault) -> AgencyReference? {
        let name = row.text(column)
        if name.isEmpty {
            if column.isRequired { throw RowFault(line: row.line, column: column, value: "", reason: "required") }
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

extension ExtractRowValidator {
    /// C0 controls, DEL and C1 controls (U+0080–U+009F, encoded C2 80–C2 9F),
    /// found by scanning bytes: an import scans every line, and the fields of
    /// a line that has one.
    static func containsControlCharacter(_ value: String) -> Bool {
        var text = value
        return text.withUTF8 { containsControlCharacter($0) }
    }

    public static func containsControlCharacter(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var previousWasC2 = false
        for byte in bytes {
            if byte < 0x20 || byte == 0x7F || (previousWasC2 && byte >= 0x80 && byte <= 0x9F) { return true }
            previousWasC2 = byte == 0xC2
        }
        return false
    }
}

/// The validator's memory of matched agency names; one validator serves one reader.
private final class AgencyCache {
    /// By kind, then by name as written (one dictionary per kind: no key to build per lookup).
    var agencies: [AgencyKind: [String: AgencyID]] = [:]
}

/// `mappa_category` as written in an extract.
private enum MAPPACategoryCode: String, CaseIterable {
    case one = "1", two = "2", three = "3", four = "4"
    var category: MAPPACategory { MAPPACategory(rawValue: Int(rawValue)!)! }
}

/// `mappa_level` as written in an extract.
private enum MAPPALevelCode: String, CaseIterable {
    case one = "1", two = "2", three = "3"
    var level: MAPPALevel { MAPPALevel(rawValue: Int(rawValue)!)! }
}

/// The fields of one row, addressed by column.
private struct RowFields {
    let fields: [String]
    let header: ExtractHeader
    let line: Int
    let mayHaveControlCharacters: Bool

    func text(_ column: ExtractColumn) -> String {
        guard let index = header.position(of: column) else { return "" }
        return fields[index]
    }

    func checkPlainText(_ column: ExtractColumn) throws(RowFault) {
        guard mayHaveControlCharacters else { return }
        let value = text(column)
        if ExtractRowValidator.containsControlCharacter(value) {
            throw RowFault(line: line, column: column, value: value, reason: "control characters are not allowed")
        }
    }

    func required<T>(_ column: ExtractColumn, _ parse: (String) throws(IdentifierError) -> T) throws(RowFault) -> T {
        let value = text(column)
        guard !value.isEmpty else { throw RowFault(line: line, column: column, value: "", reason: "required") }
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

    func requiredCode<T: RawRepresentable>(_ column: ExtractColumn, _ type: T.Type, allowed: String) throws(RowFault) -> T
        where T.RawValue == String {
        let value = text(column)
        guard !value.isEmpty else {
            throw RowFault(line: line, column: column, value: "", reason: "required (\(allowed))")
        }
        guard let code = T(rawValue: value) else {
            throw RowFault(line: line, column: column, value: value, reason: "must be \(allowed)")
        }
        return code
    }

    func optionalCode<T: RawRepresentable>(_ column: ExtractColumn, _ type: T.Type, allowed: String) throws(RowFault) -> T?
        where T.RawValue == String {
        let value = text(column)
        guard !value.isEmpty else { return nil }
        guard let code = T(rawValue: value) else {
            throw RowFault(line: line, column: column, value: value, reason: "must be \(allowed)")
        }
        return code
    }

    func name(_ column: ExtractColumn) throws(RowFault) -> String {
        let value = text(column)
        guard !value.isEmpty else { throw RowFault(line: line, column: column, value: "", reason: "required") }
        try checkPlainText(column)
        // More than 100 bytes is needed for more than 100 characters, so most names skip the count.
        if value.utf8.count > 100 {
            let length = value.count
            guard length <= 100 else {
                throw RowFault(line: line, column: column, value: value,
                               reason: "too long (\(length) characters, at most 100)")
            }
        }
        let hasASCIILetter = value.utf8.contains { ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) }
        guard hasASCIILetter || value.contains(where: { $0.isLetter }) else {
            throw RowFault(line: line, column: column, value: value, reason: "must contain a letter")
        }
        return value
    }
}
