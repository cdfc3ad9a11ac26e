import ArgumentParser
import VisorRegister
import VisorStore

/// `visor partners end (--crn X | --nominal ID) --agency NAME --reason TEXT --as USER`
struct PartnersEndCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "end", abstract: "End an agency's partnership on a nominal your agency owns, with a reason.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var actor: ActingUserOptions
    @OptionGroup var format: FormatOptions
    @OptionGroup var nominal: NominalSelection
    @Option(help: "The partner agency, as agencies.md names it.") var agency: String
    @Option(help: "Why the partnership ends (required).") var reason: String

    func run() throws {
        try reporting {
            let register = try database.open()
            let reference = try nominal.reference()
            let why = try PartnersCLI.reason(reason)
            let partner = try PartnersCLI.agency(named: agency, in: register)
            let user = try PartnersCLI.signIn(actor, register)
            let partnership = try register.endPartnership(nominal: reference, agency: partner.id, reason: why, by: user)
            Output.object(PartnersOutput.partnership(partnership), format: format.resolved)
        }
    }
}
