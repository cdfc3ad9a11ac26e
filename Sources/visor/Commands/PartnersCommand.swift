import ArgumentParser

/// `visor partners …`: the partner-request workflow of `spec/cli.md`.
struct PartnersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "partners", abstract: "The partner-request workflow.",
        subcommands: [
            PartnersFindCommand.self, PartnersRequestCommand.self, PartnersAcceptCommand.self,
            PartnersDeclineCommand.self, PartnersWithdrawCommand.self, PartnersAddCommand.self,
            PartnersEndCommand.self, PartnersListCommand.self,
        ])
}
