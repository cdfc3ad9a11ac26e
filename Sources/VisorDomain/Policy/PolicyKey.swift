

/// One setting of a policy file: where it lives (`section.name`), what it
/// means, what it accepts, how it changes a `Policy`, and its value in a
/// policy (for the `:policy` screen and error messages).
public struct PolicyKey: Sendable {
    public let section: String
    public let name: String
    /// One line saying what the setting does.
    public let summary: String
    /// What values it accepts, as messages say it ("an integer from 0 to 60").
    public let allowed: String
    let apply: @Sendable (PolicyValue, inout Policy) -> Bool
    let show: @Sendable (Policy) -> String

    /// `section.name`, as messages and the example file write it.
    public var path: String { "\(section).\(name)" }

    /// The setting's value in `policy`, written as the file would write it.
    public func value(in policy: Policy) -> String { show(policy) }
}

extension PolicyKey {
    /// An integer setting within `range`.
    static func integer(_ section: String, _ name: String, _ range: ClosedRange<Int>, _ summary: String,
                        _ keyPath: any WritableKeyPath<Policy, Int> & Sendable) -> PolicyKey {
        PolicyKey(section: section, name: name, summary: summary,
                  allowed: "an integer from \(range.lowerBound) to \(range.upperBound)",
                  apply: { value, policy in
                      guard case .integer(let number) = value, range.contains(number) else { return false }
                      policy[keyPath: keyPath] = number
                      return true
                  },
                  show: { String($0[keyPath: keyPath]) })
    }

    /// Every setting a policy file may hold, in the order the example lists them.
    public static let all: [PolicyKey] = actions + rules + signIn + clearance + calendar + extracts

    static let actions: [PolicyKey] = [
        .integer("actions", "warning_window_days", 0...365,
                 "days ahead in which an action counts as due rather than upcoming", \.warningWindowDays),
        .integer("actions", "horizon_days", 0...3650,
                 "days ahead of upcoming actions listed by visor actions and the actions pane", \.actionsHorizonDays),
        .integer("actions", "timer_interval_seconds", 5...3600,
                 "no longer used (the application re-reads the kept actions when they change); accepted so that "
                     + "earlier policy files still import", \.timerIntervalSeconds),
    ]

    static let rules: [PolicyKey] = [
        .integer("rules", "r1_months_before_release", 0...60,
                 "R1: months before release by which a category 2 level 2/3 nominal exists", \.r1MonthsBeforeRelease),
        .integer("rules", "r3_months_before_release", 0...60,
                 "R3: months before release by which the prison requests partnership", \.r3MonthsBeforeRelease),
        .integer("rules", "r4_answer_working_days", 0...60, "R4: working days to answer a partner request",
                 \.r4AnswerWorkingDays),
        .integer("rules", "r8_complete_working_days", 0...60, "R8: working days after creation to complete a record",
                 \.r8CompleteWorkingDays),
        minimumDataSet,
        .integer("rules", "r9_reconcile_days", 1...365, "R9: days between reconciliations", \.r9ReconcileDays),
        .integer("rules", "r9_discrepancy_working_days", 0...60, "R9: working days to resolve a discrepancy",
                 \.r9DiscrepancyWorkingDays),
        .integer("rules", "r10_validate_working_days", 0...60, "R10: working days after creation to validate",
                 \.r10ValidateWorkingDays),
        .integer("rules", "r10_review_months_multi_agency", 1...36, "R10: months between reviews at level 2 or 3",
                 \.r10ReviewMonthsMultiAgency),
        .integer("rules", "r10_review_months_level1", 1...36, "R10: months between reviews at level 1",
                 \.r10ReviewMonthsLevel1),
        .integer("rules", "r11_review_weeks_level2", 1...104,
                 "R11: weeks to the next MAPP review at level 2 when a meeting sets none", \.r11ReviewWeeksLevel2),
        .integer("rules", "r11_review_weeks_level3", 1...104,
                 "R11: weeks to the next MAPP review at level 3 when a meeting sets none", \.r11ReviewWeeksLevel3),
        .integer("rules", "r13_renew_days_before_expiry", 0...365,
                 "R13: days before a clearance expires that its renewal is due", \.r13RenewDaysBeforeExpiry),
        .integer("rules", "r14_spo_sign_in_days", 1...365, "R14: days between an SPO's sign-ins", \.r14SPOSignInDays),
        .integer("rules", "r14_manager_view_days", 1...365, "R14: days between a manager's views of a record",
                 \.r14ManagerViewDays),
        .integer("rules", "r16_notification_years", 1...10, "R16: years between notifications to the police",
                 \.r16NotificationYears),
    ]

