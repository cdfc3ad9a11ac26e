import ArgumentParser
import VisorRegister
import VisorStore

/// `visor partners add (--crn X | --nominal ID) --agency NAME [--restricted] --as USER`
struct PartnersAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Make an agency a partner on a nominal your agency owns (R5, R6; R7 permitting).")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var actor: ActingUserOptions
    @OptionGroup var format: FormatOptions
    @OptionGroup var nominal: NominalSelection
    @Option(help: "The agency to make a partner, as agencies.md names it.") var agency: String
    @Flag(help: "Make it a restricted partner.") var restricted = false
    @Option(help: "A note kept with the partnership (optional).") var reason: String?

    func run() throws {
        try reporting {
            let register = try database.open()
            let reference = try nominal.reference()
            let partner = try PartnersCLI.agency(named: agency, in: register)
            let note = try reason.map { try PartnersCLI.checkedText($0, option: "--reason") }
            let user = try PartnersCLI.signIn(actor, register)
            let partnership = try register.addPartner(nominal: reference, agency: partner.id, restricted: restricted,
                                                      reason: note, by: user)
            Output.object(PartnersOutput.partnership(partnership), format: format.resolved)
        }
    }
}
