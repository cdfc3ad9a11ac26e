/// R15 — Staff are made aware of the instruction (seed: mandatory action 11).
///
/// Candidates the store supplies: each active user who has not acknowledged
/// the instruction, with their account's creation date (London). The rule
/// returns nothing for inactive users or once `acknowledged` is true.
///
/// Action: "acknowledge instruction", for the user's agency, user = that user,
/// no nominal. Due the account's creation date.
public enum R15AcknowledgeInstruction {
    public struct Candidate: Sendable, Hashable {
        public var user: RuleUser
        public var acknowledged: Bool
        public var createdOn: LocalDate

        public init(user: RuleUser, acknowledged: Bool = false, createdOn: LocalDate) {
            self.user = user
            self.acknowledged = acknowledged
            self.createdOn = createdOn
        }
    }

    public static func actions(for candidates: [Candidate], policy: Policy, asOf date: LocalDate) -> [Action] {
        candidates.compactMap { candidate in
            guard candidate.user.isActive, !candidate.acknowledged else { return nil }
            return candidate.user.action(.r15, due: candidate.createdOn,
                                         summary: "Acknowledge the instruction: " + candidate.user.text
                                            + ", account created \(candidate.createdOn.iso)")
        }
    }
}
