import ArgumentParser

struct BenchTUICommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "tui", abstract: "Time the application core without a terminal.")
}
