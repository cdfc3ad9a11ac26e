import Testing
@testable import VisorDomain

@Suite("R10 validate and review")
struct RuleR10Tests {
    typealias F = RuleFixture
    typealias R = R10ValidateAndReview

    static let creator: UserID = 11
    static let supervisor: UserID = 12

    static func candidate(level: MAPPALevel = .two, checks: [R.Check] = [],
                          lifecycle: Lifecycle = .active) -> R.Candidate {
        .init(nominal: RuleNominal(id: 47, crn: F.crn(700_007), lifecycle: lifecycle, ownerAgencyID: 3,
              managerUserID: 13), level: level, createdOn: F.day("2026-12-17"), createdByUserID: creator,
              checks: checks)
    }

    static func check(_ kind: RecordCheck.Kind, _ date: String, by user: UserID = supervisor,
                      supervisor: Bool = true) -> R.Check {
        .init(kind: kind, checkedOn: F.day(date), byUserID: user, bySupervisor: supervisor)
    }

    static func actions(_ candidate: R.Candidate, asOf: String = "2027-01-01") -> [Action] {
        R.actions(for: [candidate], policy: F.policy, asOf: F.day(asOf))
    }

    @Test("validate within 10 working days of creation, for the owner and the manager")
    func validate() throws {
        let action = try #require(Self.actions(Self.candidate()).first)
        #expect(action.rule == .r10)
        #expect(action.agencyID == 3)
        #expect(action.userID == 13)
        #expect(action.nominalID == 47)
        // 17 December 2026: 18, 21, 22, 23, 24, 29, 30, 31 December, 4 and 5 January.
        #expect(action.due == F.day("2027-01-05"))
        #expect(action.summary == "Validate record of nominal 47 (X700007): created 2026-12-17")
    }

    @Test("upcoming, due and overdue around the validation deadline")
    func boundaries() {
        F.expectBoundaries(due: F.day("2027-01-05")) { asOf in
            R.actions(for: [Self.candidate()], policy: F.policy, asOf: asOf)
        }
    }

    @Test("a validation by the creator or by a non-supervisor does not count")
    func notCounting() {
        let byCreator = Self.candidate(checks: [Self.check(.validation, "2026-12-18", by: Self.creator)])
        let byOther = Self.candidate(checks: [Self.check(.validation, "2026-12-18", by: 14, supervisor: false)])
        let reviewOnly = Self.candidate(checks: [Self.check(.review, "2026-12-18")])
        for candidate in [byCreator, byOther, reviewOnly] {
            #expect(Self.actions(candidate).map(\.summary) == ["Validate record of nominal 47 (X700007): created 2026-12-17"])
        }
    }

    @Test("once validated: review three months on at level 2/3, six at level 1")
    func review() {
        let validated = [Self.check(.validation, "2026-11-30")]
        #expect(Self.actions(Self.candidate(level: .three, checks: validated)).map(\.due) == [F.day("2027-02-28")])
        #expect(Self.actions(Self.candidate(level: .one, checks: validated)).map(\.due) == [F.day("2027-05-30")])
        #expect(Self.actions(Self.candidate(checks: validated)).map(\.summary)
            == ["Review record of nominal 47 (X700007): last validated or reviewed 2026-11-30"])
    }

    @Test("the last counting validation or review sets the next review")
    func lastCheck() {
        let checks = [Self.check(.validation, "2026-08-31"), Self.check(.review, "2026-11-15"),
                      Self.check(.review, "2026-12-20", by: Self.creator)]
        F.expectBoundaries(due: F.day("2027-02-15")) { asOf in
            R.actions(for: [Self.candidate(checks: checks)], policy: F.policy, asOf: asOf)
        }
    }

    @Test("archived nominals are ignored")
    func archived() {
        #expect(Self.actions(Self.candidate(lifecycle: .archived)).isEmpty)
    }
}
