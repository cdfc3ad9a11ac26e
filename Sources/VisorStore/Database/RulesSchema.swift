import GRDB

/// Schema additions for the rules (R1–R16): indexes that let each rule's
/// candidate query pre-filter in SQL. Registered after "v1 register".
enum RulesSchema {
    static func register(in migrator: inout DatabaseMigrator) {
    }
}
