import Foundation
import GRDB
import VisorDomain
import VisorRegister
import VisorStore

extension AppDatabase {
    /// For `visor bench audit`: appends `count` chained events in one transaction, as a busy register's
    /// sign-ins, searches, views and import updates, half a second apart from `start`. Refuses a register
    /// that holds users: the benchmark builds its own.
    public func benchFillAuditTrail(events count: Int, start: Date) throws(StoreError) {
        try write { db in
            guard try Int.fetchOne(db, sql: "SELECT count(*) FROM user_account") == 0 else {
                throw StoreError.refused("the audit benchmark fills an empty register of its own")
            }
            let insert = try db.cachedStatement(sql: """
                INSERT INTO audit_event (\(AuditChain.coveredColumns), hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
            var hasher = AuditChainHasher()
            var previous = try Row.fetchOne(db, sql: "SELECT id, hash FROM audit_event ORDER BY id DESC LIMIT 1")
                .map { (id: $0[0] as Int64, hash: Array($0[1] as Data)) } ?? (id: 0, hash: AuditChain.genesis)
            for index in 0..<count {
                let id = previous.id + 1
                let values: [DatabaseValue] = [
                    id.databaseValue, start.addingTimeInterval(Double(index) / 2).databaseValue, .null,
                    "bench".databaseValue,
                ] + Self.benchEvent(index)
                hasher.start(previous: previous.hash)
                for value in values { hasher.add(value) }
                previous = (id, hasher.digest().bytes)
                try insert.execute(arguments: StatementArguments(values + [Data(previous.hash).databaseValue]))
            }
        }
    }

    /// Action, nominal and detail of the benchmark's event `index`.
    private static func benchEvent(_ index: Int) -> [DatabaseValue] {
        let nominal = Int64(index % 90_000 + 1)
        let (action, detail, about): (AuditEvent.Action, String, Int64?) = switch index % 4 {
        case 0: (.signIn, "application", nil)
        case 1: (.search, "name: smi\(index % 97)", nil)
        case 2: (.viewRecord, "record", nominal)
        default: (.importUpdate, "extract-2026-11.csv line \(index): every column of the extract set", nominal)
        }
        return [action.rawValue.databaseValue, about?.databaseValue ?? .null, detail.databaseValue]
    }
}
