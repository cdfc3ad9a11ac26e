import ArgumentParser
import Foundation
import VisorDomain
import VisorDemo
import VisorRegister
import VisorStore

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Create a demonstration register, then open the application.",
        discussion: "Deterministic: the same --seed and --today give the same register. The demo users "
            + "(spo, cpc, om, admin, police, prison) have the password 'demo'. A demonstration register that "
            + "holds changes made since it was seeded is replaced only when you say so (--force, or y at the question).")

    @OptionGroup var database: DatabaseOptions
    @Option(help: "How many nominals (0 gives the agencies and staff alone).") var nominals: Int = 90_000
    @Option(help: "Seed of the generator.") var seed: UInt64 = 2009
    @Option(help: "The demo's reference date, YYYY-MM-DD (default: today).") var today: String?
    @Flag(help: "Do not open the application afterwards.") var noOpen = false
    @Flag(help: "Replace a demonstration register even when it holds changes made since it was seeded.")
    var force = false
    @OptionGroup var application: TUIOptions

    func validate() throws {
        guard nominals >= 0, nominals <= 5_000_000 else {
            throw ValidationError("--nominals: \(nominals) is not between 0 and 5,000,000")
        }
        if let today, LocalDate(iso: today) == nil {
            throw ValidationError("--today: \(today) is not a date (YYYY-MM-DD)")
        }
    }

    func run() throws {
        let clock = SystemClock()
        let path = database.resolvedPath
        let onTerminal = isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
        var replacement = DemoReplacement.nothing
        try reporting { replacement = try DemoReplacement.inspect(path: path, clock: clock) }
        if case .changedDemo(let changes, let latest) = replacement, !force {
            let what = "\(path) holds \(changes) change\(changes == 1 ? "" : "s") made since the demonstration "
                + "was seeded (the latest at \(LondonTime.iso(latest)))"
            guard onTerminal else {
                printError("\(what); it was not replaced. Run visor demo --force to replace it, "
                    + "or visor demo --db PATH to build another")
                throw ExitCode(Exit.cannotCreate)
            }
            guard Self.confirm(TerminalText.escaped(what) + ".\nReplace it with a new demonstration? [y/N] ") else {
                print("Kept as it was.")
                if !noOpen { try TUICommand.launch(databasePath: path, user: nil, options: application) }
                return
            }
        }
        let reference = today.flatMap { LocalDate(iso: $0) } ?? clock.today()
        var summary: DemoSummary?
        try reporting {
            summary = try AppDatabase.createDemo(path: path, nominals: nominals, seed: seed, today: reference,
                                                 clock: clock)
        }
        guard let summary else { return }
        if noOpen || !onTerminal {
            print("demo register: \(summary.path)")
            print("  \(summary.nominals) nominals, \(summary.users) users, reference date \(reference), "
                + "seed \(seed), created in \(String(format: "%.1f", summary.seconds)) s")
            print("  sign in as spo, cpc, om, admin, police or prison with the password 'demo'")
            return
        }
        try TUICommand.launch(databasePath: summary.path, user: nil, options: application)
    }

    /// Asks a yes/no question on the terminal; anything but y or yes is no.
    private static func confirm(_ question: String) -> Bool {
        FileHandle.standardOutput.write(Data(question.utf8))
        guard let answer = readLine() else { return false }
        return ["y", "yes"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased())
    }
}
