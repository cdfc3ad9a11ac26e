import GRDB

/// Schema additions for the partner-request workflow. Registered after the rules' migrations.
enum PartnersSchema {
    static func register(in migrator: inout DatabaseMigrator) {
    }
}
