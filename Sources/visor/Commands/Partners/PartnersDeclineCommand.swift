import ArgumentParser
import VisorRegister
import VisorStore

/// `visor partners decline REQUEST_ID --reason TEXT --as USER`
struct PartnersDeclineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decline", abstract: "Decline a partner request, with a reason.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var actor: ActingUserOptions
    @OptionGroup var format: FormatOptions
    @Argument(help: ArgumentHelp("The request's id.", valueName: "REQUEST_ID")) var requestID: Int64
    @Option(help: "Why the request is declined (required).") var reason: String

    func run() throws {
        try reporting {
            let register = try database.open()
            let why = try PartnersCLI.reason(reason)
            let user = try PartnersCLI.signIn(actor, register)
            let policy = try register.policy()
            let request = try register.declinePartnerRequest(requestID, reason: why, by: user, policy: policy)
            Output.object(PartnersOutput.request(request), format: format.resolved)
        }
    }
}
