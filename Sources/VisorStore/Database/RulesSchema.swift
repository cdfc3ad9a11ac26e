import GRDB

/// Schema additions for the rules (R1–R16): indexes that let each rule's
/// candidate query pre-filter in SQL. Registered after "v1 register".
///
/// None is on `nominal` (each would cost a bulk import about a second per
/// million rows): the nominal rules share one pass over it, and these
/// indexes let the tables beside it be read in the same nominal-id order in
/// that pass (covering, so no lookup per row), or pick the few rows a rule
/// needs from the small tables.
enum RulesSchema {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v2 rule indexes") { db in
            try db.execute(sql: """
                CREATE INDEX record_check_for_rules ON record_check(nominal_id, checked_on, kind, by_user_id);
                CREATE INDEX mapp_meeting_for_rules ON mapp_meeting(nominal_id, held_on, next_review_on);
                CREATE INDEX partnership_ended_for_rules ON partnership(nominal_id, agency_id, ended_on)
                    WHERE state = 'ended';
                CREATE INDEX extract_case_for_r1 ON extract_case(release_date)
                    WHERE mappa_category = 2 AND mappa_level >= 2 AND release_date IS NOT NULL;
                CREATE INDEX extract_case_for_r2 ON extract_case(mapp_entry_date)
                    WHERE mappa_category >= 3 AND mapp_entry_date IS NOT NULL;
                CREATE INDEX user_role_by_role ON user_role(role, user_id);
                """)
        }
    }
}
