import VisorDomain
import VisorRegister

/// R8's candidates: active nominals created by the window's end (the due
/// date, creation + 5 working days, is later) that lack a field of the
/// policy's minimum data set. The test is R8's own, on the row's columns: a
/// NULL, a blank name, no identifier at all; the schema's NOT NULL columns
/// (date of birth, gender, category, level, owner, custody status) are never
/// missing.
enum R08Query {
    /// The fields the policy asks for, as flags (tested on every row).
    struct Fields: Sendable {
        let surname, forenames, ethnicity, identifier, manager, custodyDetails, rosh, lastNotification: Bool

        init(_ set: [MinimumDataField]) {
            surname = set.contains(.surname)
            forenames = set.contains(.forenames)
            ethnicity = set.contains(.ethnicity)
            identifier = set.contains(.identifier)
            manager = set.contains(.manager)
            custodyDetails = set.contains(.custodyDetails)
            rosh = set.contains(.rosh)
            lastNotification = set.contains(.lastNotification)
        }
    }

    static func lacksField(_ row: NominalRow, _ fields: Fields) -> Bool {
        typealias Column = NominalRow.Column
        let columns = row.columns
        return (fields.surname && isBlank(columns.bytes(Column.surname)))
            || (fields.forenames && isBlank(columns.bytes(Column.forenames)))
            || (fields.ethnicity && columns.isNull(Column.ethnicity))
            || (fields.identifier && row.crnKey < 0 && row.pncYear < 0 && columns.isNull(Column.noms))
            || (fields.manager && row.manager == nil)
            || (fields.custodyDetails && row.inCustody
                && (columns.isNull(Column.establishment) || columns.isNull(Column.releaseDate)))
            || (fields.rosh && columns.isNull(Column.rosh))
            || (fields.lastNotification && row.category == .one && columns.isNull(Column.lastNotification))
    }

    /// Whether a name is missing or only white space (as R8 counts it); a
    /// first character that is not white space settles it, and it is found
    /// without decoding the name (Ó'Brien, Łukasz, 王秀英 …).
    static func isBlank(_ bytes: UnsafeBufferPointer<UInt8>?) -> Bool {
        guard let bytes, let first = bytes.first else { return true }
        if first > 0x20, first < 0x80 { return false }
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let scalar) = decoder.decode(&iterator), !scalar.properties.isWhitespace {
            return false
        }
        return String(decoding: bytes, as: UTF8.self).allSatisfy(\.isWhitespace)
    }

    /// The row's R8 action, deferred (`DeferredAction`): due creation + 5
    /// working days (the rule's own date).
    static func deferred(_ row: NominalRow, _ sides: NominalSides, _ context: ScanContext) -> DeferredAction? {
        typealias Column = NominalRow.Column
        let columns = row.columns
        guard context.window.shows(row.createdOn), lacksField(row, context.r8) else { return nil }
        let due = context.calendar.adding(workingDays: context.window.policy.r8CompleteWorkingDays, to: row.createdOn)
        guard context.window.shows(due) else { return nil }
        let candidate = R8CompleteRecord.Candidate(
            nominalID: row.id, crn: row.crn, pncID: row.pncID,
            nomsNumber: columns.string(Column.noms).flatMap { try? NOMSNumber(parsing: $0) },
            ownerAgencyID: row.owner, managerUserID: row.manager, createdOn: row.createdOn,
            surname: columns.string(Column.surname), forenames: columns.string(Column.forenames),
            dateOfBirth: columns.date(Column.dateOfBirth), gender: columns.code(Column.gender),
            ethnicity: columns.code(Column.ethnicity), category: row.category, level: row.level,
            custody: row.custody, establishmentID: columns.optionalInt64(Column.establishment),
            releaseDate: columns.date(Column.releaseDate), rosh: columns.code(Column.rosh),
            lastNotification: columns.date(Column.lastNotification))
        return DeferredAction(header: ActionHeader(rule: .r8, agencyID: row.owner, userID: row.manager,
                                                   nominalID: row.id, due: due), candidate: .r8(candidate))
    }
}
