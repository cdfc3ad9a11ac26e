import GRDB
import VisorDomain
import VisorRegister

// Domain values stored as text: dates as ISO `YYYY-MM-DD`, identifiers in
// canonical form, codes by their raw value. Decoding a value the schema's CHECK
// constraints would refuse yields nil, which GRDB reports as a decoding error.

extension LocalDate: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { iso.databaseValue }
    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> LocalDate? {
        String.fromDatabaseValue(dbValue).flatMap { LocalDate(iso: $0) }
    }
}

extension PNCID: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { canonical.databaseValue }
    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> PNCID? {
        String.fromDatabaseValue(dbValue).flatMap { try? PNCID(parsing: $0, currentYear: 2000) }
    }
}

extension CRONumber: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { canonical.databaseValue }
    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> CRONumber? {
        String.fromDatabaseValue(dbValue).flatMap { try? CRONumber(parsing: $0) }
    }
}

extension NOMSNumber: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { canonical.databaseValue }
    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> NOMSNumber? {
        String.fromDatabaseValue(dbValue).flatMap { try? NOMSNumber(parsing: $0) }
    }
}

extension CRN: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { canonical.databaseValue }
    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> CRN? {
        String.fromDatabaseValue(dbValue).flatMap { try? CRN(parsing: $0) }
    }
}

extension AgencyKind: DatabaseValueConvertible {}
extension Role: DatabaseValueConvertible {}
extension ClearanceKind: DatabaseValueConvertible {}
extension Gender: DatabaseValueConvertible {}
extension Ethnicity: DatabaseValueConvertible {}
extension MAPPACategory: DatabaseValueConvertible {}
extension MAPPALevel: DatabaseValueConvertible {}
extension CustodyStatus: DatabaseValueConvertible {}
extension ReleaseDateType: DatabaseValueConvertible {}
extension OrderType: DatabaseValueConvertible {}
extension RoSHLevel: DatabaseValueConvertible {}
extension Lifecycle: DatabaseValueConvertible {}
extension NominalSource: DatabaseValueConvertible {}
extension PartnerRequest.State: DatabaseValueConvertible {}
extension Partnership.State: DatabaseValueConvertible {}
extension Entry.Kind: DatabaseValueConvertible {}
extension RecordCheck.Kind: DatabaseValueConvertible {}
extension AuditEvent.Action: DatabaseValueConvertible {}
