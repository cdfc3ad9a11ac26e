import ArgumentParser
import Foundation
import VisorDomain
import VisorRegister
import VisorStore

/// `visor actions`: the actions of domain.md as of a date — every overdue and
/// due one, and upcoming ones up to the horizon — for the whole register
/// (operator scope) or as one user sees them (`--as`: their agency's).
struct ActionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "actions", abstract: "The actions the rules require, overdue first.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var actor: ActingUserOptions
    @OptionGroup var output: FormatOptions
    @Option(help: "Evaluate as of this date, YYYY-MM-DD (default: today).") var at: String?
    @Option(help: "Only the actions this agency must take.") var agency: String?
    @Option(help: "Only these rules, e.g. R1,R6.") var rule: String?
    @Option(help: "Days ahead of upcoming actions to list (default 30, or the policy's).") var horizon: Int?
    @Option(help: "Only the actions this user must take (a user name).") var user: String?
    @Option(help: "Only the actions on this nominal (its register id).") var nominal: Int64?
    @Flag(help: "Rebuild the kept actions from a full evaluation first (the operator, or an administrator with --as).")
    var rebuild = false

    static let keys = ["rule", "state", "due", "agency", "user", "nominal", "crn", "pnc_id", "summary"]

    func validate() throws {
        if let at, LocalDate(iso: at) == nil { throw ValidationError("--at: \(at) is not a date (YYYY-MM-DD)") }
        if let horizon, horizon < 0 { throw ValidationError("--horizon: \(horizon) is not a number of days (0 or more)") }
        if let rule { _ = try ActionsCommand.ruleNumbers(rule) }
        if let nominal, nominal <= 0 { throw ValidationError("--nominal: \(nominal) is not a register id (1 or more)") }
    }

    /// The rule numbers of `--rule` ("R1,R6"); a malformed list is a usage error (64).
    static func ruleNumbers(_ text: String) throws -> [Int] {
        try text.split(separator: ",", omittingEmptySubsequences: false).map { part in
            let name = part.trimmingCharacters(in: .whitespaces)
            guard name.count >= 2, name.first == "R" || name.first == "r", let number = Int(name.dropFirst()),
                  name.dropFirst().allSatisfy(\.isASCII) else {
                throw ValidationError("--rule: \(name.isEmpty ? "(empty)" : name) is not a rule (write R1,R6)")
            }
            return number
        }
    }

    func run() throws {
        try reporting {
            let register = try database.open()
            let policy = try register.policy()
            let user = try actor.signIn(register)
            if rebuild {
                let seconds = try register.rebuildKeptActions(by: user)
                printError("the kept actions were rebuilt from a full evaluation in \(String(format: "%.1f", seconds)) s")
            }
            let date = at.flatMap { LocalDate(iso: $0) } ?? register.today
            let days = horizon ?? policy.actionsHorizonDays
            var query = ActionQuery(asOf: date, horizonDays: days, rules: try selectedRules(),
                                    userID: try selectedUser(register), nominalID: nominal)
            // A signed-in user sees the actions their agency must take (what the application lists); --agency
            // narrows within that, so another agency's name finds nothing.
            let agencyID = try selectedAgency(register)
            query.agencyID = user?.agencyID ?? agencyID
            let nothing = user != nil && agencyID != nil && agencyID != user?.agencyID
            let format = output.resolved
            // Only a table sizes its columns from the register.
            let widths = format == .table
                ? ActionsWriter.widths(names: try register.actionNames(), largestNominal: try register.largestNominalID())
                : ActionsWriter.Widths(agency: 0, user: 0, nominal: 0)
            var writer = ActionsWriter(format: format, widths: widths)
            writer.begin()
            if !nothing { _ = try register.streamActions(query) { writer.write($0) } }
            writer.end()
            try register.recordActionsListed(
                by: user.map(Actor.user) ?? .currentOperator,
                detail: "as of \(date.iso), horizon \(days) days" + (agency.map { ", agency \($0)" } ?? "")
                    + (rule.map { ", rules \($0)" } ?? "") + (self.user.map { ", user \($0)" } ?? "")
                    + (nominal.map { ", nominal \($0)" } ?? "") + (rebuild ? ", rebuilt" : "")
                    + ": \(writer.count) actions")
        }
    }

    /// The user of `--user`; one the register does not have is bad input (65).
    private func selectedUser(_ register: AppDatabase) throws(StoreError) -> UserID? {
        guard let name = self.user else { return nil }
        guard let found = try register.user(named: name) else {
            throw .badInput("--user: no user named \(TerminalText.escaped(name)) on the register")
        }
        return found.id
    }

    /// The rules of `--rule`; one that does not exist is bad input (65).
    private func selectedRules() throws(StoreError) -> Set<RuleID>? {
        guard let rule else { return nil }
        let numbers = (try? ActionsCommand.ruleNumbers(rule)) ?? []
        var rules = Set<RuleID>()
        for number in numbers {
            guard let found = RuleID(rawValue: number) else {
                throw .badInput("--rule: R\(number) is not a rule (the rules are R1 to R16)")
            }
            rules.insert(found)
        }
        return rules
    }

    /// The agency of `--agency`; one the register does not have is bad input (65).
    private func selectedAgency(_ register: AppDatabase) throws(StoreError) -> AgencyID? {
        guard let agency else { return nil }
        guard let found = try register.agency(named: agency) else {
            throw .badInput("--agency: no agency named \(agency) on the register")
        }
        return found.id
    }
}
