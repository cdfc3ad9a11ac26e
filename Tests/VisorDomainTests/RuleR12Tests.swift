import Testing
@testable import VisorDomain

@Suite("R12 role coverage")
struct RuleR12Tests {
    typealias F = RuleFixture
    typealias R = R12RoleCoverage

    static func clearance(_ kind: ClearanceKind, _ from: String, _ to: String) -> Clearance {
        Clearance(kind: kind, grantedOn: F.day(from), expiresOn: F.day(to))
    }

    static let cpc = R.Holding(userID: 1, role: .cpc, clearances: [clearance(.sc, "2024-01-01", "2029-01-01")])
    static let admin = R.Holding(userID: 2, role: .administrator,
                                 clearances: [clearance(.bscCRB, "2024-01-01", "2026-05-31")])
    static let creatorRevoked = R.Holding(userID: 3, role: .accountCreator, roleEndedOn: F.day("2026-04-10"),
                                          clearances: [clearance(.nppv2, "2024-01-01", "2029-01-01")])
    static let creatorDisabled = R.Holding(userID: 4, role: .accountCreator, disabledOn: F.day("2026-03-01"),
                                           clearances: [clearance(.nppv2, "2024-01-01", "2029-01-01")])

    static func area(_ holdings: [R.Holding]) -> R.Candidate {
        .init(areaID: 3, createdOn: F.day("2025-01-01"), holdings: holdings)
    }

    static func actions(_ holdings: [R.Holding], asOf: String) -> [Action] {
        R.actions(for: [area(holdings)], policy: F.policy, asOf: F.day(asOf))
    }

    @Test("each uncovered role is due from the day it became uncovered, for the area")
    func uncovered() {
        let actions = Self.actions([Self.cpc, Self.admin, Self.creatorRevoked, Self.creatorDisabled],
                                   asOf: "2026-07-01")
        #expect(actions.map(\.summary) == [
            "Role not covered: administrator (no active holder with valid BSC_CRB or NPPV2 or SC clearance)",
            "Role not covered: account creator (no active holder with valid BSC_CRB or NPPV2 or SC clearance)",
            "Role not covered: trainer (no active holder with valid BSC_CRB or NPPV2 or SC clearance)",
        ])
        // Clearance expired 31 May → 1 June; role ended 10 April (later than the disablement); never → creation.
        #expect(actions.map(\.due) == [F.day("2026-06-01"), F.day("2026-04-10"), F.day("2025-01-01")])
        #expect(actions.allSatisfy { $0.rule == .r12 && $0.agencyID == 3 && $0.userID == nil && $0.nominalID == nil })
    }

    @Test("covered until the clearance's last day, due the day after, overdue the next")
    func boundaries() {
        let holdings = [Self.cpc, Self.admin]
        let onlyAdmin: ([Action]) -> [Action] = { $0.filter { $0.summary.contains("administrator") } }
        #expect(onlyAdmin(Self.actions(holdings, asOf: "2026-05-31")).isEmpty)
        let due = onlyAdmin(Self.actions(holdings, asOf: "2026-06-01"))
        #expect(due.map(\.due) == [F.day("2026-06-01")])
        #expect(due.map { $0.state(asOf: F.day("2026-06-01"), policy: F.policy) } == [.due])
        let overdue = onlyAdmin(Self.actions(holdings, asOf: "2026-06-02"))
        #expect(overdue.map { $0.state(asOf: F.day("2026-06-02"), policy: F.policy) } == [.overdue])
    }

    @Test("a deputy CPC, or a CPC without SC clearance, does not cover CPC")
    func deputy() {
        let deputy = R.Holding(userID: 5, role: .deputyCPC, clearances: [Self.clearance(.sc, "2024-01-01", "2029-01-01")])
        let uncleared = R.Holding(userID: 6, role: .cpc, clearances: [Self.clearance(.nppv2, "2024-01-01", "2029-01-01")])
        let actions = Self.actions([deputy, uncleared], asOf: "2026-07-01").filter { $0.summary.contains("central") }
        #expect(actions.map(\.summary) == ["Role not covered: central point of contact (no active holder with valid SC clearance)"])
        #expect(actions.map(\.due) == [F.day("2025-01-01")])
    }

    @Test("met when a new holder is cleared; a clearance granted later does not cover earlier days")
    func met() {
        let newAdmin = R.Holding(userID: 7, role: .administrator, roleGrantedOn: F.day("2026-06-15"),
                                 clearances: [Self.clearance(.sc, "2026-06-20", "2031-06-20")])
        #expect(Self.actions([Self.admin, newAdmin], asOf: "2026-07-01").filter { $0.summary.contains("administrator") }
            .isEmpty)
        // Before the new clearance: still uncovered since 1 June.
        #expect(Self.actions([Self.admin, newAdmin], asOf: "2026-06-19").filter { $0.summary.contains("administrator") }
            .map(\.due) == [F.day("2026-06-01")])
    }

    @Test("coverage counts the covering holders per role")
    func coverage() {
        let second = R.Holding(userID: 8, role: .cpc, clearances: [Self.clearance(.sc, "2024-01-01", "2029-01-01")])
        let counts = R.coverage(for: [Self.area([Self.cpc, second, Self.admin])], policy: F.policy,
                                asOf: F.day("2026-05-01"))
        #expect(counts == [
            R.Coverage(areaID: 3, role: .cpc, holders: 2),
            R.Coverage(areaID: 3, role: .administrator, holders: 1),
            R.Coverage(areaID: 3, role: .accountCreator, holders: 0),
            R.Coverage(areaID: 3, role: .trainer, holders: 0),
        ])
    }
}
