import ArgumentParser
import VisorDomain
import VisorRegister
import VisorStore

/// `visor partners find (--crn X | --pnc P | --noms N | --surname S --dob DATE) --as USER`
struct PartnersFindCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "find",
        abstract: "Find a nominal by exact identifier or by surname and date of birth (stubs for other agencies' records).")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var actor: ActingUserOptions
    @OptionGroup var format: FormatOptions
    @Option(help: "A CRN (X123456).") var crn: String?
    @Option(help: "A PNC ID in any accepted form (2008/0056560Z, 79/163001B, 20030011985X).") var pnc: String?
    @Option(help: "A NOMS number (A1234BC).") var noms: String?
    @Option(help: "A surname, matched as the application's search matches names; needs --dob.") var surname: String?
    @Option(help: "The exact date of birth (YYYY-MM-DD), with --surname.") var dob: String?

    func run() throws {
        try reporting {
            let register = try database.open()
            let lookup = try lookup(currentYear: register.today.year)
            let user = try PartnersCLI.signIn(actor, register)
            let found = try register.findNominals(lookup, for: user)
            let keys = found.contains { if case .visible = $0 { true } else { false } }
                ? PartnersOutput.visibleKeys : PartnersOutput.stubKeys
            Output.list(found.map(PartnersOutput.found), keys: keys, format: format.resolved)
        }
    }

    /// Exactly one way of finding; identifiers in either case, as the search box takes them.
    private func lookup(currentYear: Int) throws -> NominalLookup {
        switch (crn, pnc, noms, surname, dob) {
        case (let crn?, nil, nil, nil, nil):
            return .crn(try PartnersCLI.parse { () throws(IdentifierError) in try CRN(parsing: crn.uppercased()) })
        case (nil, let pnc?, nil, nil, nil):
            return .pnc(try PartnersCLI.parse { () throws(IdentifierError) in
                try PNCID(parsing: pnc.uppercased(), currentYear: currentYear)
            })
        case (nil, nil, let noms?, nil, nil):
            return .noms(try PartnersCLI.parse { () throws(IdentifierError) in
                try NOMSNumber(parsing: noms.uppercased())
            })
        case (nil, nil, nil, let surname?, let dob?):
            guard let date = LocalDate(iso: dob) else { throw PartnersCLI.usage("--dob \(dob): not a date (YYYY-MM-DD)") }
            guard !NameFolding.fold(surname).isEmpty else {
                throw PartnersCLI.usage("--surname needs at least one letter")
            }
            return .surname(surname, dateOfBirth: date)
        case (nil, nil, nil, _?, nil):
            throw PartnersCLI.usage("--surname needs --dob DATE (the exact date of birth)")
        default:
            throw PartnersCLI.usage("give one of --crn X, --pnc P, --noms N, or --surname S with --dob DATE")
        }
    }
}
