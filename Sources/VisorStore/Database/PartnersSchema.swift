import GRDB

/// Schema additions for the partner-request workflow. Registered after the rules' migrations.
enum PartnersSchema {
    /// The pending requests in age order, holding only pending rows. The partner queue and the
    /// status line's count read `pendingByOwner` instead now; registers keep this one.
    static let pendingByAge = "partner_request_pending_by_age"

    /// Answered requests by the time of the answer: the queue's "answered" view reads the last
    /// days of answers, whatever the number of older ones.
    static let answeredByTime = "partner_request_answered_by_time"

    /// An agency's pending incoming requests in age order. The owner is kept on each request
    /// (`owner_agency_id`, in step with the nominal's by triggers) so that a partner queue reads its
    /// agency's requests alone: joining every pending request of the nation to its nominal to find
    /// the owner read a page of the nominal table per request (125 MB at a million nominals, on
    /// every terminal, after every commit that touched a queue).
    static let pendingByOwner = "partner_request_pending_by_owner"

    /// Registered after the kept actions' migration (migrations run in the order registered).
    static func registerOwner(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("partners: owner kept on each request") { db in
            try db.execute(sql: """
                ALTER TABLE partner_request ADD COLUMN owner_agency_id INTEGER REFERENCES agency(id);
                UPDATE partner_request
                   SET owner_agency_id = (SELECT n.owner_agency_id FROM nominal n WHERE n.id = partner_request.nominal_id);
                CREATE TRIGGER partner_request_owner_on_insert AFTER INSERT ON partner_request
                BEGIN
                    UPDATE partner_request
                       SET owner_agency_id = (SELECT n.owner_agency_id FROM nominal n WHERE n.id = NEW.nominal_id)
                     WHERE id = NEW.id;
                END;
                CREATE TRIGGER partner_request_owner_follows_nominal AFTER UPDATE OF owner_agency_id ON nominal
                BEGIN
                    UPDATE partner_request SET owner_agency_id = NEW.owner_agency_id WHERE nominal_id = NEW.id;
                END;
                CREATE INDEX \(pendingByOwner) ON partner_request(owner_agency_id, requested_at, id) WHERE state = 'pending';
                """)
        }
    }

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
