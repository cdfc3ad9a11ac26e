import GRDB

/// The register's schema, built by migrations from an empty file. The schema
/// itself refuses bad data (NOT NULL, CHECK, foreign keys, unique identifiers)
/// so that a bug elsewhere cannot store an invalid category or a duplicate CRN.
package enum Schema {
    /// `PRAGMA application_id` of every Visor database ("VISR").
    static let applicationID: Int32 = 0x5649_5352

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1 register") { db in
            try db.execute(sql: v1)
            try db.execute(sql: v1Indexes)
            try db.execute(sql: auditTriggers)
        }
        RulesSchema.register(in: &migrator)
        PartnersSchema.register(in: &migrator)
        AuditChainSchema.register(in: &migrator)
        PolicySchema.register(in: &migrator)
        KeptActionsSchema.register(in: &migrator)
        PartnersSchema.registerOwner(in: &migrator)
        RecordsSchema.register(in: &migrator)
        KeptActionTally.register(in: &migrator)
        ListChange.register(in: &migrator)
        return migrator
    }

    /// `column = a OR column = b …`: SQLite evaluates a CHECK's `IN (…)` list
    /// of three or more values through a temporary table on every row, which
    /// made constraint checking most of an import's cost (measured).
    private static func oneOf(_ column: String, _ values: Any...) -> String {
        values.map { value in
            if let text = value as? String { return "\(column) = '\(text)'" }
            return "\(column) = \(value)"
        }.joined(separator: " OR ")
    }

    /// A date's shape, `YYYY-MM-DD`: enough to refuse a timestamp, a day-first
    /// date or a number, which would break the text comparisons the rules rely
    /// on. Every date is written from a `LocalDate`, so the digits are not
    /// checked one by one: ten dates per row with digit classes were an eighth
    /// of a bulk import's writing (measured).
    private static let iso = "GLOB '????-??-??'"

    private static let v1 = """
    CREATE TABLE meta (
        key TEXT PRIMARY KEY NOT NULL,
        value TEXT NOT NULL
    ) WITHOUT ROWID;

    CREATE TABLE agency (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (\(oneOf("kind", "police", "probation", "prison"))),
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        match_key TEXT NOT NULL CHECK (match_key <> ''),
        created_on TEXT NOT NULL CHECK (created_on \(iso)),
        UNIQUE (kind, match_key)
    );

    CREATE TABLE user_account (
        id INTEGER PRIMARY KEY,
        username TEXT NOT NULL UNIQUE CHECK (length(username) BETWEEN 1 AND 64),
        full_name TEXT NOT NULL CHECK (full_name <> ''),
        agency_id INTEGER NOT NULL REFERENCES agency(id),
        staff_id TEXT UNIQUE CHECK (staff_id IS NULL OR staff_id <> ''),
        password_hash TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 1 CHECK (\(oneOf("active", 0, 1))),
        created_at TEXT NOT NULL,
        created_on TEXT NOT NULL CHECK (created_on \(iso)),
        disabled_on TEXT CHECK (disabled_on IS NULL OR disabled_on \(iso)),
        acknowledged_at TEXT,
        last_sign_in_at TEXT,
        last_sign_in_on TEXT CHECK (last_sign_in_on IS NULL OR last_sign_in_on \(iso)),
        failed_sign_ins INTEGER NOT NULL DEFAULT 0 CHECK (failed_sign_ins >= 0),
        locked_until TEXT
    );

    CREATE TABLE user_role (
        user_id INTEGER NOT NULL REFERENCES user_account(id),
        role TEXT NOT NULL CHECK (\(oneOf("role", "offender_manager", "supervisor", "spo", "cpc", "deputy_cpc", "administrator", "account_creator", "trainer", "partner_user"))),
        granted_on TEXT NOT NULL CHECK (granted_on \(iso)),
        revoked_on TEXT CHECK (revoked_on IS NULL OR revoked_on >= granted_on),
        PRIMARY KEY (user_id, role, granted_on)
    ) WITHOUT ROWID;

    CREATE TABLE clearance (
        id INTEGER PRIMARY KEY,
        user_id INTEGER NOT NULL REFERENCES user_account(id),
        kind TEXT NOT NULL CHECK (\(oneOf("kind", "SC", "DV", "NPPV2", "NPPV3", "BSC_CRB"))),
        granted_on TEXT NOT NULL CHECK (granted_on \(iso)),
        expires_on TEXT NOT NULL CHECK (expires_on \(iso) AND expires_on >= granted_on)
    );

    CREATE TABLE nominal (
        id INTEGER PRIMARY KEY,
        surname TEXT NOT NULL CHECK (surname <> ''),
        forenames TEXT NOT NULL CHECK (forenames <> ''),
        sort_key TEXT NOT NULL,
        date_of_birth TEXT NOT NULL CHECK (date_of_birth \(iso)),
        gender TEXT NOT NULL CHECK (\(oneOf("gender", "M", "F", "X", "U"))),
        ethnicity TEXT CHECK (ethnicity GLOB '[WM][1-4]' OR ethnicity GLOB 'A[1-5]' OR ethnicity GLOB 'B[1-3]' OR ethnicity GLOB 'O[12]' OR ethnicity = 'NS'),
        pnc_id TEXT CHECK (pnc_id GLOB '[0-9][0-9][0-9][0-9]/[0-9][0-9][0-9][0-9][0-9][0-9][0-9][A-Z]'),
        cro_number TEXT CHECK (cro_number GLOB '[0-9][0-9][0-9][0-9][0-9][0-9]/[0-9][0-9][A-Z]'),
        noms_number TEXT CHECK (noms_number GLOB '[A-Z][0-9][0-9][0-9][0-9][A-Z][A-Z]'),
        crn TEXT CHECK (crn GLOB '[A-Z][0-9][0-9][0-9][0-9][0-9][0-9]'),
        mappa_category INTEGER NOT NULL CHECK (\(oneOf("mappa_category", 1, 2, 3, 4))),
        mappa_level INTEGER NOT NULL CHECK (\(oneOf("mappa_level", 1, 2, 3))),
        level_since TEXT CHECK (level_since IS NULL OR level_since \(iso)),
        owner_agency_id INTEGER NOT NULL REFERENCES agency(id),
        manager_user_id INTEGER REFERENCES user_account(id),
        manager_assigned_on TEXT CHECK (manager_assigned_on IS NULL OR manager_assigned_on \(iso)),
        manager_staff_id TEXT,
        custody_status TEXT NOT NULL CHECK (\(oneOf("custody_status", "in_custody", "community"))),
        establishment_id INTEGER REFERENCES agency(id),
        custody_start TEXT CHECK (custody_start IS NULL OR custody_start \(iso)),
        release_date TEXT CHECK (release_date IS NULL OR release_date \(iso)),
        release_date_type TEXT CHECK (\(oneOf("release_date_type", "actual", "potential"))),
        mapp_entry_date TEXT CHECK (mapp_entry_date IS NULL OR mapp_entry_date \(iso)),
        order_type TEXT NOT NULL CHECK (\(oneOf("order_type", "licence", "community_order", "none"))),
        home_force_id INTEGER REFERENCES agency(id),
        probation_area_id INTEGER REFERENCES agency(id),
        rosh_level TEXT CHECK (\(oneOf("rosh_level", "low", "medium", "high", "very_high"))),
        rosh_date TEXT CHECK (rosh_date IS NULL OR rosh_date \(iso)),
        last_notification TEXT CHECK (last_notification IS NULL OR last_notification \(iso)),
        lifecycle TEXT NOT NULL DEFAULT 'active' CHECK (\(oneOf("lifecycle", "active", "archived"))),
        source TEXT NOT NULL CHECK (\(oneOf("source", "entered", "imported", "demo"))),
        created_on TEXT NOT NULL CHECK (created_on \(iso)),
        created_by INTEGER REFERENCES user_account(id),
        duty_changed_on TEXT NOT NULL CHECK (duty_changed_on \(iso)),
        updated_at TEXT NOT NULL,
        CHECK (mappa_category <> 3 OR mappa_level >= 2),
        CHECK ((release_date IS NULL) = (release_date_type IS NULL)),
        CHECK ((rosh_level IS NULL) OR (rosh_date IS NOT NULL))
    );

    CREATE TABLE nominal_alias (
        id INTEGER PRIMARY KEY,
        nominal_id INTEGER NOT NULL REFERENCES nominal(id) ON DELETE CASCADE,
        surname TEXT NOT NULL CHECK (surname <> ''),
        forenames TEXT NOT NULL DEFAULT ''
    );

    -- Folded name words (NameFolding) of surnames, forenames and aliases: the
    -- search index. Prefix search is a range scan on `key`.
    CREATE TABLE name_key (
        nominal_id INTEGER NOT NULL REFERENCES nominal(id) ON DELETE CASCADE,
        key TEXT NOT NULL CHECK (key <> '')
    );

    CREATE TABLE partnership (
        id INTEGER PRIMARY KEY,
        nominal_id INTEGER NOT NULL REFERENCES nominal(id),
        agency_id INTEGER NOT NULL REFERENCES agency(id),
        restricted INTEGER NOT NULL CHECK (\(oneOf("restricted", 0, 1))),
        state TEXT NOT NULL CHECK (\(oneOf("state", "active", "ended"))),
        started_at TEXT NOT NULL,
        started_by INTEGER REFERENCES user_account(id),
        ended_at TEXT,
        ended_on TEXT CHECK (ended_on IS NULL OR ended_on \(iso)),
        ended_by INTEGER REFERENCES user_account(id),
        reason TEXT,
        CHECK ((state = 'ended') = (ended_at IS NOT NULL))
    );

    CREATE TABLE partner_request (
        id INTEGER PRIMARY KEY,
        nominal_id INTEGER NOT NULL REFERENCES nominal(id),
        requesting_agency_id INTEGER NOT NULL REFERENCES agency(id),
        requested_by INTEGER REFERENCES user_account(id),
        requested_at TEXT NOT NULL,
        requested_on TEXT NOT NULL CHECK (requested_on \(iso)),
        reason TEXT NOT NULL CHECK (reason <> ''),
        state TEXT NOT NULL DEFAULT 'pending' CHECK (\(oneOf("state", "pending", "accepted", "declined", "withdrawn"))),
        restricted INTEGER NOT NULL DEFAULT 0 CHECK (\(oneOf("restricted", 0, 1))),
        decided_by INTEGER REFERENCES user_account(id),
        decided_at TEXT,
        decision_reason TEXT,
        CHECK ((state = 'pending') = (decided_at IS NULL)),
        CHECK (state <> 'declined' OR (decision_reason IS NOT NULL AND decision_reason <> ''))
    );

    CREATE TABLE entry (
        id INTEGER PRIMARY KEY,
        nominal_id INTEGER NOT NULL REFERENCES nominal(id),
        agency_id INTEGER NOT NULL REFERENCES agency(id),
        author_id INTEGER REFERENCES user_account(id),
        kind TEXT NOT NULL CHECK (\(oneOf("kind", "information", "intelligence", "risk_assessment", "risk_management_plan", "mapp_minutes", "contact", "note"))),
        text TEXT NOT NULL CHECK (text <> ''),
        grading TEXT,
        released INTEGER NOT NULL DEFAULT 0 CHECK (\(oneOf("released", 0, 1))),
        created_at TEXT NOT NULL
    );

    CREATE TABLE mapp_meeting (
        id INTEGER PRIMARY KEY,
        nominal_id INTEGER NOT NULL REFERENCES nominal(id),
        held_on TEXT NOT NULL CHECK (held_on \(iso)),
        level INTEGER NOT NULL CHECK (\(oneOf("level", 2, 3))),
        minutes TEXT NOT NULL,
        plan TEXT NOT NULL,
        next_review_on TEXT CHECK (next_review_on IS NULL OR next_review_on > held_on)
    );

    CREATE TABLE record_check (
        id INTEGER PRIMARY KEY,
        nominal_id INTEGER NOT NULL REFERENCES nominal(id),
        kind TEXT NOT NULL CHECK (\(oneOf("kind", "validation", "review"))),
        checked_on TEXT NOT NULL CHECK (checked_on \(iso)),
        by_user_id INTEGER NOT NULL REFERENCES user_account(id)
    );

    -- The last time each user opened each record (R14), kept apart from the
    -- audit trail so the rule reads one row instead of scanning history.
    CREATE TABLE record_view (
        nominal_id INTEGER NOT NULL REFERENCES nominal(id),
        user_id INTEGER NOT NULL REFERENCES user_account(id),
        last_viewed_on TEXT NOT NULL CHECK (last_viewed_on \(iso)),
        PRIMARY KEY (nominal_id, user_id)
    ) WITHOUT ROWID;

    -- Each probation area's latest local case extract (`visor reconcile`).
    CREATE TABLE extract_snapshot (
        id INTEGER PRIMARY KEY,
        area_id INTEGER NOT NULL UNIQUE REFERENCES agency(id),
        file_name TEXT NOT NULL,
        reconciled_at TEXT NOT NULL,
        reconciled_on TEXT NOT NULL CHECK (reconciled_on \(iso)),
        reconciled_by INTEGER REFERENCES user_account(id),
        case_count INTEGER NOT NULL CHECK (case_count >= 0)
    );

    CREATE TABLE extract_case (
        snapshot_id INTEGER NOT NULL REFERENCES extract_snapshot(id) ON DELETE CASCADE,
        line INTEGER NOT NULL,
        crn TEXT NOT NULL,
        pnc_id TEXT,
        surname TEXT NOT NULL,
        forenames TEXT NOT NULL,
        date_of_birth TEXT NOT NULL,
        mappa_category INTEGER NOT NULL CHECK (\(oneOf("mappa_category", 1, 2, 3, 4))),
        mappa_level INTEGER NOT NULL CHECK (\(oneOf("mappa_level", 1, 2, 3))),
        custody_status TEXT NOT NULL CHECK (\(oneOf("custody_status", "in_custody", "community"))),
        release_date TEXT,
        mapp_entry_date TEXT,
        offender_manager TEXT,
        PRIMARY KEY (snapshot_id, crn)
    ) WITHOUT ROWID;

    CREATE TABLE audit_event (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        user_id INTEGER REFERENCES user_account(id),
        os_user TEXT,
        action TEXT NOT NULL,
        nominal_id INTEGER,
        detail TEXT NOT NULL DEFAULT '',
        CHECK (user_id IS NOT NULL OR os_user IS NOT NULL)
    );
    """

    /// Indexes a bulk import may drop and rebuild: building an index from
    /// sorted rows is several times faster than maintaining it row by row.
    /// Each costs about a second per million nominals to build, so the list's
    /// low-cardinality orders (category and level, custody) have none: they
    /// page through each group in name order (see `NominalListQuery`).
    /// The identifier indexes: unique, and needed to match rows to nominals, so
    /// an import drops them only when the register holds no nominal yet.
    package static let identifierIndexes: [String] = [
        "CREATE UNIQUE INDEX nominal_by_crn ON nominal(crn) WHERE crn IS NOT NULL",
        "CREATE UNIQUE INDEX nominal_by_pnc ON nominal(pnc_id) WHERE pnc_id IS NOT NULL",
    ]

    package static let bulkIndexes: [String] = [
        "CREATE INDEX nominal_by_name ON nominal(sort_key, id)",
        "CREATE INDEX nominal_by_dob ON nominal(date_of_birth, id)",
        "CREATE INDEX nominal_by_owner ON nominal(owner_agency_id, sort_key, id)",
        "CREATE INDEX nominal_by_release ON nominal(release_date, id) WHERE release_date IS NOT NULL",
        "CREATE INDEX nominal_by_noms ON nominal(noms_number) WHERE noms_number IS NOT NULL",
        "CREATE INDEX nominal_by_cro ON nominal(cro_number) WHERE cro_number IS NOT NULL",
        "CREATE INDEX name_key_by_key ON name_key(key, nominal_id)",
        firstCreatedIndex,
    ]

    /// R9: an area's first active nominal, for the kept actions' agency part (`KeptAgencyActions`).
    static let firstCreatedIndex =
        "CREATE INDEX nominal_first_created ON nominal(owner_agency_id, created_on) WHERE lifecycle = 'active'"

    /// The name of the index a `bulkIndexes` statement creates.
    package static func indexName(_ statement: String) -> String {
        let words = statement.split(separator: " ")
        let position = words.firstIndex(of: "INDEX").map { $0 + 1 } ?? 2
        return String(words[min(position, words.count - 1)])
    }

    private static let v1Indexes = (identifierIndexes + bulkIndexes).joined(separator: ";\n") + """
    ;
    CREATE INDEX alias_by_nominal ON nominal_alias(nominal_id);
    CREATE UNIQUE INDEX partnership_active ON partnership(nominal_id, agency_id) WHERE state = 'active';
    CREATE INDEX partnership_by_agency ON partnership(agency_id, nominal_id) WHERE state = 'active';
    CREATE UNIQUE INDEX partner_request_pending ON partner_request(nominal_id, requesting_agency_id)
        WHERE state = 'pending';
    CREATE INDEX partner_request_by_nominal ON partner_request(nominal_id, state);
    CREATE INDEX partner_request_by_requester ON partner_request(requesting_agency_id, state);
    CREATE INDEX entry_by_nominal ON entry(nominal_id, created_at);
    CREATE INDEX meeting_by_nominal ON mapp_meeting(nominal_id, held_on);
    CREATE INDEX check_by_nominal ON record_check(nominal_id, checked_on);
    CREATE INDEX clearance_by_user ON clearance(user_id);
    CREATE INDEX user_by_agency ON user_account(agency_id);
    CREATE INDEX extract_case_by_pnc ON extract_case(pnc_id) WHERE pnc_id IS NOT NULL;
    CREATE INDEX extract_case_by_crn ON extract_case(crn);
    CREATE INDEX audit_by_nominal ON audit_event(nominal_id, at) WHERE nominal_id IS NOT NULL;
    CREATE INDEX audit_by_user ON audit_event(user_id, at) WHERE user_id IS NOT NULL;
    """

    /// The audit trail is append-only: no user, and no bug, can edit or delete it.
    private static let auditTriggers = """
    CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event
    BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
    CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event
    BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
    """
}
