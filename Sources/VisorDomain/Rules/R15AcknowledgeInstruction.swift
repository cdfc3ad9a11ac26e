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
        public var userID: UserID
        public var username: String
        public var agencyID: AgencyID
        public var isActive: Bool
        public var acknowledged: Bool
        public var createdOn: LocalDate

        public init(userID: UserID, username: String, agencyID: AgencyID, isActive: Bool = true,
                    acknowledged: Bool = false, createdOn: LocalDate) {
            self.userID = userID
            self.username = username
            self.agencyID = agencyID
            self.isActive = isActive
            self.acknowledged = acknowledged
            self.createdOn = createdOn
        }
    }

    public static func actions(for candidates: [Candidate], policy: Policy, asOf date: LocalDate) -> [Action] {
        candidates.compactMap { candidate in
            guard candidate.isActive, !candidate.acknowledged else { return nil }
            return Action(rule: .r15, agencyID: candidate.agencyID, userID: candidate.userID, due: candidate.createdOn,
                          summary: "Acknowledge the instruction: "
                            + RuleText.user(candidate.username, id: candidate.userID)
                            + ", account created \(candidate.createdOn.iso)")
        }
    }
}
