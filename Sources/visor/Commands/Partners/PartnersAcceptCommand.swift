import ArgumentParser
import VisorRegister
import VisorStore

/// `visor partners accept REQUEST_ID [--restricted] --as USER`
struct PartnersAcceptCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accept", abstract: "Accept a partner request (the owner's CPC, deputy CPC or nominal manager).")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var actor: ActingUserOptions
    @OptionGroup var format: FormatOptions
    @Argument(help: ArgumentHelp("The request's id.", valueName: "REQUEST_ID")) var requestID: Int64
    @Flag(help: "Make the agency a restricted partner (identity, MAPPA data and released entries only).")
    var restricted = false

    func run() throws {
        try reporting {
            let register = try database.open()
            let user = try PartnersCLI.signIn(actor, register)
            let policy = try register.policy()
            let request = try register.acceptPartnerRequest(requestID, restricted: restricted, by: user, policy: policy)
            Output.object(PartnersOutput.request(request), format: format.resolved)
        }
    }
}
