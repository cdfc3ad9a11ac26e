import Foundation
import Testing
@testable import VisorDomain

/// Policy files, after their parser: settings applied over the defaults, and
/// every refusal naming the file, the key, the value and what is allowed.
@Suite("Policy: overrides from a policy file")
struct PolicyOverridesTests {
    func apply(_ document: [String: PolicyValue]) throws(PolicyFileError) -> Policy {
        try PolicyOverrides.apply(document, source: "policy.toml")
    }

    func message(_ document: [String: PolicyValue]) -> String? {
        do { _ = try apply(document); return nil } catch { return error.message }
    }

    @Test("No settings: the compiled-in defaults")
    func empty() throws {
        #expect(try apply([:]) == Policy.standard)
        #expect(try apply(["rules": .table([:])]) == Policy.standard)
    }

    @Test("Integers, the minimum data set, clearances and bank holidays are applied")
    func applied() throws {
        let policy = try apply([
            "actions": .table(["warning_window_days": .integer(7), "horizon_days": .integer(60),
                               "timer_interval_seconds": .integer(30)]),
            "rules": .table(["r4_answer_working_days": .integer(2), "r14_manager_view_days": .integer(45),
                             "r8_minimum_data_set": .array([.string("surname"), .string("rosh")])]),
            "sign_in": .table(["lockout_failures": .integer(3)]),
            "clearance": .table(["trainer": .array([.string("SC"), .string("DV")])]),
            "calendar": .table(["bank_holidays": .array([.date(LocalDate(year: 2026, month: 12, day: 25)!),
                                                         .string("2026-12-28")])]),
        ])
        #expect(policy.warningWindowDays == 7)
        #expect(policy.actionsHorizonDays == 60)
        #expect(policy.timerIntervalSeconds == 30)
        #expect(policy.r4AnswerWorkingDays == 2)
        #expect(policy.r14ManagerViewDays == 45)
        #expect(policy.minimumDataSet == [.surname, .rosh])
        #expect(policy.lockoutFailures == 3)
        #expect(policy.clearanceKinds(for: .trainer) == [.sc, .dv])
        #expect(policy.clearanceKinds(for: .cpc) == [.sc])
        #expect(policy.bankHolidays == [LocalDate(year: 2026, month: 12, day: 25)!, LocalDate(year: 2026, month: 12, day: 28)!])
        #expect(policy.r10ValidateWorkingDays == Policy.standard.r10ValidateWorkingDays)
    }

    @Test("An unknown setting is named, with the known ones")
    func unknown() {
        let inSection = message(["rules": .table(["r4_answer_days": .integer(3)])])
        #expect(inSection?.hasPrefix("policy.toml: rules.r4_answer_days: unknown setting; known settings in [rules] are "
            + "r1_months_before_release, r3_months_before_release, r4_answer_working_days") == true)
        let section = message(["timer": .integer(60)])
        #expect(section?.hasPrefix("policy.toml: timer: unknown setting; known settings are actions.warning_window_days, "
            + "actions.horizon_days") == true)
        #expect(section?.contains("calendar.bank_holidays") == true)
    }

    @Test("A value of the wrong kind or out of range names the key, the value and the allowed values")
    func refused() {
        #expect(message(["rules": .table(["r4_answer_working_days": .string("3")])])
            == "policy.toml: rules.r4_answer_working_days: \"3\" is not allowed; expected an integer from 0 to 60")
        #expect(message(["actions": .table(["warning_window_days": .integer(-1)])])
            == "policy.toml: actions.warning_window_days: -1 is not allowed; expected an integer from 0 to 365")
        #expect(message(["actions": .table(["timer_interval_seconds": .other("floating-point number")])])
            == "policy.toml: actions.timer_interval_seconds: (floating-point number) is not allowed; "
                + "expected an integer from 5 to 3600")
        let fields = message(["rules": .table(["r8_minimum_data_set": .array([.string("surname"), .string("shoe_size")])])])
        #expect(fields?.hasPrefix("policy.toml: rules.r8_minimum_data_set: [\"surname\", \"shoe_size\"] is not allowed; "
            + "expected an array of distinct names among surname, forenames") == true)
        #expect(message(["clearance": .table(["cpc": .array([])])])
            == "policy.toml: clearance.cpc: [] is not allowed; expected a non-empty array of distinct kinds among "
                + "SC, DV, NPPV2, NPPV3, BSC_CRB")
        #expect(message(["calendar": .table(["bank_holidays": .array([.string("2026-02-30")])])])
            == "policy.toml: calendar.bank_holidays: [\"2026-02-30\"] is not allowed; expected an array of distinct "
                + "dates (2026-12-25 or \"2026-12-25\")")
        #expect(message(["rules": .integer(3)])
            == "policy.toml: rules: 3 is an integer; expected a table [rules] of settings")
    }

    @Test("The example file lists every setting at its default value")
    func example() {
        let text = PolicyOverrides.example()
        for key in PolicyKey.all {
            #expect(text.contains("\n\(key.name) = \(key.value(in: .standard))\n"), "\(key.path) missing")
        }
        #expect(text.hasPrefix("[actions]\n"))
        #expect(PolicyOverrides.describe(.standard).count == PolicyKey.all.count)
    }
}
