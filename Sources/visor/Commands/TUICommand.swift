import ArgumentParser
import Foundation

struct TUICommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "tui", abstract: "Open the full-screen application.")

    @OptionGroup var database: DatabaseOptions
    @Option(help: "Pre-fill the login with this user name.") var user: String?

    func run() throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            printError("the full-screen application needs a terminal (standard input and output); "
                + "for scripts use the other commands (visor --help)")
            throw ExitCode(Exit.usage)
        }
        printError("the full-screen application is not built yet")
        throw ExitCode(Exit.usage)
    }
}
