import ArgumentParser
import VisorDomain
import VisorRegister
import VisorStore

/// `visor nominal …`: creating and keeping a nominal's core data (records.md).
struct NominalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nominal", abstract: "Create a nominal, show it, and keep its core data.",
        subcommands: [
            NominalCreateCommand.self, NominalShowCommand.self, NominalEditCommand.self, NominalHistoryCommand.self,
            NominalAssignCommand.self, NominalTransferCommand.self, NominalTransferAnswerCommand.self,
            NominalArchiveCommand.self, NominalUnarchiveCommand.self,
        ])
}

/// `visor nominal create --surname S --forenames F --dob DATE --gender G --ethnicity E --category C --level L …`
struct NominalCreateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create", abstract: "Create a nominal owned by your agency (duplicates checked first).")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var actor: ActingUserOptions
    @OptionGroup var format: FormatOptions
    @Option(help: "Surname.") var surname: String
    @Option(help: "Forenames.") var forenames: String
    @Option(help: "Date of birth (YYYY-MM-DD).") var dob: String
    @Option(help: "M, F, X or U.") var gender: String
    @Option(help: "Ethnicity (ONS 2011: W1-W4, M1-M4, A1-A5, B1-B3, O1, O2, or NS).") var ethnicity: String
    @Option(help: "MAPPA category 1-4.") var category: String
    @Option(help: "MAPPA level 1-3.") var level: String
    @OptionGroup var fields: CoreFieldOptions
    @Option(help: "The nominal manager's user name (an offender manager of your agency).") var manager: String?
    @Flag(name: .customLong("confirm-duplicate"),
          help: "Create it though a nominal with the same surname and date of birth is on the register.")
    var confirmDuplicate = false

    func run() throws {
        try RecordsCLI.run {
            let register = try database.open()
            let user = try RecordsCLI.signIn(actor, register, step: "creating a nominal")
            var draft = NominalDraft.blank()
            for (field, value) in fields.values { draft.values[field] = value }
            let required: [(CoreField, String)] = [(.surname, surname), (.forenames, forenames), (.dateOfBirth, dob),
                                                   (.gender, gender), (.ethnicity, ethnicity), (.category, category),
                                                   (.level, level)]
            for (field, value) in required { draft.values[field] = value }
            draft.aliases = fields.alias
            let detail = try register.createNominal(draft, manager: manager, confirmDuplicate: confirmDuplicate,
                                                    by: user, policy: try register.policy())
            RecordsCLI.print(detail, for: .user(user), format)
        }
    }
}

/// `visor nominal show ID [--as USER]`
struct NominalShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show what you may see of a nominal (the view is audited).")

    @OptionGroup var target: RecordTarget

    func run() throws {
        try target.read { register, reader in
            RecordsCLI.print(try register.showRecord(target.id, for: reader), for: reader, target.format)
        }
    }
}

/// `visor nominal edit ID [--FIELD VALUE]... [--expect-version N] --as USER`
struct NominalEditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Change core data (owner staff); an empty value clears a field. Refused on a stale --expect-version.")

    @OptionGroup var target: RecordTarget
    @Option(help: "Surname.") var surname: String?
    @Option(help: "Forenames.") var forenames: String?
    @Option(help: "Date of birth (YYYY-MM-DD).") var dob: String?
    @Option(help: "M, F, X or U.") var gender: String?
    @Option(help: "Ethnicity (ONS 2011 code, or NS).") var ethnicity: String?
    @Option(help: "MAPPA category 1-4.") var category: String?
    @Option(help: "MAPPA level 1-3.") var level: String?
    @OptionGroup var fields: CoreFieldOptions
    @Option(name: .customLong("expect-version"), help: "The version the change was made on (see show).")
    var expectVersion: Int64?

    func run() throws {
        try target.change("editing a nominal") { register, user in
            var draft = NominalDraft()
            draft.values = fields.values
            let named: [(CoreField, String?)] = [(.surname, surname), (.forenames, forenames), (.dateOfBirth, dob),
                                                 (.gender, gender), (.ethnicity, ethnicity), (.category, category),
                                                 (.level, level)]
            for (field, value) in named { if let value { draft.values[field] = value } }
            // `--alias ""` clears the aliases (the store reads `[""]` so); any other --alias replaces them all.
            draft.aliases = fields.alias
            guard !draft.values.isEmpty || !draft.aliases.isEmpty else {
                throw PartnersCLI.usage("give at least one field to change (see visor nominal edit --help)")
            }
            return try register.editNominal(target.id, changes: draft, expectedVersion: expectVersion, by: user,
                                            policy: try register.policy())
        }
    }
}

