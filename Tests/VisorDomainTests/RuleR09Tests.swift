import Testing
@testable import VisorDomain

@Suite("R9 reconcile")
struct RuleR09Tests {
    typealias F = RuleFixture
    typealias R = R9Reconcile

    @Test("due 30 days after the last reconciliation, for the area")
    func reconcile() throws {
        let area = R.AreaCandidate(areaID: 3, lastReconciledOn: F.day("2026-01-31"),
                                   firstNominalCreatedOn: F.day("2025-01-01"))
        let action = try #require(R.reconcileActions(for: [area], policy: F.policy, asOf: F.day("2026-02-01")).first)
        #expect(action.rule == .r9)
        #expect(action.agencyID == 3)
        #expect(action.nominalID == nil)
        #expect(action.crn == nil)
        #expect(action.due == F.day("2026-03-02"))
        #expect(action.summary == "Reconcile the local case system with the register: last reconciled 2026-01-31")
        F.expectBoundaries(due: F.day("2026-03-02")) { asOf in R.reconcileActions(for: [area], policy: F.policy, asOf: asOf) }
    }

    @Test("never reconciled: due from the first nominal; no nominal, no action")
    func neverReconciled() {
        let first = R.AreaCandidate(areaID: 3, lastReconciledOn: nil, firstNominalCreatedOn: F.day("2026-04-01"))
        let empty = R.AreaCandidate(areaID: 4, lastReconciledOn: nil, firstNominalCreatedOn: nil)
        let actions = R.reconcileActions(for: [first, empty], policy: F.policy, asOf: F.day("2026-04-01"))
        #expect(actions.map(\.due) == [F.day("2026-04-01")])
        #expect(actions.map(\.summary) == ["Reconcile the local case system with the register: never reconciled"])
    }

    static func pair(_ extractCase: ReconciliationCase?, _ nominal: ReconciliationNominal?,
                     on date: String = "2026-12-24") -> R.PairCandidate {
        .init(areaID: 3, reconciledOn: F.day(date), extractCase: extractCase, nominal: nominal)
    }

    static let extractCase = ReconciliationCase(crn: F.crn(123_456), pncID: F.pnc, category: .two, level: .one,
                                                custody: .community, offenderManager: "S1")
    static let nominal = ReconciliationNominal(nominalID: 42, crn: F.crn(123_456), ownerAgencyID: 3, category: .two,
                                               level: .one, custody: .community, managerStaffID: "S1")

    @Test("one action per discrepancy, due the reconciliation + 5 working days")
    func discrepancies() throws {
        var nominal = Self.nominal
        nominal.level = .two
        nominal.managerStaffID = nil
        let actions = R.discrepancyActions(for: [Self.pair(Self.extractCase, nominal)], policy: F.policy,
                                           asOf: F.day("2026-12-24"))
        #expect(actions.map(\.summary) == [
            "Resolve discrepancy on case X123456 (nominal 42): level differs (register 2, extract 1)",
            "Resolve discrepancy on case X123456 (nominal 42): manager differs (register none, extract S1)",
        ])
        let action = try #require(actions.first)
        #expect(action.rule == .r9)
        #expect(action.agencyID == 3)
        #expect(action.nominalID == 42)
        #expect(action.crn == F.crn(123_456))
        #expect(action.pncID == F.pnc)
        // 24 December 2026 + 5 working days: 29, 30, 31 December, 4 and 5 January.
        #expect(action.due == F.day("2027-01-05"))
    }

    @Test("upcoming, due and overdue around the deadline")
    func boundaries() {
        var nominal = Self.nominal
        nominal.custody = .inCustody
        F.expectBoundaries(due: F.day("2027-01-05")) { asOf in
            R.discrepancyActions(for: [Self.pair(Self.extractCase, nominal)], policy: F.policy, asOf: asOf)
        }
    }

    @Test("met when the discrepancy no longer holds")
    func met() {
        #expect(R.discrepancyActions(for: [Self.pair(Self.extractCase, Self.nominal)], policy: F.policy,
                                     asOf: F.day("2026-12-24")).isEmpty)
    }

    @Test("a missing nominal that R1 or R2 already asks for is left to them")
    func coveredByCreationRules() {
        var r1Case = Self.extractCase
        r1Case.level = .two
        r1Case.releaseDate = F.day("2027-06-01")
        var r2Case = Self.extractCase
        r2Case.category = .four
        r2Case.level = .two
        r2Case.mappEntryDate = F.day("2026-06-01")
        let plain = Self.extractCase
        let actions = R.discrepancyActions(for: [Self.pair(r1Case, nil), Self.pair(r2Case, nil), Self.pair(plain, nil)],
                                           policy: F.policy, asOf: F.day("2026-12-24"))
        #expect(actions.map(\.summary) == ["Resolve discrepancy on case X123456: no nominal on the register"])
        #expect(actions.first?.nominalID == nil)
    }

    @Test("a nominal with no case; archived nominals are ignored")
    func missingCase() {
        var archived = Self.nominal
        archived.lifecycle = .archived
        archived.level = .three
        let actions = R.discrepancyActions(for: [Self.pair(nil, Self.nominal), Self.pair(nil, archived),
                                                 Self.pair(Self.extractCase, archived)],
                                           policy: F.policy, asOf: F.day("2026-12-24"))
        #expect(actions.map(\.summary) == ["Resolve discrepancy on nominal 42 (X123456): no case in the extract"])
    }
}
