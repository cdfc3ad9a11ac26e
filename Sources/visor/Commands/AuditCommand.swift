import ArgumentParser
import Foundation
import VisorRegister
import VisorStore

/// `visor audit …`: the audit trail's own commands.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Check the audit trail's hash chain.",
        subcommands: [AuditVerifyCommand.self])
}

/// `visor audit verify [--from-head HASH:COUNT]`: walks the hash chain and
/// prints its head, or exits 65 naming the first event that breaks it. A read:
/// no `--as`; audited under the operating-system user, after the walk, so the
/// head printed is the trail as it was before this verification's own event.
struct AuditVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Verify the audit trail's hash chain and print its head, HASH:COUNT.",
        discussion: """
            Exit 0 prints the head; write it down somewhere else (print it, mail it). Given later with \
            --from-head, it proves that the trail still begins with the same events, even if someone who \
            can write the file rewrote an event and recomputed every hash after it, or deleted the last \
            events. Without it, verify finds an altered event or a deleted one followed by others; \
            exit 65 names the first event that breaks the chain.
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: FormatOptions
    @Option(name: .customLong("from-head"),
            help: ArgumentHelp("A head printed earlier the trail must still begin with.", valueName: "HASH:COUNT"))
    var fromHead: String?

    func validate() throws {
        if let fromHead, AuditHead(fromHead) == nil {
            throw ValidationError("--from-head: \(fromHead) is not a head (64 hexadecimal digits, a colon, a count)")
        }
    }

    func run() throws {
        try reporting {
            let register = try database.open()
            let recorded = fromHead.flatMap(AuditHead.init)
            switch try register.verifyAuditTrail(from: recorded, by: .currentOperator) {
            case .verified(let head):
                print(head: head, recorded: recorded)
            case .broken(_, let reason):
                throw StoreError.badInput("the audit trail does not verify: \(reason)")
            }
        }
    }

    private func print(head: AuditHead, recorded: AuditHead?) {
        let format = output.resolved
        guard format != .table else {
            // The head alone, to copy or to capture: `head=$(visor audit verify --format table)`.
            Swift.print(head.description)
            return
        }
        Output.object(OutputRecord([
            ("head", .string(head.description)), ("hash", .string(head.hexHash)), ("count", .int(head.count)),
            ("verified", .bool(true)), ("from_head", OutputValue(recorded?.description)),
        ]), format: format)
    }
}
