import GRDB

/// Schema additions for the partner-request workflow. Registered after the rules' migrations.
enum PartnersSchema {
    /// The pending requests in age order, holding only pending rows: the
    /// partner queue and the status line's count read it on every timer tick,
    /// and stay proportional to what is pending however many answered
    /// requests pile up (the planner prefers a full scan of
    /// `partner_request_by_nominal` unless told, so the queries name it).
    static let pendingByAge = "partner_request_pending_by_age"

    /// Answered requests by the time of the answer: the queue's "answered" view reads the last
    /// days of answers, whatever the number of older ones.
    static let answeredByTime = "partner_request_answered_by_time"

    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("partners: pending requests by age") { db in
            try db.execute(sql: """
                CREATE INDEX \(pendingByAge) ON partner_request(requested_at, id) WHERE state = 'pending'
                """)
        }
        migrator.registerMigration("partners: answered requests by time") { db in
            try db.execute(sql: """
                CREATE INDEX \(answeredByTime) ON partner_request(decided_at, id) WHERE state <> 'pending'
                """)
        }
    }
}
