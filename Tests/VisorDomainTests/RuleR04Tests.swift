import Testing
@testable import VisorDomain

@Suite("R4 answer partner request")
struct RuleR04Tests {
    typealias F = RuleFixture
    typealias R = R4AnswerPartnerRequest

    static func candidate(on date: String, state: PartnerRequest.State = .pending,
                          lifecycle: Lifecycle = .active) -> R.Candidate {
        .init(requestID: 9, nominal: RuleNominal(id: 42, crn: F.crn(123_456), lifecycle: lifecycle, ownerAgencyID: 7),
              requestingAgencyID: 50, requestingAgencyName: "HMP Belmarsh", requestedOn: F.day(date), state: state)
    }

    @Test("due three working days after the request, for the owner")
    func threeWorkingDays() throws {
        let action = try #require(R.actions(for: [Self.candidate(on: "2026-11-25")], policy: F.policy,
                                            asOf: F.day("2026-11-25")).first)
        #expect(action.rule == .r4)
        #expect(action.agencyID == 7)
        #expect(action.nominalID == 42)
        #expect(action.due == F.day("2026-11-30"))
        #expect(action.summary
            == "Answer partner request 9 from HMP Belmarsh on nominal 42 (X123456): requested 2026-11-25")
    }

    @Test("working days skip weekends and bank holidays", arguments: [
        // Friday → Wednesday across a weekend.
        ("2026-06-05", "2026-06-10"),
        // Thursday 24 December 2026: 25 and 28 December are bank holidays, 26–27 a weekend.
        ("2026-12-24", "2026-12-31"),
        // Thursday before Easter 2026: Good Friday 3 April and Easter Monday 6 April.
        ("2026-04-02", "2026-04-09"),
        // Outside the listed years only weekends are skipped (Christmas 2031 is a Thursday).
        ("2031-12-23", "2031-12-26"),
    ])
    func workingDays(requested: String, expected: String) {
        #expect(R.actions(for: [Self.candidate(on: requested)], policy: F.policy, asOf: F.day(requested))
            .map(\.due) == [F.day(expected)])
        #expect(R.due(requestedOn: F.day(requested), policy: F.policy) == F.day(expected))
    }

    @Test("upcoming, due and overdue around the deadline")
    func boundaries() {
        F.expectBoundaries(due: F.day("2026-12-31")) { asOf in
            R.actions(for: [Self.candidate(on: "2026-12-24")], policy: F.policy, asOf: asOf)
        }
    }

    @Test("an answered or withdrawn request, or an archived nominal, needs nothing", arguments: [
        PartnerRequest.State.accepted, .declined, .withdrawn,
    ])
    func answered(state: PartnerRequest.State) {
        #expect(R.actions(for: [Self.candidate(on: "2026-11-25", state: state)], policy: F.policy,
                          asOf: F.day("2026-12-01")).isEmpty)
        #expect(R.actions(for: [Self.candidate(on: "2026-11-25", lifecycle: .archived)], policy: F.policy,
                          asOf: F.day("2026-12-01")).isEmpty)
    }
}
