/// R14 — SPOs log on regularly and check that staff routinely access their
/// nominals (seed: mandatory action 10). Two kinds of action:
///
/// "SPO has not logged on" — candidates: each active user holding the `spo`
/// role, with the London date of their last sign-in to the application and
/// their account's creation date. For their agency, user = the SPO, no
/// nominal. Due last sign-in + *7 days* (`Policy.r14SPOSignInDays`); never
/// signed in: account creation + 7 days.
///
/// "record not viewed by its manager" — candidates: each active nominal with
/// a manager, with the manager's last view of it, the date the manager was
/// assigned and the nominal's creation. For the owner, user = the manager, on
/// the nominal. Due + *30 days* (`Policy.r14ManagerViewDays`) after the later
/// of the last view and the assignment (a view before the assignment is not a
/// view by the record's manager), else after the creation. Archived nominals
/// and nominals without a manager are ignored.
public enum R14SPOOversight {
    public struct LogonCandidate: Sendable, Hashable {
        public var userID: UserID
        public var username: String
        public var agencyID: AgencyID
        public var isActive: Bool
        public var lastSignInOn: LocalDate?
        public var createdOn: LocalDate

        public init(userID: UserID, username: String, agencyID: AgencyID, isActive: Bool = true,
                    lastSignInOn: LocalDate?, createdOn: LocalDate) {
            self.userID = userID
            self.username = username
            self.agencyID = agencyID
            self.isActive = isActive
            self.lastSignInOn = lastSignInOn
            self.createdOn = createdOn
        }
    }

    public struct ViewCandidate: Sendable, Hashable {
        public var nominalID: NominalID
        public var crn: CRN?
        public var pncID: PNCID?
        public var lifecycle: Lifecycle
        public var ownerAgencyID: AgencyID
        public var managerUserID: UserID?
        public var managerLastViewedOn: LocalDate?
        public var managerAssignedOn: LocalDate?
        public var createdOn: LocalDate

        public init(nominalID: NominalID, crn: CRN? = nil, pncID: PNCID? = nil, lifecycle: Lifecycle = .active,
                    ownerAgencyID: AgencyID, managerUserID: UserID?, managerLastViewedOn: LocalDate? = nil,
                    managerAssignedOn: LocalDate? = nil, createdOn: LocalDate) {
            self.nominalID = nominalID
            self.crn = crn
            self.pncID = pncID
            self.lifecycle = lifecycle
            self.ownerAgencyID = ownerAgencyID
            self.managerUserID = managerUserID
            self.managerLastViewedOn = managerLastViewedOn
            self.managerAssignedOn = managerAssignedOn
            self.createdOn = createdOn
        }
    }

    public static func logonActions(for candidates: [LogonCandidate], policy: Policy,
                                    asOf date: LocalDate) -> [Action] {
        candidates.compactMap { candidate in
            guard candidate.isActive else { return nil }
            let since = candidate.lastSignInOn ?? candidate.createdOn
            let detail = candidate.lastSignInOn.map { "last signed in \($0.iso)" } ?? "never signed in"
            let head = "SPO " + RuleText.user(candidate.username, id: candidate.userID) + " has not logged on"
            return Action(rule: .r14, agencyID: candidate.agencyID, userID: candidate.userID,
                          due: since.adding(days: policy.r14SPOSignInDays), summary: RuleText.line(head, [detail]))
        }
    }

    public static func viewActions(for candidates: [ViewCandidate], policy: Policy,
                                   asOf date: LocalDate) -> [Action] {
        candidates.compactMap { candidate in
            guard candidate.lifecycle == .active, let manager = candidate.managerUserID else { return nil }
            let detail: String
            let since: LocalDate
            let marks = [candidate.managerLastViewedOn, candidate.managerAssignedOn].compactMap { $0 }
            if let latest = marks.max() {
                since = latest
                detail = latest == candidate.managerLastViewedOn
                    ? "last viewed \(latest.iso)" : "assigned \(latest.iso)"
            } else {
                since = candidate.createdOn
                detail = "not viewed since creation \(since.iso)"
            }
            let head = "Record not viewed by its manager: " + RuleText.nominal(candidate.nominalID, crn: candidate.crn)
            return Action(rule: .r14, agencyID: candidate.ownerAgencyID, userID: manager,
                          nominalID: candidate.nominalID, crn: candidate.crn, pncID: candidate.pncID,
                          due: since.adding(days: policy.r14ManagerViewDays), summary: RuleText.line(head, [detail]))
        }
    }
}
