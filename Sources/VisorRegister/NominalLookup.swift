import VisorDomain

/// How `findNominals` looks a nominal up: one exact identifier, or a surname
/// with an exact date of birth (domain.md: the searches that may show a stub).
public enum NominalLookup: Hashable, Sendable, CustomStringConvertible {
    case crn(CRN)
    case pnc(PNCID)
    case noms(NOMSNumber)
    /// The surname is folded as the application's search folds names.
    case surname(String, dateOfBirth: LocalDate)

    /// The lookup as the audit trail records it.
    public var description: String {
        switch self {
        case .crn(let crn): "crn \(crn)"
        case .pnc(let pnc): "pnc \(pnc)"
        case .noms(let noms): "noms \(noms)"
        case .surname(let surname, let dateOfBirth): "surname \(surname) born \(dateOfBirth)"
        }
    }
}

/// How a partner operation names its nominal: by register id or by CRN.
public enum NominalReference: Hashable, Sendable, CustomStringConvertible {
    case id(NominalID)
    case crn(CRN)

    /// The reference as a message names it.
    public var description: String {
        switch self {
        case .id(let id): "nominal \(id)"
        case .crn(let crn): "CRN \(crn)"
        }
    }
}
