import Foundation
import VisorDomain

/// What a walk over the audit trail found.
public enum AuditVerification: Hashable, Sendable {
    /// Every event walked verified; the head of the trail.
    case verified(AuditHead)
    /// The first event that breaks the chain, and why (a whole clause, naming the event).
    case broken(event: Int64, reason: String)
}
