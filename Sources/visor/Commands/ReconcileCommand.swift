import ArgumentParser
import VisorDomain
import VisorRegister
import VisorStore

/// `visor reconcile FILE`: stores an area's local case extract (replacing the
/// previous one) and prints the discrepancies with the register.
struct ReconcileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reconcile", abstract: "Store an area's case extract and list its discrepancies.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var actor: ActingUserOptions
    @OptionGroup var output: FormatOptions
    @Argument(help: "The extract (CSV, nominals-csv.md).") var file: String
    @Option(help: "The probation area whose extract this is (administrators; default: your own).") var area: String?
    @Flag(help: "Store the valid rows and report the invalid ones.") var skipInvalid = false

    static let keys = ["kind", "crn", "nominal", "register_value", "extract_value"]

    func run() throws {
        var failed = false
        try reporting {
            let register = try database.open()
            // The register's policy: its longest extract line.
            let policy = try register.policy()
            let user = try actor.requiredUser(register, missing: StoreError.refused(
                "reconcile changes data: give --as USERNAME (a CPC or an administrator)"))
            let report = try register.reconcile(
                path: file, areaName: area, skipInvalid: skipInvalid, maxLineBytes: policy.maxExtractLineBytes, by: user,
                onFault: { printErrorLine($0.description) }, onWarning: { printErrorLine($0) })
            guard report.committed else {
                printErrorLine("reconciled: nothing stored for \(report.area.name) (\(report.rejected) rejected)")
                failed = true
                return
            }
            printErrorLine("reconciled: \(report.area.name), \(report.stored) cases stored, \(report.rejected) rejected, "
                + "\(report.discrepancies.count) discrepancies")
            Output.list(report.discrepancies.map(record), keys: ReconcileCommand.keys, format: output.resolved)
        }
        if failed { throw ExitCode(Exit.dataError) }
    }

    private func record(_ found: Discrepancy) -> OutputRecord {
        OutputRecord([
            ("kind", .string(found.kind.rawValue)),
            ("crn", OutputValue(found.crn?.canonical)),
            ("nominal", OutputValue(found.nominalID)),
            ("register_value", OutputValue(found.registerValue)),
            ("extract_value", OutputValue(found.extractValue)),
        ])
    }
}
