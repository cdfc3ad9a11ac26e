import VisorDomain
import VisorRegister

/// The result of one evaluation of the rules: every action visible as of a
/// date (overdue, due, and upcoming within the horizon), kept in parts so
/// that a re-evaluation after a change replaces only what the change can
/// touch. A value: share it between threads freely.
public struct RuleEvaluation: Sendable {
    /// The date the evaluation is as of.
    public let asOf: LocalDate
    public let policy: Policy
    /// Upcoming actions are listed up to `asOf + horizonDays` (inclusive).
    public let horizonDays: Int

    /// Actions on nominals (R3–R8, R10, R11, R14's record views, R16), in
    /// slices of consecutive nominal ids.
    var slices: [Slice]
    /// R1 and R2: cases of the stored extracts without a nominal.
    var caseActions: [Action]
    /// R9's discrepancies of each case, by area and case crn.
    var caseDiscrepancies: [CaseKey: [Action]]
    /// R9's `missing_case` discrepancies, by nominal.
    var missingCases: [NominalID: [Action]]
    /// Actions on agencies and users: R9's "reconcile", R12, R13, R14's sign-ins, R15.
    var agencyActions: [Action]
    /// The earliest creation among each owner's active nominals (R9's "first nominal").
    var firstCreatedByOwner: [AgencyID: LocalDate]
    /// The agencies and users read by the last full evaluation.
    let directory: RuleDirectory

    struct Slice: Sendable {
        /// Nominal ids `low..<high`.
        var low: NominalID
        var high: NominalID
        var actions: [Action]
        /// R10's and R14's record-view actions, built when listed.
        var deferred: [DeferredAction] = []
        var views: [DeferredView] = []
    }

    /// A case of a stored extract.
    struct CaseKey: Hashable, Sendable {
        var areaID: AgencyID
        var crn: CRN
    }

    /// Every action, unsorted (by part, then rule). Sort for display with
    /// `ActionList.sorted`. Building every summary takes a while at a million
    /// nominals: prefer `actions(where:)` for one agency's.
    public var actions: [Action] { actions { _ in true } }

    /// The number of actions.
    public var count: Int {
        var count = 0
        forEachHeader { _ in count += 1 }
        return count
    }

    /// The actions whose header `include` keeps, built in full, unsorted.
    public func actions(where include: (ActionHeader) -> Bool) -> [Action] {
        var kept: [Action] = []
        for slice in slices {
            for action in slice.actions where include(ActionHeader(action)) { kept.append(action) }
            for deferred in slice.deferred where include(deferred.header) {
                if let action = deferred.action(policy: policy, asOf: asOf) { kept.append(action) }
            }
            for deferred in slice.views where include(deferred.header) {
                if let action = deferred.action(policy: policy, asOf: asOf) { kept.append(action) }
            }
        }
        forEachOther { action in if include(ActionHeader(action)) { kept.append(action) } }
        return kept
    }

    /// Calls `body` with each action, built in full.
    public func forEach(_ body: (Action) throws -> Void) rethrows {
        for slice in slices {
            for action in slice.actions { try body(action) }
            for deferred in slice.deferred {
                if let action = deferred.action(policy: policy, asOf: asOf) { try body(action) }
            }
            for deferred in slice.views {
                if let action = deferred.action(policy: policy, asOf: asOf) { try body(action) }
            }
        }
        try forEachOther(body)
    }

    /// Calls `body` with each action's header, without building summaries.
    public func forEachHeader(_ body: (ActionHeader) throws -> Void) rethrows {
        for slice in slices {
            for action in slice.actions { try body(ActionHeader(action)) }
            for deferred in slice.deferred { try body(deferred.header) }
            for deferred in slice.views { try body(deferred.header) }
        }
        try forEachOther { try body(ActionHeader($0)) }
    }

    /// How many actions `include` keeps.
    public func count(where include: (ActionHeader) -> Bool) -> Int {
        var count = 0
        forEachHeader { if include($0) { count += 1 } }
        return count
    }

    /// The state of an action as of this evaluation's date.
    public func state(of action: Action) -> ActionState {
        action.state(asOf: asOf, policy: policy)
    }

    /// How many actions are overdue (of those `include` keeps).
    public func overdueCount(where include: (ActionHeader) -> Bool = { _ in true }) -> Int {
        count { $0.due < asOf && include($0) }
    }

    /// The actions outside the slices: cases, discrepancies, agencies and users.
    private func forEachOther(_ body: (Action) throws -> Void) rethrows {
        for action in caseActions { try body(action) }
        for key in caseDiscrepancies.keys.sorted(by: { ($0.areaID, $0.crn) < ($1.areaID, $1.crn) }) {
            for action in caseDiscrepancies[key] ?? [] { try body(action) }
        }
        for nominal in missingCases.keys.sorted() { for action in missingCases[nominal] ?? [] { try body(action) } }
        for action in agencyActions { try body(action) }
    }
}
