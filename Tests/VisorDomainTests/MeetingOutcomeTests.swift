import Testing
@testable import VisorDomain

/// records.md: a meeting "meets the MAPP review due on or before the meeting's date".
@Suite("MAPP meeting outcome")
struct MeetingOutcomeTests {
    typealias F = RecordFixture

    static func record(level: MAPPALevel = .two, held: String? = nil, next: String? = nil) -> R11MAPPReview.Candidate {
        R11MAPPReview.Candidate(nominal: RuleNominal(id: 42, ownerAgencyID: F.london), level: level,
              lastMeetingHeldOn: held.map { F.day($0) }, lastMeetingNextReviewOn: next.map { F.day($0) },
              levelSince: F.day("2026-01-05"), createdOn: F.day("2026-01-05"))
    }

    static func meeting(_ held: String, next: String) -> NewMeeting {
        NewMeeting(heldOn: F.day(held), level: .two, minutes: "m", plan: "p", nextReviewOn: F.day(next))
    }

    /// After a meeting on 2026-06-01 whose review is due 2026-09-21: a late meeting meets the overdue
    /// review, one on the review's due date meets it, an early one meets no review due later; each
    /// becomes the last meeting and moves the duty to its own next review.
    @Test("a later meeting meets the review due on or before it and sets the next", arguments: [
        ("2026-11-20", "2027-03-12", "2026-09-21" as String?),
        ("2026-09-21", "2027-01-11", "2026-09-21"),
        ("2026-09-01", "2026-12-22", nil),
    ])
    func later(heldOn: String, next: String, meets: String?) {
        let outcome = Self.meeting(heldOn, next: next)
            .outcome(before: Self.record(held: "2026-06-01", next: "2026-09-21"), policy: F.policy)
        #expect(outcome.becomesLastMeeting)
        #expect(outcome.metReviewDue == meets.map { F.day($0) })
        #expect(outcome.nextDue == F.day(next))
    }

    @Test("the first meeting meets the review due when the case became level 2/3")
    func first() {
        let outcome = Self.meeting("2026-02-01", next: "2026-05-24").outcome(before: Self.record(), policy: F.policy)
        #expect(outcome.metReviewDue == F.day("2026-01-05"))
        #expect(outcome.nextDue == F.day("2026-05-24"))
    }

    @Test("a meeting older than the last one recorded meets nothing and moves nothing")
    func older() {
        let outcome = Self.meeting("2026-05-01", next: "2026-08-21")
            .outcome(before: Self.record(held: "2026-06-01", next: "2026-09-21"), policy: F.policy)
        #expect(!outcome.becomesLastMeeting && outcome.metReviewDue == nil)
        #expect(outcome.nextDue == F.day("2026-09-21"))
    }

    @Test("a nominal at level 1 has no MAPP review duty")
    func levelOne() {
        let outcome = Self.meeting("2026-11-20", next: "2027-03-12").outcome(before: Self.record(level: .one),
                                                                             policy: F.policy)
        #expect(outcome.metReviewDue == nil && outcome.nextDue == nil && outcome.becomesLastMeeting)
    }
}

/// R11's due date lives in one function that the rule and the meeting's outcome share.
@Suite("R11 due date, shared")
struct R11SharedDueTests {
    @Test("the rule's action is due on R11MAPPReview.due", arguments: [
        RecordFixture.day("2026-03-01"), RecordFixture.day("2026-10-31"),
    ])
    func sameDue(held: LocalDate) {
        for level in [MAPPALevel.two, .three] {
            let candidate = R11MAPPReview.Candidate(nominal: RuleNominal(id: 1, ownerAgencyID: 1), level: level,
                  lastMeetingHeldOn: held, createdOn: RecordFixture.day("2026-01-01"))
            let action = R11MAPPReview.actions(for: [candidate], policy: .standard, asOf: RecordFixture.today).first
            #expect(action?.due == R11MAPPReview.due(for: candidate, policy: .standard))
            #expect(action?.due == R11MAPPReview.defaultNextReview(heldOn: held, level: level, policy: .standard))
        }
    }
}
