import ArgumentParser

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Performance benchmarks (build with -c release for figures).",
        subcommands: [BenchImportCommand.self, BenchRulesCommand.self, BenchTUICommand.self, BenchAuditCommand.self,
                      BenchTerminalsCommand.self, BenchTerminalCommand.self, BenchWriteCommand.self, BenchActionsCommand.self])
}
