import Foundation
import GRDB
import VisorDomain
import VisorRegister

/// What the record's keepers add to it: entries, MAPP meetings, validations and reviews, and
/// annual notifications. Each moves the record's version and re-evaluates its rules.
extension AppDatabase {
    public func addEntry(_ id: NominalID, _ draft: EntryDraft, by user: User) throws(RecordStepError) -> RecordDetail {
        try recordAddition(id, by: user, step: "entry add", draft.requiredPermissions) { db, record, actor, now in
            let restricted = AccessPolicy.access(Viewer(user: actor), to: record.facts, exactMatch: false) == .restricted
            let correctable = Set(try Int64.fetchAll(db, sql: """
                SELECT id FROM entry WHERE nominal_id = ? \(restricted ? "AND released = 1" : "")
                """, arguments: [id]))
            let entry = try draft.validated(today: LondonTime.date(of: now), correctable: correctable)
            try db.execute(sql: """
                INSERT INTO entry (nominal_id, agency_id, author_id, kind, text, grading, released, created_at, entry_date,
                                   corrects_entry_id, rosh)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [id, actor.agencyID, actor.id, entry.kind.rawValue, entry.text, entry.grading?.stored,
                                 entry.released, now, entry.date, entry.corrects,
                                 entry.rosh.map { $0.pieces.joined(separator: " ") }])
            let entryID = db.lastInsertedRowID
            let assessed = entry.applied(to: record.nominal)
            if assessed != record.nominal {
                try KeptRecords.save(db, assessed, was: record, aliases: nil, at: now, by: actor)
            } else {
                try KeptRecords.touch(db, id, at: now, by: actor)
            }
            var detail = "entry \(entryID): \(entry.kind.rawValue) of \(entry.date.iso)"
            if entry.released { detail += ", released to restricted partners" }
            if let grading = entry.grading { detail += ", graded \(grading.source.rawValue)\(grading.assessment.rawValue)\(grading.handling.rawValue)" }
            if let corrects = entry.corrects { detail += ", correcting entry \(corrects)" }
            if let change = entry.roshChange(on: record.nominal) {
                detail += "; rosh_level: \(record.nominal.rosh?.rawValue ?? "(none)") → \(change.level.rawValue)"
            }
            return (.addEntry, detail)
        }
    }

    public func addMeeting(_ id: NominalID, _ draft: MeetingDraft, by user: User, policy: Policy)
        throws(RecordStepError) -> RecordDetail {
        try recordAddition(id, by: user, step: "meeting add", [.addMeeting]) { db, record, actor, now in
            let meeting = try draft.validated(today: LondonTime.date(of: now), dateOfBirth: record.nominal.dateOfBirth,
                                              agencies: try KeptRecords.agencyIndex(db), policy: policy)
            try db.execute(sql: """
                INSERT INTO mapp_meeting (nominal_id, held_on, level, minutes, plan, next_review_on, recorded_by, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [id, meeting.heldOn, meeting.level.rawValue, meeting.minutes, meeting.plan,
                                 meeting.nextReviewOn, actor.id, now])
            let meetingID = db.lastInsertedRowID
            for agency in meeting.attendeeAgencyIDs {
                try db.execute(sql: "INSERT INTO meeting_attendee (meeting_id, agency_id) VALUES (?, ?)",
                               arguments: [meetingID, agency])
            }
            try KeptRecords.touch(db, id, at: now, by: actor)
            return (.addMeeting, "meeting \(meetingID): level \(meeting.level.rawValue) held \(meeting.heldOn.iso), "
                        + "next review \(meeting.nextReviewOn.iso)")
        }
    }

    public func checkRecord(_ id: NominalID, _ draft: RecordCheckDraft, by user: User, policy: Policy)
        throws(RecordStepError) -> RecordDetail {
        let step = draft.kind == .validation ? "record validate" : "record review"
        return try recordAddition(id, by: user, step: step, [draft.permission]) { db, record, actor, now in
            let candidate = try R10Candidate.read(db, record)
            let today = LondonTime.date(of: now)
            let outcome = try draft.outcome(record: candidate, by: actor.id, today: today, policy: policy)
            try db.execute(sql: """
                INSERT INTO record_check (nominal_id, kind, checked_on, by_user_id, note, checked_at) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [id, draft.kind.rawValue, today, actor.id, outcome.note, now])
            try KeptRecords.touch(db, id, at: now, by: actor)
            return (draft.kind == .validation ? .validateRecord : .reviewRecord,
                    "\(draft.kind.rawValue); next review due \(outcome.nextReviewDue.iso)"
                        + (outcome.note.map { ": \($0)" } ?? ""))
        }
    }

    public func recordNotification(_ id: NominalID, _ draft: NotificationDraft, by user: User, policy: Policy)
        throws(RecordStepError) -> RecordDetail {
        try recordAddition(id, by: user, step: "notification record", [.recordNotification]) { db, record, actor, now in
            let outcome = try draft.outcome(on: record.nominal, today: LondonTime.date(of: now), policy: policy)
            try db.execute(sql: """
                INSERT INTO notification (nominal_id, notified_on, recorded_by, recorded_at) VALUES (?, ?, ?, ?)
                """, arguments: [id, outcome.lastNotification, actor.id, now])
            var notified = record.nominal
            notified.lastNotification = outcome.lastNotification
            try KeptRecords.save(db, notified, was: record, aliases: nil, at: now, by: actor)
            return (.recordNotification,
                    "last_notification_date: \(record.nominal.lastNotification?.iso ?? "(none)") → "
                        + "\(outcome.lastNotification.iso); next due \(outcome.nextDue.iso)")
        }
    }

    /// A step that adds to record `id`: the record read if the acting user may do each of
    /// `permissions` to it, its actions marked for re-evaluation, `body`'s addition, the audit event
    /// `body` names, and the record as the user now sees it — all in the step's one transaction.
    private func recordAddition(_ id: NominalID, by user: User, step: String, _ permissions: [RecordPermission],
                                _ body: (Database, KeptRecord, User, Date) throws -> (AuditEvent.Action, String))
        throws(RecordStepError) -> RecordDetail {
        try recordStep(by: user, step: step, nominal: id) { db, kept, actor, now in
            let viewer = Viewer(user: actor)
            let record = try KeptRecords.permitted(db, id, to: viewer, permissions)
            try kept.touch(db, nominals: [id])
            let (action, detail) = try body(db, record, actor, now)
            try AuditLog.append(db, at: now, actor: .user(actor), action: action, nominalID: id, detail: detail)
            return try RecordSheet.read(db, id, viewer: viewer)
        }
    }
}

/// R10's view of a record for the write side: its checks, each marked as made by a supervisor of
/// the owner agency on the day or not (as the rules' scan marks them).
enum R10Candidate {
    static func read(_ db: Database, _ record: KeptRecord) throws -> R10ValidateAndReview.Candidate {
        let owner = record.nominal.ownerAgencyID
        let checks = try Row.fetchAll(db, sql: """
            SELECT c.kind, c.checked_on, c.by_user_id,
                   EXISTS (SELECT 1 FROM user_account u JOIN user_role r ON r.user_id = u.id
                           WHERE u.id = c.by_user_id AND u.agency_id = ? AND r.role = 'supervisor'
                             AND r.granted_on <= c.checked_on AND (r.revoked_on IS NULL OR r.revoked_on > c.checked_on))
                       AS by_supervisor
            FROM record_check c WHERE c.nominal_id = ? ORDER BY c.checked_on, c.id
            """, arguments: [owner, record.id]).map {
            R10ValidateAndReview.Check(kind: $0["kind"], checkedOn: $0["checked_on"], byUserID: $0["by_user_id"],
                                       bySupervisor: $0["by_supervisor"])
        }
        return R10ValidateAndReview.Candidate(
            nominal: RuleNominal(record.nominal), level: record.nominal.level, createdOn: record.nominal.createdOn,
            createdByUserID: record.nominal.createdByUserID, checks: checks)
    }
}
