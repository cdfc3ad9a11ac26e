import ArgumentParser

struct ActionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "actions", abstract: "The actions the rules require.")
}
