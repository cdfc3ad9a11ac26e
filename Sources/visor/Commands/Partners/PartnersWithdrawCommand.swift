import ArgumentParser
import VisorRegister
import VisorStore

/// `visor partners withdraw REQUEST_ID --as USER`
struct PartnersWithdrawCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "withdraw", abstract: "Withdraw your agency's pending partner request.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var actor: ActingUserOptions
    @OptionGroup var format: FormatOptions
    @Argument(help: ArgumentHelp("The request's id.", valueName: "REQUEST_ID")) var requestID: Int64

    func run() throws {
        try reporting {
            let register = try database.open()
            let user = try PartnersCLI.signIn(actor, register)
            let policy = try register.policy()
            let request = try register.withdrawPartnerRequest(requestID, by: user, policy: policy)
            Output.object(PartnersOutput.request(request), format: format.resolved)
        }
    }
}
