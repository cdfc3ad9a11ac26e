import Foundation
import GRDB
import VisorDomain
import VisorRegister

extension AppDatabase {
    /// Runs a user's step; when it is refused — a role, a rule, a step no longer possible, or a
    /// record or request the user may not see — the refusal is written to the audit trail before it
    /// is rethrown. The step's own transaction was rolled back, so the event has one of its own.
    func auditingRefusal<T>(by user: User, step: String, _ body: () throws(StoreError) -> T) throws(StoreError) -> T {
        do {
            return try body()
        } catch {
            switch error {
            case .refused(let message), .notVisible(let message):
                let now = clock.now()
                let kind = if case .notVisible = error { "not visible to the user" } else { "refused" }
                try? writer.write { db in
                    try AuditLog.append(db, at: now, actor: .user(user), action: .refused,
                                        detail: "\(step): \(kind): \(message)")
                }
            default:
                break
            }
            throw error
        }
    }
}
