import Testing
@testable import VisorDomain

/// MAPP meetings (records.md, R11), validated at 2026-11-25.
@Suite("MAPP meeting draft")
struct MeetingDraftTests {
    typealias F = RecordFixture
    static let dob = RecordFixture.day("1979-06-14")

    static func draft(date: String = "2026-11-20", level: String = "2", attendees: [String] = [],
                      minutes: String = "Risk reviewed.", plan: String = "Curfew maintained.",
                      nextReview: String = "") -> MeetingDraft {
        MeetingDraft(date: date, level: level, attendees: attendees, minutes: minutes, plan: plan,
                     nextReview: nextReview)
    }

    static func meeting(_ draft: MeetingDraft) throws(FieldErrors) -> NewMeeting {
        try draft.validated(today: F.today, dateOfBirth: dob, agencies: F.agencies, policy: F.policy)
    }

    static func errors(_ draft: MeetingDraft, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        fieldErrorsDescription(sourceLocation: sourceLocation) { () throws(FieldErrors) in try meeting(draft) }
    }

    @Test("a meeting with its attendees, minutes and plan; agencies of any kind, each once")
    func good() throws {
        let meeting = try Self.meeting(Self.draft(attendees: ["HMP Belmarsh", "metropolitan police service",
                                                              "London", "HMP Belmarsh"],
                                                  minutes: "Level 2 meeting.\nRelease plan agreed.",
                                                  nextReview: "2027-01-15"))
        #expect(meeting.heldOn == F.day("2026-11-20") && meeting.level == .two)
        #expect(meeting.attendeeAgencyIDs == [F.belmarsh, F.met, F.london])
        #expect(meeting.minutes == "Level 2 meeting.\nRelease plan agreed.")
        #expect(meeting.nextReviewOn == F.day("2027-01-15"))
    }

    @Test("the default next review is R11's: 16 weeks after the meeting at level 2, 8 at level 3", arguments: [
        ("2", "2026-11-20", "2027-03-12"),
        ("3", "2026-11-20", "2027-01-15"),
        ("2", "2024-02-29", "2024-06-20"),
        ("3", "2025-12-31", "2026-02-25"),
        ("3", "2026-11-25", "2027-01-20"),
    ])
    func defaultNextReview(level: String, date: String, expected: String) throws {
        #expect(try Self.meeting(Self.draft(date: date, level: level)).nextReviewOn == F.day(expected))
    }

    @Test("the policy's intervals are the ones used")
    func policyWeeks() throws {
        var policy = Policy()
        policy.r11ReviewWeeksLevel2 = 4
        let meeting = try Self.draft().validated(today: F.today, dateOfBirth: Self.dob, agencies: F.agencies,
                                                 policy: policy)
        #expect(meeting.nextReviewOn == F.day("2026-12-18"))
    }

    @Test("a meeting held today is recorded; the next review may be the day after it")
    func boundaries() throws {
        let meeting = try Self.meeting(Self.draft(date: "2026-11-25", nextReview: "2026-11-26"))
        #expect(meeting.heldOn == F.today && meeting.nextReviewOn == F.day("2026-11-26"))
    }

    @Test("each bad field is refused, naming the field and the value", arguments: [
        (MeetingDraftTests.draft(level: "1"), "level: 1: must be 2 or 3: a level 1 case is not managed through MAPP meetings (R11)"),
        (MeetingDraftTests.draft(level: "4"), "level: 4: must be 2 or 3"),
        (MeetingDraftTests.draft(level: ""), "level: : required (2 or 3)"),
        (MeetingDraftTests.draft(date: "2026-11-26"), "date: 2026-11-26: is in the future"),
        (MeetingDraftTests.draft(date: ""), "date: : required"),
        (MeetingDraftTests.draft(date: "1979-06-13"), "date: 1979-06-13: is before the date of birth (1979-06-14)"),
        (MeetingDraftTests.draft(date: "2026-02-29"), "date: 2026-02-29: not a real calendar date"),
        (MeetingDraftTests.draft(nextReview: "2026-11-19"), "next_review: 2026-11-19: must be after the meeting (2026-11-20)"),
        (MeetingDraftTests.draft(nextReview: "2026-11-20"), "next_review: 2026-11-20: must be after the meeting (2026-11-20)"),
        (MeetingDraftTests.draft(nextReview: "soon"), "next_review: soon: not an ISO date (YYYY-MM-DD)"),
        (MeetingDraftTests.draft(attendees: ["Atlantis"]), "agency: Atlantis: unknown agency"),
        (MeetingDraftTests.draft(minutes: ""), "minutes: : required"),
        (MeetingDraftTests.draft(plan: "tab\there"), "plan: tab\\there: control characters are not allowed (\\t at character 4)"),
        (MeetingDraftTests.draft(minutes: String(repeating: "m", count: 20_001)),
         "minutes: \(String(repeating: "m", count: 60)): too long (20001 characters, at most 20000)"),
    ])
    func refused(draft: MeetingDraft, expected: String) {
        #expect(Self.errors(draft) == expected)
    }

    @Test("every field's error at once, in the form's order")
    func allErrors() {
        let draft = Self.draft(date: "2027-01-01", level: "1", attendees: ["Nowhere"], minutes: "", plan: "")
        #expect(Self.errors(draft).split(separator: "\n").map { $0.prefix { $0 != ":" } }
            == ["date", "level", "agency", "minutes", "plan"])
    }
}
