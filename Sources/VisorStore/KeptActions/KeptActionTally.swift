import GRDB

/// How many kept actions each agency has per rule and due date, kept in step with `kept_action` by
/// triggers: what the actions pane's counts and the status line's `N overdue` read after every
/// commit. London's 114,000 actions at a million nominals are 2,500 rows here, so each terminal
/// sums a page of the tally where it grouped the agency's every action (20 ms per terminal per
/// commit, every terminal of the agency).
enum KeptActionTally {
    static let triggers = [
        """
        CREATE TRIGGER kept_action_tally_insert AFTER INSERT ON kept_action
        BEGIN
            INSERT INTO kept_action_tally (agency_id, due, rule, n) VALUES (NEW.agency_id, NEW.due, NEW.rule, 1)
            ON CONFLICT (agency_id, due, rule) DO UPDATE SET n = n + 1;
        END
        """,
        """
        CREATE TRIGGER kept_action_tally_delete AFTER DELETE ON kept_action
        BEGIN
            DELETE FROM kept_action_tally
             WHERE agency_id = OLD.agency_id AND due = OLD.due AND rule = OLD.rule AND n = 1;
            UPDATE kept_action_tally SET n = n - 1
             WHERE agency_id = OLD.agency_id AND due = OLD.due AND rule = OLD.rule;
        END
        """,
        """
        CREATE TRIGGER kept_action_unchanged BEFORE UPDATE ON kept_action
        BEGIN SELECT RAISE(ABORT, 'a kept action is replaced, never updated: the tally counts inserts and deletes'); END
        """,
    ]

    static let triggerNames = ["kept_action_tally_insert", "kept_action_tally_delete", "kept_action_unchanged"]

    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("actions: a tally by agency, due date and rule") { db in
            try db.execute(sql: """
                CREATE TABLE kept_action_tally (
                    agency_id INTEGER NOT NULL,
                    due TEXT NOT NULL,
                    rule INTEGER NOT NULL,
                    n INTEGER NOT NULL CHECK (n > 0),
                    PRIMARY KEY (agency_id, due, rule)
                ) WITHOUT ROWID
                """)
            try recount(db)
            for trigger in triggers { try db.execute(sql: trigger) }
        }
    }

    /// Counts the tally again from the kept actions (a rebuild writes them with the triggers off).
    static func recount(_ db: Database) throws {
        try db.execute(sql: """
            DELETE FROM kept_action_tally;
            INSERT INTO kept_action_tally (agency_id, due, rule, n)
                SELECT agency_id, due, rule, count(*) FROM kept_action GROUP BY agency_id, due, rule;
            """)
    }

    /// Runs `body` (a rebuild's million inserts) without the per-row triggers, then counts afresh.
    static func withoutTriggers(_ db: Database, _ body: () throws -> Void) throws {
        for name in triggerNames { try db.execute(sql: "DROP TRIGGER IF EXISTS \(name)") }
        try body()
        try recount(db)
        for trigger in triggers { try db.execute(sql: trigger) }
    }
}
