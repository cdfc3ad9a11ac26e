/// R3 — While the offender is in custody the holding prison requests
/// partnership at least *6 months* (`Policy.r3MonthsBeforeRelease`) before
/// release or, where the nominal already exists, when the offender enters
/// custody (seed: mandatory action 2).
///
/// Candidates the store supplies: each active nominal in custody with an
/// establishment that is not its owner, is not an active partner (full or
/// restricted) and has no pending request on it. The rule re-checks all of
/// this from the fields below and ignores archived nominals.
///
/// Action: "request partnership", for the establishment, on the nominal, no
/// user. The establishment is by definition neither owner nor partner, so the
/// action carries only what a stub shows (register id and owner): no CRN, no
/// PNC, no custody or release details. Due:
/// - the custody start, when the nominal was created on or before it;
/// - else (created later, or no custody start recorded) release − 6 months,
///   clipped to the month's end — even if that is before the nominal's
///   creation, since the seed's deadline had then already passed;
/// - else (no release date) the nominal's creation.
public enum R3PrisonRequestsPartnership {
    public struct Candidate: Sendable, Hashable {
        public var nominalID: NominalID
        public var lifecycle: Lifecycle
        public var ownerAgencyID: AgencyID
        /// The owner's name, which the stub shows.
        public var ownerName: String?
        public var createdOn: LocalDate
        public var custody: CustodyStatus
        /// The holding prison; nil when not recorded (no action).
        public var establishmentID: AgencyID?
        public var custodyStart: LocalDate?
        public var releaseDate: LocalDate?
        /// The establishment is an active partner, full or restricted (duty met).
        public var establishmentIsPartner: Bool
        /// The establishment has a pending request on the nominal (duty met).
        public var establishmentHasPendingRequest: Bool

        public init(nominalID: NominalID, lifecycle: Lifecycle = .active, ownerAgencyID: AgencyID,
                    ownerName: String? = nil, createdOn: LocalDate, custody: CustodyStatus = .inCustody,
                    establishmentID: AgencyID?, custodyStart: LocalDate?,
                    releaseDate: LocalDate?, establishmentIsPartner: Bool = false,
                    establishmentHasPendingRequest: Bool = false) {
            self.nominalID = nominalID
            self.lifecycle = lifecycle
            self.ownerAgencyID = ownerAgencyID
            self.ownerName = ownerName
            self.createdOn = createdOn
            self.custody = custody
            self.establishmentID = establishmentID
            self.custodyStart = custodyStart
            self.releaseDate = releaseDate
            self.establishmentIsPartner = establishmentIsPartner
            self.establishmentHasPendingRequest = establishmentHasPendingRequest
        }
    }

    public static func actions(for candidates: [Candidate], policy: Policy, asOf date: LocalDate) -> [Action] {
        candidates.compactMap { action(for: $0, policy: policy) }
    }

    /// The due date of the request, as the doc comment says.
    public static func due(createdOn: LocalDate, custodyStart: LocalDate?, releaseDate: LocalDate?,
                           policy: Policy) -> LocalDate {
        if let start = custodyStart, createdOn <= start { return start }
        if let release = releaseDate { return release.adding(months: -policy.r3MonthsBeforeRelease) }
        return createdOn
    }

    static func action(for candidate: Candidate, policy: Policy) -> Action? {
        guard candidate.lifecycle == .active, candidate.custody == .inCustody,
              let establishment = candidate.establishmentID, establishment != candidate.ownerAgencyID,
              !candidate.establishmentIsPartner, !candidate.establishmentHasPendingRequest else { return nil }
        let head = "Request partnership on " + RuleText.nominal(candidate.nominalID, crn: nil)
        return Action(rule: .r3, agencyID: establishment, nominalID: candidate.nominalID, crn: nil, pncID: nil,
                      due: due(createdOn: candidate.createdOn, custodyStart: candidate.custodyStart,
                               releaseDate: candidate.releaseDate, policy: policy),
                      summary: RuleText.line(head, candidate.ownerName.map { ["owned by \($0)"] } ?? []))
    }
}
