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

    static let keys = ["rule", "state", "due", "agency", "user", "nominal", "crn", "pnc_id", "summary"]

    func validate() throws {
        if let at, LocalDate(iso: at) == nil { throw ValidationError("--at: \(at) is not a date (YYYY-MM-DD)") }
        if let horizon, horizon < 0 { throw ValidationError("--horizon: \(horizon) is not a number of days (0 or more)") }
        if let rule { _ = try ActionsCommand.ruleNumbers(rule) }
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
            let date = at.flatMap { LocalDate(iso: $0) } ?? register.today
            let rules = try selectedRules()
            let agencyID = try selectedAgency(register)
            let days = horizon ?? policy.actionsHorizonDays
            let evaluation = try RuleEvaluator(database: register)
                .evaluation(asOf: date, policy: policy, horizonDays: days)
            let actions = evaluation.actions { header in
                (user.map { ActionList.isVisible(header, to: $0) } ?? true)
                    && (agencyID.map { header.agencyID == $0 } ?? true)
                    && (rules.map { $0.contains(header.rule) } ?? true)
            }
            let names = try register.actionNames()
            let sorted = ActionList.sorted(actions, asOf: date, policy: policy, username: names.user)
            try register.recordActionsListed(
                by: user.map(Actor.user) ?? .currentOperator,
                detail: "as of \(date.iso), horizon \(days) days" + (agency.map { ", agency \($0)" } ?? "")
                    + (rule.map { ", rules \($0)" } ?? "") + ": \(sorted.count) actions")
            Output.list(sorted.lazy.map { record($0, names: names, date: date, policy: policy) }, keys: ActionsCommand.keys,
                        format: output.resolved)
        }
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

    private func record(_ action: Action, names: ActionNames, date: LocalDate, policy: Policy) -> OutputRecord {
        OutputRecord([
            ("rule", .string(action.rule.description)),
            ("state", .string(action.state(asOf: date, policy: policy).rawValue)),
            ("due", .string(action.due.iso)),
            ("agency", .string(names.agency(action.agencyID))),
            ("user", OutputValue(action.userID.flatMap(names.user))),
            ("nominal", OutputValue(action.nominalID)),
            ("crn", OutputValue(action.crn?.canonical)),
            ("pnc_id", OutputValue(action.pncID?.canonical)),
            ("summary", .string(action.summary)),
        ])
    }
}
