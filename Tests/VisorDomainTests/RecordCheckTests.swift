import Testing
@testable import VisorDomain

/// Validation and review (records.md, R10).
@Suite("Record validation and review")
struct RecordCheckTests {
    typealias F = RecordFixture
    typealias R = R10ValidateAndReview

    static func record(level: MAPPALevel = .two, checks: [R.Check] = []) -> R.Candidate {
        R.Candidate(nominal: RuleNominal(id: 42, ownerAgencyID: F.london), level: level,
                    createdOn: F.day("2026-01-05"), createdByUserID: 10, checks: checks)
    }

    static func outcome(_ draft: RecordCheckDraft, _ record: R.Candidate, on today: String = "2026-11-25")
        throws(StepFailure) -> RecordCheckOutcome {
        try draft.outcome(record: record, by: 52, today: F.day(today), policy: F.policy)
    }

    @Test("a validation records who and when and moves the next review to R10's date")
    func validation() throws {
        let outcome = try Self.outcome(RecordCheckDraft(kind: .validation, note: "  Checked against OASys.\n"),
                                       Self.record())
        #expect(outcome.check == RecordCheck(nominalID: 42, kind: .validation, checkedOn: F.today, byUserID: 52))
        #expect(outcome.note == "Checked against OASys.")
        #expect(outcome.nextReviewDue == F.day("2027-02-25"))
    }

    @Test("next review: 3 months at level 2/3, 6 at level 1, clipped to the month's end", arguments: [
        (MAPPALevel.two, "2026-11-30", "2027-02-28"),
        (.three, "2027-11-30", "2028-02-29"),
        (.one, "2026-08-31", "2027-02-28"),
        (.one, "2027-08-31", "2028-02-29"),
        (.two, "2026-05-31", "2026-08-31"),
    ])
    func reviewDates(level: MAPPALevel, on: String, expected: String) throws {
        #expect(try Self.outcome(RecordCheckDraft(kind: .validation), Self.record(level: level), on: on).nextReviewDue
            == F.day(expected))
        #expect(R.reviewDue(lastCheck: F.day(on), level: level, policy: F.policy) == F.day(expected))
    }

    @Test("a review follows a validation and moves the next review on")
    func review() throws {
        let validated = Self.record(checks: [.init(kind: .validation, checkedOn: F.day("2026-02-01"), byUserID: 52,
                                                   bySupervisor: true)])
        #expect(R.duty(for: validated, policy: F.policy).due == F.day("2026-05-01"))
        let outcome = try Self.outcome(RecordCheckDraft(kind: .review), validated)
        #expect(outcome.check.kind == .review && outcome.note == nil)
        #expect(outcome.nextReviewDue == F.day("2027-02-25"))
    }

    @Test("a review before any counting validation is refused (77, naming R10)")
    func reviewFirstRefused() {
        // The only validation was the creator's own: it does not count.
        let record = Self.record(checks: [.init(kind: .validation, checkedOn: F.day("2026-02-01"), byUserID: 10,
                                                bySupervisor: true)])
        #expect(throws: StepFailure.refused(Refusal("the record has not been validated yet: its first check is a validation",
                                                    rule: .r10))) {
            try Self.outcome(RecordCheckDraft(kind: .review), record)
        }
    }

    @Test("a note is multi-line free text of at most 2,000 characters")
    func note() {
        #expect(throws: StepFailure(FieldError(field: "note", value: "a\u{1B}b",
                                               message: "control characters are not allowed (\\x1b at character 2)"))) {
            try Self.outcome(RecordCheckDraft(kind: .validation, note: "a\u{1B}b"), Self.record())
        }
        #expect(throws: StepFailure.self) {
            try Self.outcome(RecordCheckDraft(kind: .validation, note: String(repeating: "n", count: 2_001)), Self.record())
        }
    }

    @Test("the step names the permission it needs")
    func permission() {
        #expect(RecordCheckDraft(kind: .validation).permission == .validate)
        #expect(RecordCheckDraft(kind: .review).permission == .review)
    }

    @Test("the first validation is due 10 working days after creation, bank holidays skipped")
    func validationDue() {
        // 2026-12-21 (Mon) + 10 working days, skipping 25 and 28 December and 1 January: 2027-01-07.
        #expect(R.validationDue(createdOn: F.day("2026-12-21"), policy: F.policy) == F.day("2027-01-07"))
        #expect(R.duty(for: Self.record(), policy: F.policy).kind == .validation)
    }
}
