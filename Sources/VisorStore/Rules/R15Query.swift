import GRDB
import VisorDomain
import VisorRegister

/// R15's candidates: active users who have not acknowledged the instruction.
enum R15Query {
    static func candidates(_ db: Database) throws -> [R15AcknowledgeInstruction.Candidate] {
        let rows = try SQLiteCursor(db, sql: """
            SELECT id, username, agency_id, created_on FROM user_account
            WHERE active = 1 AND disabled_on IS NULL AND acknowledged_at IS NULL
            """)
        var candidates: [R15AcknowledgeInstruction.Candidate] = []
        while try rows.next() {
            let created = try rows.row.requiredDate(3, of: .user(rows.int64(0)), "created_on")
            candidates.append(.init(user: RuleUser(id: rows.int64(0), username: rows.string(1) ?? "",
                                                   agencyID: rows.int64(2)),
                                    createdOn: created))
        }
        return candidates
    }
}
