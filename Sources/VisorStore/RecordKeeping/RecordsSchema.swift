import GRDB

/// The write side of records.md: a version on each nominal (optimistic concurrency), the history of
/// category, level and custody, and tables for what a record's keepers add to it — transfers,
/// notifications, meeting attendees, the notes of validations and reviews, and the dates, grading,
/// RoSH levels and corrections of entries. Every table holds strict CHECKs; the columns added to
/// the first version's tables are checked by triggers on insert (SQLite cannot add a CHECK to a
/// table in place, and rebuilding `entry` would cost an upgrade minutes at a million nominals).
/// Existing rows keep their data: every added column has a default or is nullable.
enum RecordsSchema {
    static let iso = "GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'"

    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("records: the write side") { db in
            try db.execute(sql: nominalColumns + history + entryColumns + meetingColumns + checkColumns
                + notifications + transfers)
        }
    }

    private static let nominalColumns = """
        ALTER TABLE nominal ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);
        ALTER TABLE nominal ADD COLUMN updated_by INTEGER REFERENCES user_account(id);
        ALTER TABLE nominal ADD COLUMN archive_reason TEXT CHECK (archive_reason IS NULL OR archive_reason <> '');

        """

    private static let history = """
        CREATE TABLE nominal_history (
            id INTEGER PRIMARY KEY,
            nominal_id INTEGER NOT NULL REFERENCES nominal(id),
            field TEXT NOT NULL CHECK (field IN ('mappa_category', 'mappa_level', 'custody_status', 'establishment',
                                                 'custody_start_date', 'release_date', 'release_date_type',
                                                 'managing_unit', 'lifecycle')),
            old_value TEXT,
            new_value TEXT,
            changed_on TEXT NOT NULL CHECK (changed_on \(iso)),
            changed_at TEXT NOT NULL,
            changed_by INTEGER REFERENCES user_account(id),
            CHECK (old_value IS NOT new_value)
        );
        CREATE INDEX nominal_history_by_nominal ON nominal_history(nominal_id, id);

        """

    private static let entryColumns = """
        ALTER TABLE entry ADD COLUMN entry_date TEXT;
        ALTER TABLE entry ADD COLUMN corrects_entry_id INTEGER REFERENCES entry(id);
        ALTER TABLE entry ADD COLUMN rosh TEXT;
        CREATE TRIGGER entry_checks BEFORE INSERT ON entry
        BEGIN
            SELECT RAISE(ABORT, 'entry: text over 20000 characters') WHERE length(NEW.text) > 20000;
            SELECT RAISE(ABORT, 'entry: date is not YYYY-MM-DD')
             WHERE NEW.entry_date IS NOT NULL AND NOT (NEW.entry_date \(iso));
            SELECT RAISE(ABORT, 'entry: only intelligence is graded, and intelligence is')
             WHERE NEW.entry_date IS NOT NULL
               AND ((NEW.kind = 'intelligence') <> (NEW.grading IS NOT NULL)
                    OR (NEW.grading IS NOT NULL AND NOT (NEW.grading GLOB '[1-3][A-E]-P'
                                                         OR NEW.grading GLOB '[1-3][A-E]-C: ?*')));
            SELECT RAISE(ABORT, 'entry: only a risk assessment carries RoSH levels, and it does')
             WHERE NEW.entry_date IS NOT NULL AND (NEW.kind = 'risk_assessment') <> (NEW.rosh IS NOT NULL);
            SELECT RAISE(ABORT, 'entry: corrects an entry of another nominal')
             WHERE NEW.corrects_entry_id IS NOT NULL
               AND NOT EXISTS (SELECT 1 FROM entry c WHERE c.id = NEW.corrects_entry_id AND c.nominal_id = NEW.nominal_id);
        END;
        CREATE TRIGGER entry_never_changes BEFORE UPDATE ON entry
        BEGIN SELECT RAISE(ABORT, 'an entry is never edited: a correction is a new entry'); END;
        CREATE TRIGGER entry_never_deleted BEFORE DELETE ON entry
        BEGIN SELECT RAISE(ABORT, 'an entry is never deleted: a correction is a new entry'); END;

        """

    private static let meetingColumns = """
        ALTER TABLE mapp_meeting ADD COLUMN recorded_by INTEGER REFERENCES user_account(id);
        ALTER TABLE mapp_meeting ADD COLUMN recorded_at TEXT;
        CREATE TRIGGER mapp_meeting_checks BEFORE INSERT ON mapp_meeting
        BEGIN
            SELECT RAISE(ABORT, 'mapp_meeting: minutes and plan are 1 to 20000 characters')
             WHERE NEW.recorded_at IS NOT NULL
               AND (length(NEW.minutes) NOT BETWEEN 1 AND 20000 OR length(NEW.plan) NOT BETWEEN 1 AND 20000);
            SELECT RAISE(ABORT, 'mapp_meeting: a next review date is required')
             WHERE NEW.recorded_at IS NOT NULL AND NEW.next_review_on IS NULL;
        END;
        CREATE TABLE meeting_attendee (
            meeting_id INTEGER NOT NULL REFERENCES mapp_meeting(id),
            agency_id INTEGER NOT NULL REFERENCES agency(id),
            PRIMARY KEY (meeting_id, agency_id)
        ) WITHOUT ROWID;

        """

    private static let checkColumns = """
        ALTER TABLE record_check ADD COLUMN note TEXT CHECK (note IS NULL OR length(note) BETWEEN 1 AND 2000);
        ALTER TABLE record_check ADD COLUMN checked_at TEXT;

        """

    private static let notifications = """
        CREATE TABLE notification (
            id INTEGER PRIMARY KEY,
            nominal_id INTEGER NOT NULL REFERENCES nominal(id),
            notified_on TEXT NOT NULL CHECK (notified_on \(iso)),
            recorded_by INTEGER NOT NULL REFERENCES user_account(id),
            recorded_at TEXT NOT NULL
        );
        CREATE INDEX notification_by_nominal ON notification(nominal_id, notified_on);

        """

    private static let transfers = """
        CREATE TABLE nominal_transfer (
            id INTEGER PRIMARY KEY,
            nominal_id INTEGER NOT NULL REFERENCES nominal(id),
            from_agency_id INTEGER NOT NULL REFERENCES agency(id),
            to_agency_id INTEGER NOT NULL REFERENCES agency(id),
            keep_partner INTEGER NOT NULL CHECK (keep_partner = 0 OR keep_partner = 1),
            state TEXT NOT NULL DEFAULT 'pending' CHECK (state = 'pending' OR state = 'accepted' OR state = 'declined'),
            proposed_by INTEGER NOT NULL REFERENCES user_account(id),
            proposed_at TEXT NOT NULL,
            decided_by INTEGER REFERENCES user_account(id),
            decided_at TEXT,
            reason TEXT,
            CHECK (from_agency_id <> to_agency_id),
            CHECK ((state = 'pending') = (decided_at IS NULL)),
            CHECK (state <> 'declined' OR (reason IS NOT NULL AND reason <> ''))
        );
        CREATE UNIQUE INDEX nominal_transfer_pending ON nominal_transfer(nominal_id) WHERE state = 'pending';
        CREATE INDEX nominal_transfer_pending_to ON nominal_transfer(to_agency_id, proposed_at) WHERE state = 'pending';
        """
}
