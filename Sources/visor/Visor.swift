import ArgumentParser

/// The `visor` command: the full-screen application by default, and the
/// scripting commands of `spec/cli.md` around it.
@main
struct Visor: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "visor",
        abstract: "The MAPPA register shared by police, probation and prisons.",
        subcommands: [
            TUICommand.self, InitCommand.self, DemoCommand.self, ImportCommand.self, ReconcileCommand.self,
            ActionsCommand.self, PartnersCommand.self, BenchCommand.self,
        ],
        defaultSubcommand: TUICommand.self)
}
