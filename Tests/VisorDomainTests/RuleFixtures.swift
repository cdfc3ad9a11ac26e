import Testing
@testable import VisorDomain

/// Shared helpers for the rule tests (namespaced so they never clash with
/// other test files of the target).
enum RuleFixture {
    static let policy = Policy.standard

    /// An ISO date; records an issue (and gives 1970-01-01) if the literal is bad.
    static func day(_ iso: String, sourceLocation: SourceLocation = #_sourceLocation) -> LocalDate {
        guard let date = LocalDate(iso: iso) else {
            Issue.record("not an ISO date: \(iso)", sourceLocation: sourceLocation)
            return LocalDate(dayNumber: 0)
        }
        return date
    }

    static func crn(_ number: Int) -> CRN { CRN(letter: "X", number: number) }

    static let pnc = PNCID(year: 1979, serial: 163_001)

    /// Offsets from the due date at which D is tested, and the state expected:
    /// beyond the warning window, its first day, the day before, the day, the day after.
    static let boundaries: [(offset: Int, state: ActionState)] = [
        (-15, .upcoming), (-14, .due), (-1, .due), (0, .due), (1, .overdue),
    ]

    /// Evaluates at each boundary around `due` and expects exactly one action,
    /// due on `due`, in the boundary's state.
    static func expectBoundaries(due: LocalDate, policy: Policy = policy,
                                 sourceLocation: SourceLocation = #_sourceLocation,
                                 _ evaluate: (LocalDate) -> [Action]) {
        for (offset, state) in boundaries {
            let asOf = due.adding(days: offset)
            let actions = evaluate(asOf)
            #expect(actions.count == 1, "as of \(asOf.iso)", sourceLocation: sourceLocation)
            guard let action = actions.first else { continue }
            #expect(action.due == due, "as of \(asOf.iso)", sourceLocation: sourceLocation)
            #expect(action.state(asOf: asOf, policy: policy) == state, "as of \(asOf.iso)",
                    sourceLocation: sourceLocation)
        }
    }
}
