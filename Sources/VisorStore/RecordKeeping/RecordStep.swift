import Foundation
import GRDB
import VisorDomain
import VisorRegister

/// What every records.md step shares: the acting user as the register holds them now, one
/// transaction that keeps the actions true, and the audit of a refusal (in a transaction of its
/// own, since the step's was rolled back). Field errors and version conflicts come back as such.
extension AppDatabase {
    func recordStep<T>(by user: User, step: String, nominal: NominalID? = nil,
                       _ body: (Database, inout KeptActionChange, User, Date) throws -> T) throws(RecordStepError) -> T {
        var failure: RecordStepError?
        var clash: DuplicateClash?
        do {
            return try change { db, kept in
                do {
                    let actor = try PartnerRecords.actingUser(db, user)
                    return try body(db, &kept, actor, clock.now())
                } catch let error as RecordStepError {
                    failure = error
                    throw error
                } catch let error as DuplicateClash {
                    clash = error
                    failure = .fields(FieldErrors([error.error]))
                    throw error
                } catch let error as FieldErrors {
                    failure = .fields(error)
                    throw error
                } catch let error as FieldError {
                    failure = .fields(FieldErrors([error]))
                    throw error
                } catch let error as StepFailure {
                    switch error {
                    case .fields(let errors): failure = .fields(errors)
                    case .refused(let refusal): failure = .store(.refused(refusal.description))
                    }
                    throw error
                } catch let error as Refusal {
                    failure = .store(.refused(error.description))
                    throw error
                } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
                    // A schema check or trigger (the backstop behind the domain's checks), or a step
                    // another terminal took first (one pending transfer per record): refused, not an I/O error.
                    failure = .store(.refused("the register refused the change: \(error.message ?? "a constraint failed")"))
                    throw error
                }
            }
        } catch {
            let thrown = failure ?? .store(error)
            switch thrown {
            case .store(.refused(let message)), .store(.notVisible(let message)):
                auditRefusal(by: user, step: step, nominal: nominal, message: message,
                             notVisible: thrown == .store(.notVisible(message)))
            case .conflict(let conflict):
                auditRefusal(by: user, step: step, nominal: nominal, message: conflict.description, notVisible: false)
            default:
                break
            }
            // The refusal named another nominal and showed its stub: that is a view of it, audited.
            if let clash { auditStubView(by: user, step: step, clash: clash) }
            throw thrown
        }
    }

    private func auditStubView(by user: User, step: String, clash: DuplicateClash) {
        let now = clock.now()
        try? writer.write { db in
            try AuditLog.append(db, at: now, actor: .user(user), action: .viewStub, nominalID: clash.nominalID,
                                detail: "\(step): the same \(clash.error.field) is on the register (stub shown)")
        }
    }
}

/// Refusals of records.md steps, as the store throws them.
enum RecordRefusal {
    /// Refuses unless `viewer` may take the step; the refusal names its rule.
    static func require(_ viewer: Viewer, _ permissions: [RecordPermission], on facts: RecordFacts) throws {
        if let refusal = AccessPolicy.check(viewer, permissions, on: facts) {
            throw StoreError.refused(refusal.description)
        }
    }

    static func require(_ viewer: Viewer, _ permission: RecordPermission, on facts: RecordFacts) throws {
        try require(viewer, [permission], on: facts)
    }
}
