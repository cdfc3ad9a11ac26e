/// R2 — Category 3 previously managed by probation: the nominal is created
/// when the case enters the MAPP meeting structure (seed: mandatory action 1).
/// Category 4 follows the category 3 rules by default.
///
/// Candidates the store supplies: each case of each probation area's latest
/// stored extract (all of an area's extract cases are probation's) with
/// category 3 or 4 and a MAPP entry date, for which no nominal (active or
/// archived) has the case's crn or pnc_id. SQL bound: `mapp_entry_date <= H`.
/// The rule re-checks category and date, and returns nothing when
/// `hasNominal` is true (the duty is met).
///
/// Action: "create nominal", for the area (`areaID`), with the case's crn and
/// pnc_id; due the MAPP entry date.
public enum R2CreateCategory3Nominal {
    public struct Candidate: Sendable, Hashable {
        public var extractCase: RuleCase
        public var mappEntryDate: LocalDate?

        public init(extractCase: RuleCase, mappEntryDate: LocalDate?) {
            self.extractCase = extractCase
            self.mappEntryDate = mappEntryDate
        }
    }

    public static func actions(for candidates: [Candidate], policy: Policy, asOf date: LocalDate) -> [Action] {
        candidates.compactMap { action(for: $0) }
    }

    /// Whether an extract case is one R2 asks a nominal for (ignoring whether it exists).
    public static func applies(category: MAPPACategory, mappEntryDate: LocalDate?) -> Bool {
        (category == .three || category == .four) && mappEntryDate != nil
    }

    static func action(for candidate: Candidate) -> Action? {
        guard !candidate.extractCase.hasNominal,
              applies(category: candidate.extractCase.category, mappEntryDate: candidate.mappEntryDate),
              let entry = candidate.mappEntryDate else { return nil }
        return candidate.extractCase.createAction(.r2, due: entry, detail: "entered MAPP \(entry.iso)")
    }
}
