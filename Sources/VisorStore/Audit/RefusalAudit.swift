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
            case .refused(let message): auditRefusal(by: user, step: step, message: message, notVisible: false)
            case .notVisible(let message): auditRefusal(by: user, step: step, message: message, notVisible: true)
            default: break
            }
            throw error
        }
    }

    /// Writes a refused step to the audit trail, in a transaction of its own (the step's was rolled
    /// back): `STEP: refused: WHY`, on the step's nominal — or, when the record is one the user may
    /// not see, `STEP: not visible to the user: WHY` on none.
    func auditRefusal(by user: User, step: String, nominal: NominalID? = nil, message: String, notVisible: Bool) {
        let now = clock.now()
        let kind = notVisible ? "not visible to the user" : "refused"
        try? writer.write { db in
            try AuditLog.append(db, at: now, actor: .user(user), action: .refused, nominalID: notVisible ? nil : nominal,
                                detail: "\(step): \(kind): \(message)")
        }
    }
}
