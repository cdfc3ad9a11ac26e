import VisorDomain
import VisorRegister

/// R8's candidates: active nominals that lack a field of the policy's
/// minimum data set, whose due date the window shows. The test is R8's own,
/// on the row's columns: a NULL, a blank name, no identifier at all; the
/// schema's NOT NULL columns (date of birth, gender, category, level, owner,
/// custody status) are never missing.
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
        (fields.surname && isBlank(row.bytes(.surname)))
            || (fields.forenames && isBlank(row.bytes(.forenames)))
            || (fields.ethnicity && row.isNull(.ethnicity))
            || (fields.identifier && row.crnKey < 0 && row.pncYear < 0 && row.isNull(.noms))
            || (fields.manager && row.manager == nil)
            || (fields.custodyDetails && row.inCustody && (row.isNull(.establishment) || row.isNull(.releaseDate)))
            || (fields.rosh && row.isNull(.rosh))
            || (fields.lastNotification && row.category == .one && row.isNull(.lastNotification))
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

    /// The row's R8 action, deferred (`DeferredAction`), when the window
    /// shows its due date (the rule's own: `R8CompleteRecord.due`).
    static func deferred(_ row: NominalRow, _ sides: NominalSides, _ context: ScanContext)
        throws(RegisterDamage) -> DeferredAction? {
        guard lacksField(row, context.r8) else { return nil }
        let due = R8CompleteRecord.due(createdOn: row.createdOn, calendar: context.calendar,
                                       policy: context.window.policy)
        guard context.window.shows(due) else { return nil }
        let candidate = R8CompleteRecord.Candidate(
            nominal: row.ruleNominal, nomsNumber: try row.noms(), createdOn: row.createdOn,
            surname: row.string(.surname), forenames: row.string(.forenames),
            dateOfBirth: try row.date(.dateOfBirth), gender: try row.code(.gender),
            ethnicity: try row.code(.ethnicity), category: row.category, level: row.level,
            custody: row.custody, establishmentID: row.reference(.establishment),
            releaseDate: try row.date(.releaseDate), rosh: try row.code(.rosh),
            lastNotification: try row.date(.lastNotification))
        return DeferredAction(header: ActionHeader(rule: .r8, agencyID: row.owner, userID: row.manager,
                                                   nominalID: row.id, due: due), candidate: .r8(candidate))
    }
}
