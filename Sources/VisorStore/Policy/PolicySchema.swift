import GRDB

/// The register's policy: the settings an administrator changed from the defaults, one row
/// each (`actions.warning_window_days`, …), the value as the policy file's parser read it (JSON of
/// `PolicyValue`). A setting without a row has its default.
enum PolicySchema {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("policy: kept in the register") { db in
            try db.execute(sql: """
                CREATE TABLE policy_setting (
                    path TEXT PRIMARY KEY CHECK (path GLOB '*.*'),
                    value TEXT NOT NULL CHECK (json_valid(value)),
                    changed_at TEXT NOT NULL,
                    changed_by INTEGER REFERENCES user_account(id)
                ) WITHOUT ROWID
                """)
        }
    }
}
