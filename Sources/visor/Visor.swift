import ArgumentParser
import Foundation
import VisorDomain

/// The `visor` command: the full-screen application by default, and the
/// scripting commands of `spec/cli.md` around it.
@main
struct Visor: ParsableCommand {
    /// The version `visor --version` prints.
    static let version = "0.7.0"

    static let configuration = CommandConfiguration(
        commandName: "visor",
        abstract: "The MAPPA register shared by police, probation and prisons.",
        version: version,
        subcommands: [
            TUICommand.self, InitCommand.self, DemoCommand.self, ImportCommand.self, ReconcileCommand.self,
            ActionsCommand.self, PartnersCommand.self, NominalCommand.self, EntryCommand.self, MeetingCommand.self,
            RecordCommand.self, NotificationCommand.self, PolicyCommand.self, AuditCommand.self, BenchCommand.self,
        ],
        defaultSubcommand: TUICommand.self)

    /// Refuses an unknown command by name before parsing: with a default
    /// subcommand, ArgumentParser would otherwise print the usage of `tui`.
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let first = arguments.first, let message = UnknownCommand.message(for: first) {
            FileHandle.standardError.write(Data(message.utf8))
            Foundation.exit(Exit.usage)
        }
        run(arguments)
    }

    /// ArgumentParser's own `main`, but with its messages escaped: they quote the
    /// arguments as given ("The value '…' is invalid for '--nominal'"), and an
    /// argument can hold anything a script put there.
    static func run(_ arguments: [String]) -> Never {
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            Foundation.exit(0)
        } catch {
            let code = exitCode(for: error)
            let text = TerminalText.escapedLines(fullMessage(for: error))
            if !text.isEmpty {
                // Help asked for goes to standard output (exit 0); every error to standard error.
                if code.isSuccess {
                    Swift.print(text)
                } else {
                    FileHandle.standardError.write(Data((text + "\n").utf8))
                }
            }
            Foundation.exit(code.rawValue)
        }
    }
}

/// The message for a first argument that names no command (nil when it is a command or an option).
enum UnknownCommand {
    /// Commands of cli.md that a later version brings.
    static let planned: [String: String] = [
        "report": "reports (compliance, equality, access, roles)",
        "users": "user administration commands",
        "backup": "online backups",
    ]

    static func message(for word: String) -> String? {
        guard !word.hasPrefix("-"), word != "help" else { return nil }
        let commands = Visor.configuration.subcommands.map { ($0.configuration.commandName ?? "", $0.configuration.abstract) }
        guard !commands.contains(where: { $0.0 == word }) else { return nil }
        var text = "visor: unknown command '\(TerminalText.escaped(word))'"
        if let what = planned[word] { text += ": \(what) are not in this version yet" }
        text += "\n\nThe commands are:\n"
        let width = commands.map(\.0.count).max() ?? 8
        for (name, abstract) in commands {
            text += "  " + name + String(repeating: " ", count: width - name.count + 2) + abstract + "\n"
        }
        text += "\nWithout a command, visor opens the application. visor help COMMAND shows a command's options.\n"
        return text
    }
}
