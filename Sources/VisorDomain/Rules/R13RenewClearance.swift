/// R13 — Clearance for each role (seed: mandatory action 9).
///
/// Candidates the store supplies: each active user, with their roles and all
/// their clearances (expired ones too). The rule ignores inactive users.
///
/// For each of the user's roles, the clearance that keeps it is the one with
/// the latest expiry among those whose kind `Policy.clearanceKinds(for:)`
/// accepts; the user's renewal date is the earliest of these (roles with no
/// accepted clearance at all are skipped: such a user cannot log in, and R12
/// deals with coverage; a user none of whose roles has one gets no action).
///
/// Action: one "renew clearance" per user, for the user's agency (its account
/// creators act), user = that user, no nominal. Due that expiry − *60 days*
/// (`Policy.r13RenewDaysBeforeExpiry`). Met by a later-expiring clearance.
public enum R13RenewClearance {
    public struct Candidate: Sendable, Hashable {
        public var user: RuleUser
        public var roles: Set<Role>
        public var clearances: [Clearance]

        public init(user: RuleUser, roles: Set<Role>, clearances: [Clearance]) {
            self.user = user
            self.roles = roles
            self.clearances = clearances
        }
    }

    public static func actions(for candidates: [Candidate], policy: Policy, asOf date: LocalDate) -> [Action] {
        candidates.compactMap { candidate in
            guard candidate.user.isActive, let keeping = renewalClearance(of: candidate, policy: policy) else {
                return nil
            }
            let summary = "Renew \(keeping.kind.rawValue) clearance of " + candidate.user.text
                + ": expires \(keeping.expiresOn.iso)"
            return candidate.user.action(.r13, due: due(expiresOn: keeping.expiresOn, policy: policy), summary: summary)
        }
    }

    /// The renewal's due date: the expiry − *60 days*.
    public static func due(expiresOn: LocalDate, policy: Policy) -> LocalDate {
        expiresOn.adding(days: -policy.r13RenewDaysBeforeExpiry)
    }

    /// The latest expiry whose renewal is due by `date` (exactly: `due` moves
    /// by whole days): the store's SQL bound on the users to read.
    public static func latestExpiry(dueBy date: LocalDate, policy: Policy) -> LocalDate {
        date.adding(days: policy.r13RenewDaysBeforeExpiry)
    }

    /// The clearance whose expiry decides the renewal: over the user's roles,
    /// the earliest of each role's latest-expiring accepted clearance.
    public static func renewalClearance(of candidate: Candidate, policy: Policy) -> Clearance? {
        candidate.roles.sorted().compactMap { role -> Clearance? in
            let accepted = policy.clearanceKinds(for: role)
            return candidate.clearances.filter { accepted.contains($0.kind) }
                .max { ($0.expiresOn, $0.kind.rawValue) < ($1.expiresOn, $1.kind.rawValue) }
        }.min { ($0.expiresOn, $0.kind.rawValue) < ($1.expiresOn, $1.kind.rawValue) }
    }
}
