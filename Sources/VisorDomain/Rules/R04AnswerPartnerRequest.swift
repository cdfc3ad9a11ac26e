/// R4 — The owner answers partner requests swiftly (seed: mandatory action 2).
///
/// Candidates the store supplies: each pending partner request on an active
/// nominal. `requestedOn` is the request's London calendar date. The rule
/// returns nothing once the request is accepted, declined or withdrawn, or
/// when the nominal is archived. SQL bound for a horizon H:
/// `requested_on <= H` (the due date is always later than the request).
///
/// Action: "answer partner request", for the owner, on the nominal, no user
/// (the owner's CPC, deputy CPC or the manager may answer). Due the request
/// date + *3 working days* (`Policy.r4AnswerWorkingDays`), skipping weekends
/// and the policy's bank holidays.
public enum R4AnswerPartnerRequest {
    public struct Candidate: Sendable, Hashable {
        public var requestID: PartnerRequestID
        public var nominal: RuleNominal
        public var requestingAgencyID: AgencyID
        public var requestingAgencyName: String?
        public var requestedOn: LocalDate
        public var state: PartnerRequest.State

        public init(requestID: PartnerRequestID, nominal: RuleNominal, requestingAgencyID: AgencyID,
                    requestingAgencyName: String? = nil, requestedOn: LocalDate,
                    state: PartnerRequest.State = .pending) {
            self.requestID = requestID
            self.nominal = nominal
            self.requestingAgencyID = requestingAgencyID
            self.requestingAgencyName = requestingAgencyName
            self.requestedOn = requestedOn
            self.state = state
        }
    }

    public static func actions(for candidates: [Candidate], policy: Policy, asOf date: LocalDate) -> [Action] {
        let calendar = policy.workingCalendar
        return candidates.compactMap { candidate in
            guard candidate.state == .pending, candidate.nominal.isActive else { return nil }
            var head = "Answer partner request \(candidate.requestID)"
            if let name = candidate.requestingAgencyName { head += " from \(name)" }
            head += " on " + candidate.nominal.text
            return candidate.nominal.action(
                .r4, due: due(requestedOn: candidate.requestedOn, policy: policy, calendar: calendar),
                summary: RuleText.line(head, ["requested \(candidate.requestedOn.iso)"]))
        }
    }

    /// The date a request made on `requestedOn` must be answered by (also the
    /// `due` of `visor partners` output).
    public static func due(requestedOn: LocalDate, policy: Policy) -> LocalDate {
        due(requestedOn: requestedOn, policy: policy, calendar: policy.workingCalendar)
    }

    static func due(requestedOn: LocalDate, policy: Policy, calendar: WorkingCalendar) -> LocalDate {
        calendar.adding(workingDays: policy.r4AnswerWorkingDays, to: requestedOn)
    }
}
