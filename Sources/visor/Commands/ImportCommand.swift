import ArgumentParser
import VisorRegister
import VisorStore

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Load nominals from a case-management extract (nominals-csv.md).")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var actor: ActingUserOptions
    @Argument(help: "The extract (CSV).") var file: String
    @Flag(help: "Write the valid rows and report the invalid ones.") var skipInvalid = false
    @Flag(help: "Create agencies the register does not know.") var addAgencies = false

    func run() throws {
        var failed = false
        try reporting {
            let register = try database.open()
            // The register's policy: its longest extract line.
            let policy = try register.policy()
            let user = try actor.requiredUser(
                register, missing: StoreError.refused("import changes data: give --as USERNAME (an administrator)"))
            let report = try register.importExtract(
                path: file, options: ImportOptions(skipInvalid: skipInvalid, addAgencies: addAgencies,
                                       maxLineBytes: policy.maxExtractLineBytes), by: user,
                onFault: { printErrorLine($0.description) }, onWarning: { printErrorLine($0) })
            for added in report.addedAgencies { print("added agency: \(added.kind.rawValue): \(added.name)") }
            print(report.summary)
            failed = !report.committed
        }
        if failed { throw ExitCode(Exit.dataError) }
    }
}
