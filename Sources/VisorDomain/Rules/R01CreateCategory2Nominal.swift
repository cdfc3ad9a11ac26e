/// R1 — Category 2 at level 2 or 3: the home probation area creates the
/// nominal at least *6 months* (`Policy.r1MonthsBeforeRelease`) before the
/// actual or potential release date (seed: mandatory action 1).
///
/// Candidates the store supplies: each case of each probation area's latest
/// stored extract with category 2, level 2 or 3 and a release date, for which
/// no nominal (active or archived) has the case's crn or pnc_id. A safe SQL
/// bound for a horizon H: `release_date <= H + 6 months + 3 days`.
/// The rule re-checks category, level and release date itself, and returns
/// nothing when `hasNominal` is true (the duty is met).
///
/// Action: "create nominal", for the area whose extract holds the case
/// (`areaID`), with the case's crn and pnc_id, no nominal, no user. Due the
/// release date − 6 months, clipped to the month's last day.
public enum R1CreateCategory2Nominal {
    public struct Candidate: Sendable, Hashable {
        public var extractCase: RuleCase
        public var releaseDate: LocalDate?

        public init(extractCase: RuleCase, releaseDate: LocalDate?) {
            self.extractCase = extractCase
            self.releaseDate = releaseDate
        }
    }

    public static func actions(for candidates: [Candidate], policy: Policy, asOf date: LocalDate) -> [Action] {
        candidates.compactMap { action(for: $0, policy: policy) }
    }

    /// Whether an extract case is one R1 asks a nominal for (ignoring whether it exists).
    public static func applies(category: MAPPACategory, level: MAPPALevel, releaseDate: LocalDate?) -> Bool {
        category == .two && level.isMultiAgency && releaseDate != nil
    }

    /// The date the nominal must exist by: the release date − *6 months*,
    /// clipped to the month's last day.
    public static func due(releaseDate: LocalDate, policy: Policy) -> LocalDate {
        releaseDate.adding(months: -policy.r1MonthsBeforeRelease)
    }

    /// A release date no later than every release whose action is due by
    /// `date` (`due(releaseDate:) <= date` implies `releaseDate <=` this):
    /// the store's SQL bound. Clipping to the month's end moves a due date
    /// back by up to three days (31 August − 6 months = 28 February), so
    /// three days are allowed.
    public static func latestRelease(dueBy date: LocalDate, policy: Policy) -> LocalDate {
        date.adding(months: policy.r1MonthsBeforeRelease).adding(days: 3)
    }

    static func action(for candidate: Candidate, policy: Policy) -> Action? {
        let extractCase = candidate.extractCase
        guard !extractCase.hasNominal,
              applies(category: extractCase.category, level: extractCase.level, releaseDate: candidate.releaseDate),
              let release = candidate.releaseDate else { return nil }
        return extractCase.createAction(.r1, due: due(releaseDate: release, policy: policy),
                                        detail: "release \(release.iso)")
    }
}
