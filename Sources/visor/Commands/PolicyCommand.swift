import ArgumentParser
import Foundation
import VisorDomain
import VisorRegister
import VisorStore

/// `visor policy …`: the register's policy — deadlines, windows, clearance and lockout, the same for
/// everyone who uses the register. An administrator changes it; every change is audited.
struct PolicyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policy", abstract: "The register's policy: deadlines, windows, clearance and lockout.",
        subcommands: [PolicyShowCommand.self, PolicySetCommand.self, PolicyImportCommand.self,
                      PolicyExampleCommand.self])
}

/// `visor policy show`: every setting, its value in force, and whether the register sets it.
struct PolicyShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Every setting of the register's policy, with its value in force.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: FormatOptions

    static let keys = ["setting", "value", "default", "meaning"]

    func run() throws {
        try reporting {
            let register = try database.open()
            let settings = try register.policySettings()
            Output.list(settings.map { setting in
                OutputRecord([
                    ("setting", .string(setting.key.path)), ("value", .string(setting.value)),
                    ("default", .bool(setting.isDefault)),
                    ("meaning", .string(setting.key.summary + " (" + setting.key.allowed + ")")),
                ])
            }, keys: Self.keys, format: output.resolved)
        }
    }
}

/// `visor policy set SETTING VALUE --as ADMIN`: one setting, its value written as in a policy file.
struct PolicySetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set", abstract: "Change one setting (an administrator; audited).",
        discussion: "VALUE is written as in a policy file: 14, [\"SC\"], [2026-12-25].")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var actor: ActingUserOptions
    @Argument(help: "The setting, section.name (see visor policy show).") var setting: String
    @Argument(help: "Its new value.") var value: String

    func run() throws {
        let parts = setting.split(separator: ".", maxSplits: 1).map(String.init)
        guard parts.count == 2 else {
            printError("\(setting): a setting is written section.name (see visor policy show)")
            throw ExitCode(Exit.usage)
        }
        let document = try PolicyChange.parsed { () throws(PolicyFileError) in
            try PolicyFile.document("[\(parts[0])]\n\(parts[1]) = \(value)\n", source: setting)
        }
        try PolicyChange.apply(document, replacing: false, source: "visor policy set", database: database,
                               actor: actor) { policy in
            let key = PolicyKey.all.first { $0.path == setting }
            print("\(setting) = \(key?.value(in: policy) ?? value)")
        }
    }
}

/// `visor policy import FILE --as ADMIN`: a policy file becomes the register's whole policy.
struct PolicyImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Make a policy file the register's policy (an administrator; audited).",
        discussion: "Settings the file leaves out go back to their defaults. visor policy example prints every one.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var actor: ActingUserOptions
    @Argument(help: "The policy file (TOML).") var file: String

    func run() throws {
        guard FileManager.default.fileExists(atPath: file) else {
            printError("\(file): no such policy file")
            throw ExitCode(Exit.noInput)
        }
        let document = try PolicyChange.parsed { () throws(PolicyFileError) in try PolicyFile.document(atPath: file) }
        try PolicyChange.apply(document, replacing: true, source: file, database: database, actor: actor) { _ in
            print("policy imported from \(file)")
        }
    }
}

/// What `set` and `import` share: a document that does not parse is bad data (65); only a signed-in
/// administrator changes the register's policy (the store refuses anyone else, 77).
enum PolicyChange {
    static func parsed(_ parse: () throws(PolicyFileError) -> [String: PolicyValue]) throws -> [String: PolicyValue] {
        do {
            return try parse()
        } catch {
            printError(error.message)
            throw ExitCode(Exit.dataError)
        }
    }

    static func apply(_ document: [String: PolicyValue], replacing: Bool, source: String, database: DatabaseOptions,
                      actor: ActingUserOptions, then report: (Policy) -> Void) throws {
        try reporting {
            let register = try database.open()
            let user = try actor.requiredUser(
                register, missing: StoreError.refused("the policy changes data: give --as USERNAME (an administrator)"))
            report(try register.changePolicy(document, replacing: replacing, source: source, by: user))
        }
    }
}

/// `visor policy example`: a policy file holding every setting at its default, each documented
/// (made from the policy table, as the parser and `:policy` are).
struct PolicyExampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "example", abstract: "Print a policy file with every setting, documented, at its default.")

    func run() throws { print(PolicyOverrides.example(), terminator: "") }
}
