/// Every rule's candidates, as the store's queries supply them. Each array
/// defaults to empty, so a caller fills only the rules it evaluates.
public struct RuleFacts: Sendable, Hashable {
    public var r1: [R1CreateCategory2Nominal.Candidate] = []
    public var r2: [R2CreateCategory3Nominal.Candidate] = []
    public var r3: [R3PrisonRequestsPartnership.Candidate] = []
    public var r4: [R4AnswerPartnerRequest.Candidate] = []
    public var r5: [R5ProbationPartnerOnCategory1.Candidate] = []
    public var r6: [R6PolicePartnerOnCategory2.Candidate] = []
    public var r7: [R7ProbationOnCategory1Level1.Candidate] = []
    public var r8: [R8CompleteRecord.Candidate] = []
    public var r9Areas: [R9Reconcile.AreaCandidate] = []
    public var r9Pairs: [R9Reconcile.PairCandidate] = []
    public var r10: [R10ValidateAndReview.Candidate] = []
    public var r11: [R11MAPPReview.Candidate] = []
    public var r12: [R12RoleCoverage.Candidate] = []
    public var r13: [R13RenewClearance.Candidate] = []
    public var r14Logons: [R14SPOOversight.LogonCandidate] = []
    public var r14Views: [R14SPOOversight.ViewCandidate] = []
    public var r15: [R15AcknowledgeInstruction.Candidate] = []
    public var r16: [R16AnnualNotification.Candidate] = []

    public init() {}
}
