import ArgumentParser
import VisorDomain

/// `visor policy …`: the settings of domain.md's italic values.
struct PolicyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policy", abstract: "The policy: deadlines, windows, clearance and lockout.",
        subcommands: [PolicyExampleCommand.self])
}

/// `visor policy example`: a policy file holding every setting at its default, each documented
/// (made from the policy table, as the parser and `:policy` are).
struct PolicyExampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "example", abstract: "Print a policy file with every setting, documented, at its default.")

    func run() throws { print(PolicyOverrides.example(), terminator: "") }
}
