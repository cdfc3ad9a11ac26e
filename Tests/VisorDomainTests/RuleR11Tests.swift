import Testing
@testable import VisorDomain

@Suite("R11 MAPP review")
struct RuleR11Tests {
    typealias F = RuleFixture
    typealias R = R11MAPPReview

    static func candidate(level: MAPPALevel = .two, held: String? = nil, next: String? = nil,
                          since: String? = nil, entry: String? = nil,
                          lifecycle: Lifecycle = .active) -> R.Candidate {
        .init(nominal: RuleNominal(id: 48, crn: F.crn(800_008), lifecycle: lifecycle, ownerAgencyID: 3,
              managerUserID: 13), level: level, lastMeetingHeldOn: held.map { F.day($0) },
              lastMeetingNextReviewOn: next.map { F.day($0) }, levelSince: since.map { F.day($0) },
              mappEntryDate: entry.map { F.day($0) }, createdOn: F.day("2026-01-02"))
    }

    static func due(_ candidate: R.Candidate) -> [LocalDate] {
        R.actions(for: [candidate], policy: F.policy, asOf: F.day("2026-06-01")).map(\.due)
    }

    @Test("due the last meeting's next review date, for the owner and the manager")
    func nextReview() throws {
        let candidate = Self.candidate(held: "2026-05-01", next: "2026-07-15")
        let action = try #require(R.actions(for: [candidate], policy: F.policy, asOf: F.day("2026-06-01")).first)
        #expect(action.rule == .r11)
        #expect(action.agencyID == 3)
        #expect(action.userID == 13)
        #expect(action.due == F.day("2026-07-15"))
        #expect(action.summary == "MAPP review of nominal 48 (X800008) (level 2): last meeting 2026-05-01")
        F.expectBoundaries(due: F.day("2026-07-15")) { asOf in R.actions(for: [candidate], policy: F.policy, asOf: asOf) }
    }

    @Test("a meeting without a next review: 16 weeks at level 2, 8 at level 3")
    func defaultWeeks() {
        #expect(Self.due(Self.candidate(held: "2026-05-01")) == [F.day("2026-08-21")])
        #expect(Self.due(Self.candidate(level: .three, held: "2026-05-01")) == [F.day("2026-06-26")])
    }

    @Test("no meeting yet: the date it became level 2/3, else MAPP entry, else creation")
    func noMeeting() {
        #expect(Self.due(Self.candidate(since: "2026-03-03", entry: "2026-02-02")) == [F.day("2026-03-03")])
        #expect(Self.due(Self.candidate(entry: "2026-02-02")) == [F.day("2026-02-02")])
        #expect(Self.due(Self.candidate()) == [F.day("2026-01-02")])
        #expect(R.actions(for: [Self.candidate()], policy: F.policy, asOf: F.day("2026-06-01")).map(\.summary)
            == ["MAPP review of nominal 48 (X800008) (level 2): no meeting yet"])
    }

    @Test("level 1 and archived nominals are ignored")
    func ignored() {
        #expect(Self.due(Self.candidate(level: .one)).isEmpty)
        #expect(Self.due(Self.candidate(lifecycle: .archived)).isEmpty)
    }
}