    static let minimumDataSet = PolicyKey(
        section: "rules", name: "r8_minimum_data_set", summary: "R8: the fields every record carries",
        allowed: "an array of distinct names among "
            + MinimumDataField.allCases.map(\.rawValue).joined(separator: ", "),
        apply: { value, policy in
            guard case .array(let values) = value else { return false }
            var fields: [MinimumDataField] = []
            for value in values {
                guard case .string(let name) = value, let field = MinimumDataField(rawValue: name),
                      !fields.contains(field) else { return false }
                fields.append(field)
            }
            policy.minimumDataSet = fields
            return true
        },
        show: { "[" + $0.minimumDataSet.map { "\"\($0.rawValue)\"" }.joined(separator: ", ") + "]" })

    static let signIn: [PolicyKey] = [
        .integer("sign_in", "lockout_failures", 1...100, "failed sign-ins in a row that lock an account",
                 \.lockoutFailures),
        .integer("sign_in", "lockout_minutes", 1...1440, "minutes an account stays locked", \.lockoutMinutes),
        .integer("sign_in", "idle_lock_minutes", 1...1440, "minutes without input before the screen locks",
                 \.idleLockMinutes),
    ]

    static let clearance: [PolicyKey] = Role.allCases.map { role in
        PolicyKey(
            section: "clearance", name: role.rawValue, summary: "clearance kinds that allow the role \(role.title)",
            allowed: "a non-empty array of distinct kinds among "
                + ClearanceKind.allCases.map(\.rawValue).joined(separator: ", "),
            apply: { value, policy in
                guard case .array(let values) = value, !values.isEmpty else { return false }
                var kinds = Set<ClearanceKind>()
                for value in values {
                    guard case .string(let name) = value, let kind = ClearanceKind(rawValue: name),
                          kinds.insert(kind).inserted else { return false }
                }
                policy.clearanceByRole[role] = kinds
                return true
            },
            show: { "[" + $0.clearanceKinds(for: role).map { "\"\($0.rawValue)\"" }.sorted().joined(separator: ", ") + "]" })
    }

    static let calendar: [PolicyKey] = [
        PolicyKey(
            section: "calendar", name: "bank_holidays",
            summary: "the bank holidays working days skip (replaces England and Wales 2024–2030)",
            allowed: "an array of distinct dates (2026-12-25 or \"2026-12-25\")",
            apply: { value, policy in
                guard case .array(let values) = value else { return false }
                var dates = Set<LocalDate>()
                for value in values {
                    let date: LocalDate?
                    switch value {
                    case .date(let day): date = day
                    case .string(let text): date = LocalDate(iso: text)
                    default: date = nil
                    }
                    guard let date, dates.insert(date).inserted else { return false }
                }
                policy.bankHolidays = dates
                return true
            },
            show: { "[" + $0.bankHolidays.sorted().map(\.iso).joined(separator: ", ") + "]" }),
    ]
}

extension PolicyKey {
    static let extracts: [PolicyKey] = [
        .integer("extracts", "max_line_bytes", 1024...16_777_216,
                 "visor import and reconcile: the longest line an extract may hold, in bytes (a longer one is rejected)",
                 \.maxExtractLineBytes),
    ]
}
