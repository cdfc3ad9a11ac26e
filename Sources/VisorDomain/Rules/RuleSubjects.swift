/// The nominal a rule's candidate is about, as every rule on a nominal needs
/// it: the identifiers its action names, whether it is live, the agency that
/// owns it and the user who manages it. Declared once so that the rules, the
/// store's fast path and the tests build it the same way.
public struct RuleNominal: Sendable, Hashable {
    public var id: NominalID
    public var crn: CRN?
    public var pncID: PNCID?
    public var lifecycle: Lifecycle
    public var ownerAgencyID: AgencyID
    public var managerUserID: UserID?

    public init(id: NominalID, crn: CRN? = nil, pncID: PNCID? = nil, lifecycle: Lifecycle = .active,
                ownerAgencyID: AgencyID, managerUserID: UserID? = nil) {
        self.id = id
        self.crn = crn
        self.pncID = pncID
        self.lifecycle = lifecycle
        self.ownerAgencyID = ownerAgencyID
        self.managerUserID = managerUserID
    }

    public init(_ nominal: Nominal) {
        self.init(id: nominal.id, crn: nominal.crn, pncID: nominal.pncID, lifecycle: nominal.lifecycle,
                  ownerAgencyID: nominal.ownerAgencyID, managerUserID: nominal.managerUserID)
    }

    public var isActive: Bool { lifecycle == .active }

    /// "nominal 42 (X123456)", as every summary names it.
    var text: String { RuleText.nominal(id, crn: crn) }

    /// The owner's action on this nominal, for `user` when the rule names one
    /// (the manager for R8, R10, R11, R14 and R16).
    func action(_ rule: RuleID, for user: UserID? = nil, due: LocalDate, summary: String) -> Action {
        Action(rule: rule, agencyID: ownerAgencyID, userID: user, nominalID: id, crn: crn, pncID: pncID,
               due: due, summary: summary)
    }
}

/// The user a rule's candidate is about (R13, R14's sign-in, R15): who, in
/// which agency, and whether the account is active.
public struct RuleUser: Sendable, Hashable {
    public var id: UserID
    public var username: String
    public var agencyID: AgencyID
    public var isActive: Bool

    public init(id: UserID, username: String, agencyID: AgencyID, isActive: Bool = true) {
        self.id = id
        self.username = username
        self.agencyID = agencyID
        self.isActive = isActive
    }

    /// The user's name for a summary: the username, else "user 12".
    var text: String { RuleText.user(username, id: id) }

    /// The user's own action, for their agency.
    func action(_ rule: RuleID, due: LocalDate, summary: String) -> Action {
        Action(rule: rule, agencyID: agencyID, userID: id, due: due, summary: summary)
    }
}

/// The extract case R1 or R2 asks a nominal for: the probation area whose
/// stored extract holds it, its identifiers and MAPPA placing, and whether a
/// nominal with its CRN or PNC ID exists (the duty met).
public struct RuleCase: Sendable, Hashable {
    public var areaID: AgencyID
    public var crn: CRN
    public var pncID: PNCID?
    public var category: MAPPACategory
    public var level: MAPPALevel
    public var hasNominal: Bool

    public init(areaID: AgencyID, crn: CRN, pncID: PNCID? = nil, category: MAPPACategory, level: MAPPALevel,
                hasNominal: Bool = false) {
        self.areaID = areaID
        self.crn = crn
        self.pncID = pncID
        self.category = category
        self.level = level
        self.hasNominal = hasNominal
    }

    /// The area's action to create the case's nominal: "Create nominal for
    /// case X123456 (category 2, level 2): `detail`".
    func createAction(_ rule: RuleID, due: LocalDate, detail: String) -> Action {
        let summary = "Create nominal for case \(crn.canonical) (" + RuleText.mappa(category, level) + "): " + detail
        return Action(rule: rule, agencyID: areaID, crn: crn, pncID: pncID, due: due, summary: summary)
    }
}
