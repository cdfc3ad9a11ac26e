import Testing
@testable import VisorDomain

/// Annual notification (records.md, R16).
@Suite("Annual notification")
struct NotificationDraftTests {
    typealias F = RecordFixture

    static func outcome(_ date: String, last: String? = nil) throws(FieldError) -> NotificationOutcome {
        var nominal = F.nominal(category: .one)
        nominal.lastNotification = last.map { F.day($0) }
        return try NotificationDraft(date: date).outcome(on: nominal, today: F.today, policy: F.policy)
    }

    @Test("a notification sets the last notification; the next is due a year later, as R16 says", arguments: [
        ("2026-11-25", "2027-11-25"),
        ("2024-02-29", "2025-02-28"),
        ("2026-01-31", "2027-01-31"),
    ])
    func recorded(date: String, nextDue: String) throws {
        let outcome = try Self.outcome(date)
        #expect(outcome.lastNotification == F.day(date))
        #expect(outcome.nextDue == F.day(nextDue))
        #expect(R16AnnualNotification.nextDue(after: F.day(date), policy: F.policy) == F.day(nextDue))
    }

    @Test("the same date again is accepted; a later one moves R16 forward")
    func repeated() throws {
        #expect(try Self.outcome("2026-06-01", last: "2026-06-01").lastNotification == F.day("2026-06-01"))
        #expect(try Self.outcome("2026-11-01", last: "2026-06-01").nextDue == F.day("2027-11-01"))
    }

    @Test("each bad date is refused, naming the field and the value", arguments: [
        ("2026-11-26", nil, "date: 2026-11-26: is in the future"),
        ("1979-06-13", nil, "date: 1979-06-13: is before the date of birth (1979-06-14)"),
        ("", nil, "date: : required"),
        ("2025-02-29", nil, "date: 2025-02-29: not a real calendar date"),
        ("2026-05-31", "2026-06-01",
         "date: 2026-05-31: is before the last notification recorded (2026-06-01); correct that in core data (last_notification_date)"),
    ] as [(String, String?, String)])
    func refused(date: String, last: String?, expected: String) {
        #expect(throws: FieldError.self) { try Self.outcome(date, last: last) }
        do throws(FieldError) {
            _ = try Self.outcome(date, last: last)
        } catch {
            #expect(error.description == expected)
        }
    }
}
