import ArgumentParser
import Foundation

/// Options of the full-screen application shared by `visor tui` and `visor demo`.
struct TUIOptions: ParsableArguments {
    @Option(help: "Theme name (default, light, high-contrast, monochrome, colour-blind) or a theme file.")
    var theme: String?
    @Flag(help: "Do not use the mouse.") var noMouse = false
}

struct TUICommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "tui", abstract: "Open the full-screen application.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var options: TUIOptions
    @Option(help: "Pre-fill the login with this user name.") var user: String?

    func run() throws {
        try TUICommand.launch(databasePath: database.resolvedPath, user: user, options: options)
    }

    static func launch(databasePath: String, user: String?, options: TUIOptions) throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            printError("the full-screen application needs a terminal (standard input and output); "
                + "for scripts use the other commands (visor --help)")
            throw ExitCode(Exit.usage)
        }
        printError("the full-screen application is not built yet")
        throw ExitCode(Exit.usage)
    }
}
