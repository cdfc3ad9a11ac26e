import ArgumentParser
import Foundation
import VisorCurses
import VisorDomain
import VisorRegister
import VisorStore
import VisorTUI

/// Options of the full-screen application shared by `visor tui` and `visor demo`.
struct TUIOptions: ParsableArguments {
    @Option(help: "Theme name (default, light, high-contrast, monochrome, colour-blind) or a theme file (else visor.toml's theme).")
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
        // The read-only check comes first, whatever the command (cli.md): a foreign or damaged file exits 66 untouched.
        try reporting { _ = try AppDatabase.check(path: databasePath) }
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            printError("the full-screen application needs a terminal (standard input and output); "
                + "for scripts use the other commands (visor --help)")
            throw ExitCode(Exit.usage)
        }
        var register: AppDatabase?
        var policy = Policy.standard
        try reporting {
            let opened = try AppDatabase.open(path: databasePath, clock: SystemClock())
            // Signing in and every view are recorded: the application needs to write.
            try opened.requireWritable("the application (it signs users in and records what they view)")
            // The register's policy, the same for everyone who signs in to it.
            policy = try opened.policy()
            register = opened
        }
        guard let register else { return }
        let preferences = ScreenPreferences.load(path: ScreenPreferences.path())
        let themeResult = ThemeLoader().load(options.theme ?? preferences.theme)
        let mouse = preferences.mouse && !options.noMouse
        let help = HelpContacts.load()
        let warnings = [auditWarning(register)].compactMap { $0 } + preferences.warnings + themeResult.warnings
            + [help.warning].compactMap { $0 }
        for warning in warnings { printError(warning) }
        try MainActor.assumeIsolated {
            let core = AppCore(database: register, policy: policy, clock: SystemClock(),
                               options: AppOptions(prefilledUser: user, helpContacts: help.contacts))
            if let warning = warnings.first { core.showStartupMessage(warning) }
            if (try? register.holdsRegister()) == false {
                core.showStartupMessage("\(databasePath) holds no register yet: create one with "
                    + "visor init --admin NAME --agency NAME, or try visor demo")
            }
            do {
                defer { core.stopBackgroundWork() }
                try CursesTerminal.run(mouse: mouse, theme: themeResult.theme) { terminal in
                    TerminalLoop.run(core: core, terminal: terminal)
                }
            } catch let error as TerminalError {
                printError(error.description)
                throw ExitCode(Exit.usage)
            }
        }
    }

    /// The start-up check of the audit trail (its last events and its triggers): a warning when it fails,
    /// first among the sign-in screen's messages. A check that cannot run is a warning too, not a refusal to start.
    private static func auditWarning(_ register: AppDatabase) -> String? {
        do {
            return try register.checkAuditTrailAtStartUp(by: .currentOperator)
        } catch {
            return "the audit trail could not be checked (\(error.description)): run visor audit verify"
        }
    }
}
