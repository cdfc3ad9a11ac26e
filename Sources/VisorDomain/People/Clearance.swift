/// A kind of security clearance.
public enum ClearanceKind: String, CaseIterable, Codable, Sendable {
    /// Security Check, via NOMS Security Department (CPCs and deputies).
    case sc = "SC"
    /// Developed Vetting.
    case dv = "DV"
    /// Non Police Personnel Vetting level 2 and 3.
    case nppv2 = "NPPV2"
    case nppv3 = "NPPV3"
    /// Baseline Standard Check plus CRB check, locally verified.
    case bscCRB = "BSC_CRB"
}

/// One clearance held by a user, valid from its grant to its expiry (inclusive).
public struct Clearance: Hashable, Codable, Sendable {
    public var kind: ClearanceKind
    public var grantedOn: LocalDate
    public var expiresOn: LocalDate

    public init(kind: ClearanceKind, grantedOn: LocalDate, expiresOn: LocalDate) {
        self.kind = kind
        self.grantedOn = grantedOn
        self.expiresOn = expiresOn
    }

    public func isValid(on date: LocalDate) -> Bool { grantedOn <= date && date <= expiresOn }
}
