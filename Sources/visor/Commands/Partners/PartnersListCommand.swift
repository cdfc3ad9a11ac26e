import ArgumentParser
import VisorDomain
import VisorRegister
import VisorStore

/// `visor partners list [--state pending|accepted|declined|withdrawn] --as USER`
struct PartnersListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "Partner requests your agency made or must answer, oldest first.")

    /// The states `--state` takes.
    enum StateArgument: String, ExpressibleByArgument, CaseIterable {
        case pending, accepted, declined, withdrawn

        var state: PartnerRequest.State {
            switch self {
            case .pending: .pending
            case .accepted: .accepted
            case .declined: .declined
            case .withdrawn: .withdrawn
            }
        }
    }

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var actor: ActingUserOptions
    @OptionGroup var format: FormatOptions
    @Option(help: "Only requests in this state.") var state: StateArgument?

    func run() throws {
        try reporting {
            let register = try database.open()
            let user = try PartnersCLI.signIn(actor, register)
            let policy = try register.policy()
            let requests = try register.partnerRequests(for: user, state: state?.state, policy: policy)
            Output.list(requests.map(PartnersOutput.request), keys: PartnersOutput.requestKeys, format: format.resolved)
        }
    }
}
