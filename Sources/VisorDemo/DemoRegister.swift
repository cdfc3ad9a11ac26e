import Foundation
import GRDB
import VisorDomain
import VisorRegister
import VisorStore

/// What `visor demo` created.
public struct DemoSummary: Sendable {
    public var path: String
    public var nominals: Int
    public var users: Int
    public var seconds: Double
}

extension AppDatabase {
    /// Creates a demonstration register at `path`: the agencies of
    /// agencies.md, the demo users, and `nominals` nominals placed relative to
    /// `today`, deterministic for a seed and date. Replaces an earlier demo
    /// register; refuses (`.cannotCreate`) any other register.
    public static func createDemo(path: String, nominals: Int, seed: UInt64, today: LocalDate,
                                  clock: any VisorClock) throws(StoreError) -> DemoSummary {
        let started = DispatchTime.now().uptimeNanoseconds
        if try DatabaseFile.probe(path) == .visor {
            // Refuses any register that is not a demonstration, looking at it read-only.
            _ = try DemoReplacement.inspect(path: path, clock: clock)
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        let database = try AppDatabase.open(path: path, clock: clock)
        let now = clock.now()
        // A new file, written whole: no one else can have it open.
        let users: Int = try database.withoutWriteAheadLog(if: true) { () throws(StoreError) in try database.write { db in
            // Built from sorted rows at the end, as a bulk import does: faster than row by row.
            let indexes = Schema.identifierIndexes + Schema.bulkIndexes
            try db.execute(sql: "PRAGMA cache_size = -262144")
            for statement in indexes { try db.execute(sql: "DROP INDEX \(Schema.indexName(statement))") }
            var context = try DemoContext(db: db, seed: seed, today: today, now: now, policy: .standard)
            try DemoStaff.create(&context, nominalCount: nominals)
            try writeNominals(&context, count: nominals)
            try context.nameKeys.flush()
            if nominals > 0 {
                try DemoExtract.write(&context, area: "London", reconciledDaysAgo: 35, caseIndexBase: 25_000_000)
                try DemoExtract.write(&context, area: "South West", reconciledDaysAgo: 3, caseIndexBase: 25_000_100)
            }
            try AppDatabase.buildIndexes(indexes, db)
            // The kept actions are rebuilt from the whole register once it is written.
            try KeptActionsState.markIncomplete(db)
            try db.execute(sql: """
                INSERT INTO meta (key, value) VALUES ('register', 'demo'), ('demo_seed', ?), ('demo_today', ?),
                    ('demo_nominals', ?), ('created_on', ?)
                """, arguments: [String(seed), today, String(nominals), today])
            try AuditLog.append(db, at: now, userID: nil, osUser: Actor.osUserName, action: .createRegister,
                                detail: "demonstration register: seed \(seed), today \(today), \(nominals) nominals")
            return try Int.fetchOne(db, sql: "SELECT count(*) FROM user_account") ?? 0
        } }
        try database.write { db in try db.execute(sql: "ANALYZE") }
        try database.rebuildKeptActions()
        try database.close()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        return DemoSummary(path: path, nominals: nominals, users: users, seconds: seconds)
    }

    private static func writeNominals(_ context: inout DemoContext, count: Int) throws {
        let factory = DemoNominalFactory(context: context)
        let scenarios = DemoScenarios.all.prefix(count)
        var random = context.random
        for (index, scenario) in scenarios.enumerated() {
            var nominal = factory.make(index: index, random: &random)
            scenario.shape(&nominal, factory, context.today)
            context.random = random
            try DemoNominalWriter.write(nominal, &context)
            random = context.random
        }
        let om = context.staff.named["om"]
        for index in scenarios.count..<max(count, scenarios.count) {
            var nominal = factory.make(index: index, random: &random)
            if nominal.owner == factory.london, let om, random.chance(0.1) { nominal.manager = (om, "LDN0001") }
            context.random = random
            try DemoNominalWriter.write(nominal, &context)
            random = context.random
        }
        context.random = random
    }
}
