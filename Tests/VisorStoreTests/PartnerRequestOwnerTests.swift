import Foundation
import GRDB
import Testing
import VisorDemo
import VisorDomain
import VisorRegister
@testable import VisorStore

/// The owner kept on each partner request (`owner_agency_id`), which the partner queue reads its
/// agency's requests by, stays the nominal's owner: set on insert, moved with the nominal, and filled
/// in for registers made before it existed.
@Suite("Partner requests: the owner kept on each request")
struct PartnerRequestOwnerTests {
    static func demo(_ folder: TemporaryFolder) throws -> (AppDatabase, String) {
        let path = folder.file("demo.sqlite")
        _ = try AppDatabase.createDemo(path: path, nominals: 300, seed: 11, today: StoreFixtures.today,
                                       clock: StoreFixtures.clock)
        return (try AppDatabase.open(path: path, clock: StoreFixtures.clock), path)
    }

    /// Requests whose kept owner is not their nominal's.
    static func disagreements(_ database: AppDatabase) throws -> Int {
        try database.read { db in
            try Int.fetchOne(db, sql: """
                SELECT count(*) FROM partner_request r JOIN nominal n ON n.id = r.nominal_id
                WHERE r.owner_agency_id IS NOT n.owner_agency_id
                """) ?? -1
        }
    }

    @Test("Every request carries its nominal's owner, and follows it when the nominal changes owner")
    func followsTheNominal() throws {
        let folder = try TemporaryFolder("owner")
        let (database, _) = try Self.demo(folder)
        #expect(try database.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM partner_request") ?? 0 } > 0)
        #expect(try Self.disagreements(database) == 0)

        let cpc = try #require(try database.user(named: "cpc"))
        let incoming = try database.incomingRequests(for: cpc)
        let moved = try #require(incoming.first)
        let wales = try #require(try database.agency(named: "Wales"))
        try database.write { db in
            try db.execute(sql: "UPDATE nominal SET owner_agency_id = ? WHERE id = ?", arguments: [wales.id, moved.nominalID])
        }
        #expect(try Self.disagreements(database) == 0)
        #expect(!(try database.incomingRequests(for: cpc)).contains { $0.id == moved.id })
        let walesUser = try #require(try database.read { db in
            try String.fetchOne(db, sql: "SELECT username FROM user_account WHERE agency_id = ? LIMIT 1", arguments: [wales.id])
        })
        let other = try #require(try database.user(named: walesUser))
        #expect(try database.incomingRequests(for: other).contains { $0.id == moved.id })
    }

    @Test("A register made before the owner was kept gets it filled in when opened")
    func filledOnUpgrade() throws {
        let folder = try TemporaryFolder("owner-upgrade")
        let (database, path) = try Self.demo(folder)
        let before = try database.incomingRequests(for: try #require(try database.user(named: "cpc"))).map(\.id)
        try database.close()
        // The register as the previous migration left it.
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: """
                DROP INDEX \(PartnersSchema.pendingByOwner);
                DROP TRIGGER partner_request_owner_on_insert;
                DROP TRIGGER partner_request_owner_follows_nominal;
                ALTER TABLE partner_request DROP COLUMN owner_agency_id;
                DELETE FROM grdb_migrations WHERE identifier = 'partners: owner kept on each request';
                """)
        }
        try queue.close()
        let upgraded = try AppDatabase.open(path: path, clock: StoreFixtures.clock)
        #expect(try Self.disagreements(upgraded) == 0)
        #expect(try upgraded.incomingRequests(for: try #require(try upgraded.user(named: "cpc"))).map(\.id) == before)
        #expect(!before.isEmpty)
    }
}
