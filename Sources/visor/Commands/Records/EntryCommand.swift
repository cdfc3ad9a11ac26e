import ArgumentParser
import VisorDomain
import VisorRegister
import VisorStore

/// `visor entry …`: what the owner and partners add to a record.
struct EntryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "entry", abstract: "Add an entry to a record, or list what you may see of them.",
        subcommands: [EntryAddCommand.self, EntryListCommand.self])
}

/// `visor entry add ID --kind KIND --text TEXT [--date DATE] [--released] [grading] [--rosh GROUP=LEVEL]... [--corrects ENTRY_ID] --as USER`
struct EntryAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add an entry (owner staff or a partner); entries are never edited — correct with --corrects.")

    @OptionGroup var target: RecordTarget
    @Option(help: "information, intelligence, risk_assessment, risk_management_plan, contact or note.") var kind: String
    @Option(help: "The text (up to 20,000 characters); - reads standard input.") var text: String
    @Option(help: "The date it is about (YYYY-MM-DD; default today).") var date: String?
    @Flag(help: "Released to restricted partners (the owner only).") var released = false
    @Option(help: "Intelligence: source evaluation 1-3.") var source: String?
    @Option(help: "Intelligence: assessment A-E.") var assessment: String?
    @Option(help: "Intelligence: handling code P or C.") var handling: String?
    @Option(help: "Intelligence: the conditions of handling code C.") var conditions: String?
    @Option(help: ArgumentHelp("Risk assessment: GROUP=LEVEL (public, known_adult, children, staff, prisoners).",
                               valueName: "GROUP=LEVEL"))
    var rosh: [String] = []
    @Option(help: "The entry this one corrects.") var corrects: String?

    func run() throws {
        try target.change("adding an entry") { register, user in
            let draft = EntryDraft(kind: kind, date: date ?? "", text: RecordsCLI.longText(text), released: released,
                                   source: source, assessment: assessment, handling: handling, conditions: conditions,
                                   rosh: rosh, corrects: corrects)
            return try register.addEntry(target.id, draft, by: user)
        }
    }
}

/// `visor entry list ID [--as USER]`
struct EntryListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "The record's entries you may see, newest first (the view is audited).")

    @OptionGroup var target: RecordTarget

    static let keys = ["id", "kind", "date", "agency", "author", "released", "grading", "rosh", "corrects",
                       "created_at", "text"]

    func run() throws {
        try target.read { register, reader in
            let detail = try register.showRecord(target.id, for: reader)
            Output.list(detail.entries.map(RecordOutput.entry), keys: Self.keys, format: target.format.resolved)
        }
    }
}

/// `visor meeting add ID --date DATE --level 2|3 --minutes TEXT --plan TEXT [--next-review DATE] [--agency NAME]... --as USER`
struct MeetingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "meeting", abstract: "Record a MAPP meeting (R11).", subcommands: [MeetingAddCommand.self])
}

struct MeetingAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Record a MAPP meeting held on a level 2 or 3 case (owner staff or a partner).")

    @OptionGroup var target: RecordTarget
    @Option(help: "The date it was held (YYYY-MM-DD).") var date: String
    @Option(help: "2 or 3.") var level: String
    @Option(help: "The minutes; - reads standard input.") var minutes: String
    @Option(help: "The risk management plan; - reads standard input.") var plan: String
    @Option(name: .customLong("next-review"), help: "The next review (default: 16 weeks at level 2, 8 at level 3).")
    var nextReview: String?
    @Option(help: ArgumentHelp("An attending agency (repeat for more).", valueName: "NAME")) var agency: [String] = []

    func validate() throws {
        if minutes == "-" && plan == "-" { throw ValidationError("only one of --minutes and --plan may read standard input") }
    }

    func run() throws {
        try target.change("recording a meeting") { register, user in
            let draft = MeetingDraft(date: date, level: level, attendees: agency, minutes: RecordsCLI.longText(minutes),
                                     plan: RecordsCLI.longText(plan), nextReview: nextReview ?? "")
            return try register.addMeeting(target.id, draft, by: user, policy: try register.policy())
        }
    }
}

/// `visor record validate|review ID [--note TEXT] --as USER`
struct RecordCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record", abstract: "Validate or review a record (R10).",
        subcommands: [RecordValidateCommand.self, RecordReviewCommand.self])
}

struct RecordCheckOptions: ParsableArguments {
    @OptionGroup var target: RecordTarget
    @Option(help: "A note (optional).") var note: String?

    func run(_ kind: RecordCheck.Kind) throws {
        try target.change(kind == .validation ? "validating" : "reviewing") { register, user in
            try register.checkRecord(target.id, RecordCheckDraft(kind: kind, note: note ?? ""), by: user,
                                     policy: try register.policy())
        }
    }
}

struct RecordValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate", abstract: "Validate a record: a supervisor of the owner agency, not its creator.")
    @OptionGroup var options: RecordCheckOptions
    func run() throws { try options.run(.validation) }
}

struct RecordReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review", abstract: "Review a validated record: a supervisor of the owner agency, not its creator.")
    @OptionGroup var options: RecordCheckOptions
    func run() throws { try options.run(.review) }
}

/// `visor notification record ID --date DATE --as USER`
struct NotificationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notification", abstract: "Record an annual notification (R16).",
        subcommands: [NotificationRecordCommand.self])
}

struct NotificationRecordCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record", abstract: "Record the date the person notified the police (owner staff or a partner).")

    @OptionGroup var target: RecordTarget
    @Option(help: "The date (YYYY-MM-DD).") var date: String

    func run() throws {
        try target.change("recording a notification") { register, user in
            try register.recordNotification(target.id, NotificationDraft(date: date), by: user,
                                            policy: try register.policy())
        }
    }
}
