import ArgumentParser
import Foundation

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "demo", abstract: "Create a demonstration register.")
    @OptionGroup var database: DatabaseOptions
    func run() throws {}
}
