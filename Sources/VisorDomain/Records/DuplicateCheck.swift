/// A nominal already on the register that a new or edited one may duplicate,
/// as the store finds it (by any identifier, or by folded surname and date of birth).
public struct ExistingNominal: Hashable, Sendable {
    public var id: NominalID
    public var pncID: PNCID?
    public var croNumber: CRONumber?
    public var nomsNumber: NOMSNumber?
    public var crn: CRN?
    public var surname: String
    public var dateOfBirth: LocalDate

    public init(id: NominalID, pncID: PNCID? = nil, croNumber: CRONumber? = nil, nomsNumber: NOMSNumber? = nil,
                crn: CRN? = nil, surname: String, dateOfBirth: LocalDate) {
        self.id = id
        self.pncID = pncID
        self.croNumber = croNumber
        self.nomsNumber = nomsNumber
        self.crn = crn
        self.surname = surname
        self.dateOfBirth = dateOfBirth
    }
}

/// An identifier already on the register: the field's error, and the nominal that holds it.
public struct IdentifierClash: Error, Hashable, Sendable {
    public var error: FieldError
    public var nominalID: NominalID
}

/// records.md's duplicate check, made before a nominal is created (and when
/// an edit changes its identifiers): the same PNC, CRO, NOMS or CRN as
/// another nominal is refused (65) naming that nominal's register id; the
/// same folded surname and date of birth is a warning the user confirms
/// (`--confirm-duplicate`).
public enum DuplicateCheck {
    /// The first identifier `core` shares with another nominal, as the error
    /// of that field naming that nominal; the nominal being edited (`editing`) is not another.
    public static func identifierClash(_ core: NominalCore, among existing: [ExistingNominal],
                                       editing: NominalID? = nil) throws(IdentifierClash) {
        let others = existing.filter { $0.id != editing }
        let checks: [(CoreField, String?, (ExistingNominal) -> String?)] = [
            (.pncID, core.pncID?.canonical, { $0.pncID?.canonical }),
            (.croNumber, core.croNumber?.canonical, { $0.croNumber?.canonical }),
            (.nomsNumber, core.nomsNumber?.canonical, { $0.nomsNumber?.canonical }),
            (.crn, core.crn?.canonical, { $0.crn?.canonical }),
        ]
        for (field, value, of) in checks {
            guard let value, let other = others.first(where: { of($0) == value }) else { continue }
            throw IdentifierClash(
                error: FieldError(field, value: value, message: "already on the register as nominal \(other.id)"),
                nominalID: other.id)
        }
    }

    /// The other nominals with the same folded surname (`NameFolding`: accents,
    /// case and punctuation ignored) and date of birth, by register id.
    public static func namesakes(of core: NominalCore, among existing: [ExistingNominal],
                                 editing: NominalID? = nil) -> [NominalID] {
        let surname = NameFolding.fold(core.surname)
        return existing.filter {
            $0.id != editing && $0.dateOfBirth == core.dateOfBirth && NameFolding.fold($0.surname) == surname
        }.map(\.id).sorted()
    }

    /// The warning a user confirms before creating a namesake.
    public static func warning(namesakes: [NominalID]) -> String {
        let ids = namesakes.map { "nominal \($0)" }.joined(separator: ", ")
        return "the register holds a nominal with the same surname and date of birth (\(ids)): "
            + "confirm that this is another person (--confirm-duplicate)"
    }
}
