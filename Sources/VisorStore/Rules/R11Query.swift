import VisorDomain
import VisorRegister

/// R11's candidates: active nominals at level 2 or 3 (few), with their last
/// MAPP meeting from the side table.
enum R11Query {
    static func candidate(_ row: NominalRow, _ sides: NominalSides, _ context: ScanContext)
        throws(RegisterDamage) -> R11MAPPReview.Candidate? {
        guard row.level.isMultiAgency else { return nil }
        // The side stream is ordered by held date: the last row is the last meeting.
        let last = sides.meetings.last
        return R11MAPPReview.Candidate(
            nominal: row.ruleNominal, level: row.level, lastMeetingHeldOn: last?.held, lastMeetingNextReviewOn: last?.nextReview,
            levelSince: try row.date(.levelSince), mappEntryDate: try row.date(.mappEntryDate),
            createdOn: row.createdOn)
    }
}
