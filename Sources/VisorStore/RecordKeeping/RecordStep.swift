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
        var clash: IdentifierClash?
        do {
            return try change { db, kept in
                do {
                    let actor = try PartnerRecords.actingUser(db, user)
                    return try body(db, &kept, actor, clock.now())
                } catch {
                    // Kept to answer with once the transaction is rolled back (GRDB rethrows what it got).
                    failure = RecordStepError(thrownInStep: error)
                    clash = error as? IdentifierClash
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

    private func auditStubView(by user: User, step: String, clash: IdentifierClash) {
        let now = clock.now()
        try? writer.write { db in
            try AuditLog.append(db, at: now, actor: .user(user), action: .viewStub, nominalID: clash.nominalID,
                                detail: "\(step): the same \(clash.error.field) is on the register (stub shown)")
        }
    }
}

extension RecordStepError {
    /// What an error thrown inside a step means to its caller: field errors as such, a refusal
    /// (a role, a rule, a schema check or trigger — the backstop behind the domain's checks — or a
    /// step another terminal took first) as a refusal, not an I/O error; nil for any other error.
    init?(thrownInStep error: any Error) {
        switch error {
        case let error as RecordStepError: self = error
        case let clash as IdentifierClash: self = .fields(FieldErrors([clash.error]))
        case let errors as FieldErrors: self = .fields(errors)
        case let error as FieldError: self = .fields(FieldErrors([error]))
        case StepFailure.fields(let errors): self = .fields(errors)
        case StepFailure.refused(let refusal): self = .store(.refused(refusal.description))
        case let refusal as Refusal: self = .store(.refused(refusal.description))
        case let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT:
            self = .store(.refused("the register refused the change: \(error.message ?? "a constraint failed")"))
        default: return nil
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
