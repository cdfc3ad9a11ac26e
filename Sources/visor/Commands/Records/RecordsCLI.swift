import ArgumentParser
import Foundation
import VisorDomain
import VisorRegister
import VisorStore

/// What every records.md command shares: the register opened first (a foreign file is refused
/// before anything else), the `--as` user signed in through the one sign-in path, long text read
/// from standard input for `-`, and each failure answered with its exit status.
enum RecordsCLI {
    /// The `--as` user, signed in; every step that changes a record acts as a user.
    static func signIn(_ actor: ActingUserOptions, _ register: AppDatabase, step: String) throws -> User {
        try actor.requiredUser(register, missing: PartnersCLI.usage("give --as USERNAME: \(step) acts as a user"))
    }

    /// Who reads: the `--as` user, or the operator (audited under the operating-system user).
    static func reader(_ actor: ActingUserOptions, _ register: AppDatabase) throws -> Actor {
        try actor.signIn(register).map(Actor.user) ?? .currentOperator
    }

    /// A `--text`/`--minutes`/`--plan` value; `-` reads standard input to its end (after the
    /// password's line, when the password comes from standard input too).
    static func longText(_ value: String) -> String {
        guard value == "-" else { return value }
        var lines: [String] = []
        while let line = readLine(strippingNewline: true) { lines.append(line) }
        return lines.joined(separator: "\n")
    }

    /// Runs a step, printing its failure: field errors one per line (65), refusals and stale
    /// views (77), a record the user may not see as one that does not exist (65).
    /// Prints the record as `show` does.
    static func print(_ detail: RecordDetail, for actor: Actor, _ format: FormatOptions) {
        Output.object(RecordOutput.record(detail, for: actor), format: format.resolved)
    }

    static func run(_ body: () throws -> Void) throws {
        do {
            try reporting(body)
        } catch let error as RecordStepError {
            switch error {
            case .fields(let errors):
                // A value not of its field's form at all is a usage error (cli.md: "a malformed argument
                // value, such as a bad date or PNC"); a well-formed value a rule refuses is bad data.
                for fieldError in errors.errors { printError(fieldError.description) }
                throw ExitCode(errors.hasMalformedValue ? Exit.usage : Exit.dataError)
            case .store(let storeError):
                printError(storeError.description)
                throw ExitCode(storeError.exitCode)
            case .conflict:
                printError(error.description)
                throw ExitCode(Exit.refused)
            case .namesake(let warning):
                printError(warning)
                throw ExitCode(Exit.dataError)
            }
        }
    }
}

/// `--db`, `--as`, `--format` and the record's id: what every command about one record takes.
struct RecordTarget: ParsableArguments {
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var actor: ActingUserOptions
    @OptionGroup var format: FormatOptions
    @Argument(help: ArgumentHelp("The nominal's register id.", valueName: "ID")) var id: Int64

    /// Opens the register, signs the `--as` user in, takes the step and prints the record it returns.
    func change(_ step: String, _ body: (AppDatabase, User) throws -> RecordDetail) throws {
        try RecordsCLI.run {
            let register = try database.open()
            let user = try RecordsCLI.signIn(actor, register, step: step)
            RecordsCLI.print(try body(register, user), for: .user(user), format)
        }
    }

    /// Opens the register and reads as the `--as` user, or the operator without one.
    func read(_ body: (AppDatabase, Actor) throws -> Void) throws {
        try RecordsCLI.run {
            let register = try database.open()
            try body(register, try RecordsCLI.reader(actor, register))
        }
    }
}

