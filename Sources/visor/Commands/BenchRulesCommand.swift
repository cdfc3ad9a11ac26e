import ArgumentParser

struct BenchRulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rules", abstract: "Time a full rule evaluation and a re-evaluation.")
}
