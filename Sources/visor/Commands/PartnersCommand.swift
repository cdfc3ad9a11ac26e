import ArgumentParser

struct PartnersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "partners", abstract: "The partner-request workflow.")
}