/// The record as `visor nominal show` prints it, and every step that changes one.
enum RecordOutput {
    static func record(_ detail: RecordDetail, for actor: Actor) -> OutputRecord {
        let agency = actor.user?.agencyID
        let nominal = detail.nominal
        let whole = detail.access == .full
        let shown = detail.access >= .restricted
        func core(_ value: OutputValue) -> OutputValue { whole ? value : .null }
        func identity(_ value: OutputValue) -> OutputValue { shown ? value : .null }
        func date(_ value: LocalDate?) -> OutputValue { OutputValue(value?.iso) }
        // ISO 8601 with offset, as every `_at` is; a check recorded before times were kept, its date.
        func moment(_ at: Date?, _ on: LocalDate?) -> OutputValue { OutputValue(at.map(LondonTime.iso) ?? on?.iso) }
        var fields: [(String, OutputValue)] = [
            ("nominal", .int(nominal.id)), ("surname", .string(nominal.surname)),
            ("forenames", .string(nominal.forenames)), ("date_of_birth", .string(nominal.dateOfBirth.iso)),
            ("owner_agency", .string(detail.ownerName)), ("manager", OutputValue(detail.managerUsername)),
        ]
        // A stub is exactly the six fields of `partners find`'s stub.
        guard shown else { return OutputRecord(fields) }
        fields += [
            ("crn", OutputValue(nominal.crn?.canonical)), ("pnc_id", OutputValue(nominal.pncID?.canonical)),
            ("mappa_category", .int(Int64(nominal.category.rawValue))),
            ("mappa_level", .int(Int64(nominal.level.rawValue))),
            ("partner", .bool(detail.partners.contains { $0.agencyID == agency })),
            ("access", .string(detail.access.rawValue)),
            ("aliases", .array(nominal.aliases.map { .string($0) })),
            ("cro_number", identity(OutputValue(nominal.croNumber?.canonical))),
            ("noms_number", identity(OutputValue(nominal.nomsNumber?.canonical))),
            ("gender", identity(.string(nominal.gender.rawValue))),
            ("ethnicity", identity(OutputValue(nominal.ethnicity?.rawValue))),
            ("managing_agency", OutputValue(detail.ownerKind?.rawValue)),
            ("managing_unit", .string(detail.ownerName)),
            ("offender_manager", core(OutputValue(nominal.managerStaffID))),
            ("custody_status", core(.string(nominal.custody.rawValue))),
            ("establishment", core(OutputValue(detail.establishmentName))),
            ("custody_start_date", core(date(nominal.custodyStart))),
            ("release_date", core(date(nominal.releaseDate))),
            ("release_date_type", core(OutputValue(nominal.releaseDateType?.rawValue))),
            ("mapp_entry_date", core(date(nominal.mappEntryDate))),
            ("order_type", core(.string(nominal.orderType.rawValue))),
            ("police_force", core(OutputValue(detail.homeForceName))),
            ("probation_area", core(OutputValue(detail.probationAreaName))),
            ("rosh_level", core(OutputValue(nominal.rosh?.rawValue))),
            ("rosh_date", core(date(nominal.roshDate))),
            ("last_notification_date", core(date(nominal.lastNotification))),
            ("created_on", .string(nominal.createdOn.iso)),
            ("version", .int(detail.version)),
            ("archived", .bool(nominal.lifecycle == .archived)),
            ("archive_reason", core(OutputValue(detail.archiveReason))),
            ("partners", .array(detail.partners.map { partner in
                .object(OutputObject(OutputRecord([
                    ("agency", .string(partner.agency)), ("restricted", .bool(partner.restricted)),
                    ("since", .string(LondonTime.iso(partner.since))),
                ])))
            })),
            ("entries", .array(detail.entries.map { .object(OutputObject(entry($0))) })),
            ("meetings", .array(whole ? detail.meetings.map(meeting) : [])),
            ("validated_at", core(moment(detail.lastValidatedAt, detail.lastValidatedOn))),
            ("reviewed_at", core(moment(detail.lastReviewedAt, detail.lastReviewedOn))),
            ("transfer", whole ? detail.pendingTransfer.map { .object(OutputObject(transfer($0))) } ?? .null : .null),
        ]
        return OutputRecord(fields)
    }

    static func entry(_ line: RecordDetail.EntryLine) -> OutputRecord {
        OutputRecord([
            ("id", .int(line.id)), ("kind", .string(line.kind.rawValue)), ("date", OutputValue(line.date?.iso)),
            ("agency", .string(line.agency)), ("author", OutputValue(line.authorUsername)),
            ("released", .bool(line.released)), ("grading", OutputValue(line.grading.map(gradingText))),
            ("rosh", OutputValue(line.rosh)), ("corrects", OutputValue(line.corrects)),
            ("created_at", .string(LondonTime.iso(line.at))), ("text", .string(line.text)),
        ])
    }

    /// A grading as the canonical 3x5x2 text; one stored before conditions were kept reads as such.
    private static func gradingText(_ stored: String) -> String {
        (try? IntelligenceGrading(stored: stored))?.stored ?? stored
    }

    static func meeting(_ meeting: RecordDetail.Meeting) -> OutputValue {
        .object(OutputObject(OutputRecord([
            ("id", .int(meeting.id)), ("held_on", .string(meeting.heldOn.iso)), ("level", .int(Int64(meeting.level))),
            ("attendees", .array(meeting.attendees.map { .string($0) })), ("minutes", .string(meeting.minutes)),
            ("plan", .string(meeting.plan)), ("next_review", OutputValue(meeting.nextReviewOn?.iso)),
        ])))
    }

    static func transfer(_ transfer: TransferView) -> OutputRecord {
        OutputRecord([
            ("id", .int(transfer.id)), ("nominal", .int(transfer.nominalID)), ("from_agency", .string(transfer.from)),
            ("to_agency", .string(transfer.to)), ("keep_partner", .bool(transfer.keepPartner)),
            ("state", .string(transfer.state.rawValue)), ("proposed_by", OutputValue(transfer.proposedBy)),
            ("proposed_at", .string(LondonTime.iso(transfer.proposedAt))), ("decided_by", OutputValue(transfer.decidedBy)),
            ("decided_at", OutputValue(transfer.decidedAt.map(LondonTime.iso))), ("reason", OutputValue(transfer.reason)),
        ])
    }

    static func history(_ line: RecordHistoryLine) -> OutputRecord {
        OutputRecord([
            ("field", .string(line.field)), ("old", OutputValue(line.old)), ("new", OutputValue(line.new)),
            ("on", .string(line.on.iso)), ("at", OutputValue(line.at.map(LondonTime.iso))), ("by", OutputValue(line.by)),
        ])
    }
}