/// `visor nominal history ID [--as USER]`
struct NominalHistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history", abstract: "Changes of category, level, custody, owner and lifecycle, newest first.")

    @OptionGroup var target: RecordTarget

    func run() throws {
        try target.read { register, reader in
            let lines = try register.recordHistory(target.id, for: reader)
            Output.list(lines.map(RecordOutput.history), keys: ["field", "old", "new", "on", "at", "by"],
                        format: target.format.resolved)
        }
    }
}

/// `visor nominal assign ID --manager USER --as USER`
struct NominalAssignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assign", abstract: "Assign the nominal manager (the owner's CPC, deputy CPC or a supervisor).")

    @OptionGroup var target: RecordTarget
    @Option(help: "The user to manage it: an offender manager of the owner agency.") var manager: String

    func run() throws {
        try target.change("assigning a manager") { register, user in
            try register.assignManager(target.id, username: manager, by: user)
        }
    }
}

/// `visor nominal transfer ID --to AGENCY [--keep-partner|--no-partner] --as USER`
struct NominalTransferCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "transfer", abstract: "Propose another agency as owner; its CPC or deputy CPC answers.")

    @OptionGroup var target: RecordTarget
    @Option(help: "The receiving agency.") var to: String
    @Flag(name: .customLong("keep-partner"), help: "Stay a partner once it is accepted (the default).")
    var keepPartner = false
    @Flag(name: .customLong("no-partner"), help: "Do not stay a partner.") var noPartner = false

    func validate() throws {
        if keepPartner && noPartner { throw ValidationError("give --keep-partner or --no-partner, not both") }
    }

    func run() throws {
        try target.change("transferring a nominal") { register, user in
            try register.proposeTransfer(target.id, TransferDraft(to: to, keepPartner: !noPartner), by: user)
        }
    }
}

/// `visor nominal transfer-answer TRANSFER_ID (--accept | --decline --reason TEXT) --as USER`
struct NominalTransferAnswerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "transfer-answer", abstract: "Accept or decline a transfer proposed to your agency.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var actor: ActingUserOptions
    @OptionGroup var format: FormatOptions
    @Argument(help: ArgumentHelp("The transfer's id (see show's transfer).", valueName: "TRANSFER_ID"))
    var transferID: Int64
    @Flag(help: "Accept: your agency becomes the owner.") var accept = false
    @Flag(help: "Decline, with --reason.") var decline = false
    @Option(help: "Why (required to decline).") var reason: String?

    func validate() throws {
        guard accept != decline else { throw ValidationError("give exactly one of --accept or --decline") }
        if decline, reason?.trimmingCharacters(in: .whitespaces).isEmpty ?? true {
            throw ValidationError("--decline needs --reason TEXT")
        }
    }

    func run() throws {
        try RecordsCLI.run {
            let register = try database.open()
            let user = try RecordsCLI.signIn(actor, register, step: "answering a transfer")
            let detail = try register.answerTransfer(transferID, TransferAnswerDraft(accept: accept, reason: reason ?? ""),
                                                     by: user)
            RecordsCLI.print(detail, for: .user(user), format)
        }
    }
}

/// `visor nominal archive ID --reason TEXT --as USER`
struct NominalArchiveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "archive", abstract: "Archive a record (the owner's CPC or deputy CPC): read-only, no rule applies.")

    @OptionGroup var target: RecordTarget
    @Option(help: "Why.") var reason: String

    func run() throws {
        try target.change("archiving a nominal") { register, user in
            try register.changeLifecycle(target.id, to: .archived, reason: reason, by: user)
        }
    }
}

/// `visor nominal unarchive ID --reason TEXT --as USER`
struct NominalUnarchiveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unarchive", abstract: "Make an archived record active again (the owner's CPC or deputy CPC).")

    @OptionGroup var target: RecordTarget
    @Option(help: "Why (optional).") var reason: String?

    func run() throws {
        try target.change("unarchiving a nominal") { register, user in
            try register.changeLifecycle(target.id, to: .active, reason: reason ?? "archive reversed", by: user)
        }
    }
}
