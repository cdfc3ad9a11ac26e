/// What recording a meeting does to the record's R11 duty (records.md: a
/// meeting "meets the MAPP review due on or before the meeting's date").
public struct MeetingOutcome: Hashable, Sendable {
    /// The meeting is now the record's last (none held later), so its next
    /// review date is the one R11 follows from now on.
    public var becomesLastMeeting: Bool
    /// The due date of the MAPP review the meeting meets: the one that was
    /// pending, when it fell due on or before the meeting's date (met on the
    /// day or late). Nil for a meeting held early (it still moves the duty,
    /// see `nextDue`), for a meeting older than the last one recorded, and
    /// for a nominal at level 1, which has no MAPP review duty.
    public var metReviewDue: LocalDate?
    /// R11's due date once the meeting is recorded (nil at level 1).
    public var nextDue: LocalDate?
}

extension NewMeeting {
    /// The outcome of recording this meeting on the nominal R11 sees as
    /// `before` (its last meeting before this one, level and dates). The due
    /// dates come from R11 itself (`R11MAPPReview.due`), so they cannot drift.
    /// A meeting on the same day as the last one becomes the last: it is
    /// the later record of that day.
    public func outcome(before: R11MAPPReview.Candidate, policy: Policy) -> MeetingOutcome {
        let becomesLast = before.lastMeetingHeldOn.map { heldOn >= $0 } ?? true
        guard before.level.isMultiAgency else {
            return MeetingOutcome(becomesLastMeeting: becomesLast, metReviewDue: nil, nextDue: nil)
        }
        let pending = R11MAPPReview.due(for: before, policy: policy)
        guard becomesLast else {
            return MeetingOutcome(becomesLastMeeting: false, metReviewDue: nil, nextDue: pending)
        }
        var after = before
        after.lastMeetingHeldOn = heldOn
        after.lastMeetingNextReviewOn = nextReviewOn
        return MeetingOutcome(becomesLastMeeting: true, metReviewDue: pending <= heldOn ? pending : nil,
                              nextDue: R11MAPPReview.due(for: after, policy: policy))
    }
}
