import ArgumentParser
import VisorRegister
import VisorStore

/// `visor partners request (--crn X | --nominal ID) --reason TEXT --as USER`
struct PartnersRequestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "request", abstract: "Ask for your agency to be made a partner on a nominal.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var actor: ActingUserOptions
    @OptionGroup var format: FormatOptions
    @OptionGroup var nominal: NominalSelection
    @Option(help: "Why your agency needs the record.") var reason: String

    func run() throws {
        try reporting {
            let register = try database.open()
            let reference = try nominal.reference()
            let why = try PartnersCLI.reason(reason)
            let user = try PartnersCLI.signIn(actor, register)
            let policy = try register.policy()
            let request = try register.requestPartnership(nominal: reference, reason: why, by: user, policy: policy)
            Output.object(PartnersOutput.request(request), format: format.resolved)
        }
    }
}
