import ArgumentParser
import Foundation
import TOMLKit
import VisorDomain
import VisorStore

/// The policy in force: the defaults compiled into `Policy`, overridden by
/// `--policy PATH`, else by `$XDG_CONFIG_HOME/visor/policy.toml` (default
/// `~/.config/visor/policy.toml`) when that file exists. Every setting is
/// optional; an unknown setting, a value of the wrong kind or out of range
/// refuses the whole file (exit 64) with a message naming the key, the value
/// and what is allowed. A file holding every setting at its default:
///
/// ```toml
/// [actions]
/// # days ahead in which an action counts as due rather than upcoming (an integer from 0 to 365)
/// warning_window_days = 14
/// # visor actions: days ahead of upcoming actions listed (an integer from 0 to 3650)
/// horizon_days = 30
/// # seconds between the application's background evaluations (an integer from 5 to 3600)
/// timer_interval_seconds = 60
///
/// [rules]
/// # R1: months before release by which a category 2 level 2/3 nominal exists (an integer from 0 to 60)
/// r1_months_before_release = 6
/// # R3: months before release by which the prison requests partnership (an integer from 0 to 60)
/// r3_months_before_release = 6
/// # R4: working days to answer a partner request (an integer from 0 to 60)
/// r4_answer_working_days = 3
/// # R8: working days after creation to complete a record (an integer from 0 to 60)
/// r8_complete_working_days = 5
/// # R8: the fields every record carries (an array of distinct names among surname, forenames,
/// # date_of_birth, gender, ethnicity, identifier, category, level, owner, manager, custody_status,
/// # custody_details, rosh, last_notification)
/// r8_minimum_data_set = ["surname", "forenames", "date_of_birth", "gender", "ethnicity", "identifier",
///     "category", "level", "owner", "manager", "custody_status", "custody_details", "rosh", "last_notification"]
/// # R9: days between reconciliations (an integer from 1 to 365)
/// r9_reconcile_days = 30
/// # R9: working days to resolve a discrepancy (an integer from 0 to 60)
/// r9_discrepancy_working_days = 5
/// # R10: working days after creation to validate (an integer from 0 to 60)
/// r10_validate_working_days = 10
/// # R10: months between reviews at level 2 or 3 (an integer from 1 to 36)
/// r10_review_months_multi_agency = 3
/// # R10: months between reviews at level 1 (an integer from 1 to 36)
/// r10_review_months_level1 = 6
/// # R11: weeks to the next MAPP review at level 2 when a meeting sets none (an integer from 1 to 104)
/// r11_review_weeks_level2 = 16
/// # R11: weeks to the next MAPP review at level 3 when a meeting sets none (an integer from 1 to 104)
/// r11_review_weeks_level3 = 8
/// # R13: days before a clearance expires that its renewal is due (an integer from 0 to 365)
/// r13_renew_days_before_expiry = 60
/// # R14: days between an SPO's sign-ins (an integer from 1 to 365)
/// r14_spo_sign_in_days = 7
/// # R14: days between a manager's views of a record (an integer from 1 to 365)
/// r14_manager_view_days = 30
/// # R16: years between notifications to the police (an integer from 1 to 10)
/// r16_notification_years = 1
///
/// [sign_in]
/// # failed sign-ins in a row that lock an account (an integer from 1 to 100)
/// lockout_failures = 5
/// # minutes an account stays locked (an integer from 1 to 1440)
/// lockout_minutes = 15
/// # minutes without input before the screen locks (an integer from 1 to 1440)
/// idle_lock_minutes = 15
///
/// [clearance]
/// # clearance kinds that allow each role (a non-empty array of distinct kinds among SC, DV, NPPV2,
/// # NPPV3, BSC_CRB); one key per role
/// offender_manager = ["BSC_CRB", "NPPV2", "SC"]
/// supervisor = ["BSC_CRB", "NPPV2", "SC"]
/// spo = ["BSC_CRB", "NPPV2", "SC"]
/// cpc = ["SC"]
/// deputy_cpc = ["SC"]
/// administrator = ["BSC_CRB", "NPPV2", "SC"]
/// account_creator = ["BSC_CRB", "NPPV2", "SC"]
/// trainer = ["BSC_CRB", "NPPV2", "SC"]
/// partner_user = ["BSC_CRB", "NPPV2", "SC"]
///
/// [calendar]
/// # the bank holidays working days skip (an array of distinct dates, 2026-12-25 or "2026-12-25");
/// # replaces the England and Wales list 2024–2030
/// bank_holidays = [2024-01-01, 2024-03-29, …, 2030-12-26]
///
/// [extracts]
/// # visor import and reconcile: the longest line an extract may hold, in bytes (a longer one is
/// # rejected) (an integer from 1024 to 16777216)
/// max_line_bytes = 65536
/// ```
enum PolicyFile {
    /// `$XDG_CONFIG_HOME/visor/policy.toml`, else `~/.config/visor/policy.toml`.
    static var defaultPath: String {
        let environment = ProcessInfo.processInfo.environment
        let config = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.config"
        return config + "/visor/policy.toml"
    }

    /// The policy in force: `explicitPath` (which must exist), else the
    /// default file if it exists, else the compiled-in defaults.
    static func load(explicitPath: String?) throws(PolicyFileError) -> Policy {
        let path = explicitPath ?? defaultPath
        guard FileManager.default.fileExists(atPath: path) else {
            if explicitPath == nil { return .standard }
            throw PolicyFileError("\(path): no such policy file")
        }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
        else { throw PolicyFileError("\(path): cannot be read as UTF-8 text") }
        return try parse(text, source: path)
    }

    /// The policy a TOML document describes over the defaults.
    static func parse(_ text: String, source: String) throws(PolicyFileError) -> Policy {
        let root: TOMLTable
        do {
            root = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw PolicyFileError("\(source): line \(error.source.begin.line): \(error.description)")
        } catch {
            throw PolicyFileError("\(source): \(error)")
        }
        return try PolicyOverrides.apply(document(root), source: source)
    }

    /// The TOML table as plain values for validation.
    static func document(_ table: TOMLTable) -> [String: PolicyValue] {
        var values: [String: PolicyValue] = [:]
        for (key, node) in table { values[key] = value(node) }
        return values
    }

    static func value(_ node: any TOMLValueConvertible) -> PolicyValue {
        switch node.type {
        case .int: return node.int.map { .integer($0) } ?? .other("integer")
        case .string: return node.string.map { .string($0) } ?? .other("string")
        case .bool: return node.bool.map { .bool($0) } ?? .other("boolean")
        case .date:
            return node.date.flatMap { LocalDate(year: $0.year, month: $0.month, day: $0.day) }.map { .date($0) }
                ?? .other("date")
        case .array: return node.array.map { .array($0.map(value)) } ?? .other("array")
        case .table: return node.table.map { .table(document($0)) } ?? .other("table")
        case .double, .time, .dateTime: return .other(node.type.description)
        }
    }
}

/// `--policy PATH`, for commands that evaluate the rules.
struct PolicyOptions: ParsableArguments {
    @Option(name: .customLong("policy"),
            help: "A policy file (default: $XDG_CONFIG_HOME/visor/policy.toml, when it exists).")
    var path: String?

    /// The policy in force; a bad file exits 64 with its message.
    func load() throws -> Policy {
        do {
            return try PolicyFile.load(explicitPath: path)
        } catch {
            printError(error.message)
            throw ExitCode(Exit.usage)
        }
    }
}
