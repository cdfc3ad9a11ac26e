import Foundation
import GRDB
import VisorDomain
import VisorRegister

/// records.md's duplicate check against the register, through the identifier and date-of-birth
/// indexes: the same PNC, CRO, NOMS or CRN as another nominal is refused (65) naming its register
/// id and what a stub shows of it — every user with a working role may find that much by the
/// identifier anyway; the same folded surname and date of birth waits for the user's confirmation.
enum DuplicateRows {
    static func check(_ db: Database, _ core: NominalCore, editing: NominalID?, confirmNamesake: Bool) throws {
        let existing = try candidates(db, core)
        do throws(IdentifierClash) {
            try DuplicateCheck.identifierClash(core, among: existing, editing: editing)
        } catch {
            // The message shows the other nominal's stub: the step audits that view (`recordStep`).
            var clash = error
            clash.error.message += " (" + (try stub(db, clash.nominalID)) + ")"
            throw clash
        }
        guard !confirmNamesake else { return }
        let namesakes = DuplicateCheck.namesakes(of: core, among: existing, editing: editing)
        if !namesakes.isEmpty { throw RecordStepError.namesake(DuplicateCheck.warning(namesakes: namesakes)) }
    }

    /// The nominals sharing an identifier with `core`, or its date of birth (a few dozen at most
    /// on a national register; the surname is folded in Swift, as the search folds it).
    static func candidates(_ db: Database, _ core: NominalCore) throws -> [ExistingNominal] {
        var conditions = ["date_of_birth = :dob"]
        var arguments: [String: (any DatabaseValueConvertible)?] = ["dob": core.dateOfBirth]
        if let pnc = core.pncID { conditions.append("pnc_id = :pnc"); arguments["pnc"] = pnc.canonical }
        if let cro = core.croNumber { conditions.append("cro_number = :cro"); arguments["cro"] = cro.canonical }
        if let noms = core.nomsNumber { conditions.append("noms_number = :noms"); arguments["noms"] = noms.canonical }
        if let crn = core.crn { conditions.append("crn = :crn"); arguments["crn"] = crn.canonical }
        let sql = conditions.map {
            "SELECT id, pnc_id, cro_number, noms_number, crn, surname, date_of_birth FROM nominal WHERE \($0)"
        }.joined(separator: " UNION ")
        return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).map {
            ExistingNominal(id: $0["id"], pncID: $0["pnc_id"], croNumber: $0["cro_number"], nomsNumber: $0["noms_number"],
                            crn: $0["crn"], surname: $0["surname"], dateOfBirth: $0["date_of_birth"])
        }
    }

    /// "SURNAME, Forenames, born 1980-01-02, owned by London": a stub's fields.
    static func stub(_ db: Database, _ id: NominalID) throws -> String {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT n.surname, n.forenames, n.date_of_birth, a.name FROM nominal n JOIN agency a ON a.id = n.owner_agency_id
            WHERE n.id = ?
            """, arguments: [id]) else { return "nominal \(id)" }
        let name = Nominal.displayName(surname: row["surname"], forenames: row["forenames"])
        return "\(name), born \((row["date_of_birth"] as LocalDate).iso), owned by \(row["name"] as String)"
    }
}
