import GRDB

/// The rules' actions kept in the register (issue 13): a function of the
/// stored data and the policy, maintained by whoever commits, so that no
/// terminal evaluates the nation. Only the state (overdue, due, upcoming)
/// and the horizon depend on the date asked for; they are worked out when
/// read.
///
/// - `kept_action`: one row per action, every due date (no horizon). `part`
///   says what a re-evaluation replaces it by: `nominal` (the rules on one
///   nominal, R9's `missing_case` included), `case` (R1, R2 and R9's
///   discrepancies of one case of a stored extract, keyed by `case_area_id`
///   and `case_crn`), `agency` (R9's "reconcile", R12, R13, R14's sign-ins
///   and R15: the few rows of agencies and users, worked out as of
///   `kept_actions_state.dated_as_of`, since R12 and R13 depend on the date).
/// - `kept_actions_state`: the rules' version and the policy the rows were
///   computed with; a difference, or `complete = 0`, means a rebuild.
/// - `agency_change`: a counter per agency, moved whenever its actions or
///   its partner queue change, so that a terminal learns in one indexed read
///   whether another terminal's commit concerns it.
enum KeptActionsSchema {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("actions: kept in the register") { db in
            try db.execute(sql: """
                CREATE TABLE kept_action (
                    id INTEGER PRIMARY KEY,
                    part TEXT NOT NULL CHECK (part IN ('nominal', 'case', 'agency')),
                    rule INTEGER NOT NULL CHECK (rule BETWEEN 1 AND 16),
                    agency_id INTEGER NOT NULL,
                    user_id INTEGER,
                    nominal_id INTEGER,
                    crn TEXT,
                    pnc_id TEXT,
                    due TEXT NOT NULL CHECK (due GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
                    summary TEXT NOT NULL,
                    case_area_id INTEGER,
                    case_crn TEXT
                );
                CREATE TABLE kept_actions_state (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    rules_version INTEGER NOT NULL,
                    policy TEXT NOT NULL,
                    dated_as_of TEXT,
                    complete INTEGER NOT NULL CHECK (complete IN (0, 1))
                );
                INSERT INTO kept_actions_state (id, rules_version, policy, dated_as_of, complete) VALUES (1, 0, '', NULL, 0);
                CREATE TABLE agency_change (
                    agency_id INTEGER PRIMARY KEY,
                    version INTEGER NOT NULL
                );
                """)
            for index in KeptActionsSchema.indexes { try db.execute(sql: index) }
            // Registers made before the index joined `Schema.bulkIndexes`.
            try db.execute(sql: Schema.firstCreatedIndex.replacingOccurrences(of: "CREATE INDEX",
                                                                               with: "CREATE INDEX IF NOT EXISTS"))
        }
    }

    /// domain.md's order of a list of actions — state (which follows the due
    /// date), due date, rule, CRN (none last), nominal (none last) — as index
    /// columns; the rare ties left (user name, summary) are sorted by SQLite
    /// within each group.
    static let order = "due, rule, crn IS NULL, crn, nominal_id IS NULL, nominal_id"

    /// Dropped during a rebuild and made again after it: building them once is
    /// cheaper than keeping them in step with two million inserts.
    static let indexes = [
        "CREATE INDEX kept_action_in_order ON kept_action(\(order))",
        "CREATE INDEX kept_action_by_agency ON kept_action(agency_id, \(order))",
        "CREATE INDEX kept_action_by_nominal ON kept_action(nominal_id, part, agency_id, due) WHERE nominal_id IS NOT NULL",
        "CREATE INDEX kept_action_by_user ON kept_action(user_id, due) WHERE user_id IS NOT NULL",
        "CREATE INDEX kept_action_by_case ON kept_action(case_area_id, case_crn) WHERE part = 'case'",
        "CREATE INDEX kept_action_of_agencies ON kept_action(part) WHERE part = 'agency'",
    ]

    static let indexNames = indexes.map(Schema.indexName)
}
