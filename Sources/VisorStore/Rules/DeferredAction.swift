import VisorDomain
import VisorRegister

/// What lists and counts need of an action, without its summary: enough to
/// count the overdue actions of an agency, filter by rule, and choose which
/// actions to build in full.
public struct ActionHeader: Sendable, Hashable {
    public var rule: RuleID
    public var agencyID: AgencyID
    public var userID: UserID?
    public var nominalID: NominalID?
    public var due: LocalDate

    public init(_ action: Action) {
        self.init(rule: action.rule, agencyID: action.agencyID, userID: action.userID, nominalID: action.nominalID,
                  due: action.due)
    }

    init(rule: RuleID, agencyID: AgencyID, userID: UserID?, nominalID: NominalID?, due: LocalDate) {
        self.rule = rule
        self.agencyID = agencyID
        self.userID = userID
        self.nominalID = nominalID
        self.due = due
    }
}

/// An action of R8, R10 or R16, kept as its rule's candidate with the
/// header (its due date the rule's own date function's), until it is
/// listed: then the rule itself builds it.
/// Every active nominal has an R10 duty, most category 1 nominals an R16 one;
/// building the summaries of hundreds of thousands of them cost more than
/// finding them, and a screen shows one agency's few. Tests check that the
/// header is the rule's own.
struct DeferredAction: Sendable {
    /// Boxed: an R8 candidate is hundreds of bytes, and a million-row scan
    /// moved them around more than it used them.
    indirect enum Candidate: Sendable {
        case r8(R8CompleteRecord.Candidate)
        case r10(R10ValidateAndReview.Candidate)
        case r16(R16AnnualNotification.Candidate)
    }

    let header: ActionHeader
    let candidate: Candidate

    func action(policy: Policy, asOf date: LocalDate) -> Action? {
        switch candidate {
        case .r8(let candidate): R8CompleteRecord.actions(for: [candidate], policy: policy, asOf: date).first
        case .r10(let candidate): R10ValidateAndReview.actions(for: [candidate], policy: policy, asOf: date).first
        case .r16(let candidate): R16AnnualNotification.actions(for: [candidate], policy: policy, asOf: date).first
        }
    }
}

/// An action of R14's record views, kept in 56 bytes until it is listed:
/// almost every managed record has one due within a month (a view every 30
/// days), so a million of them are found by each evaluation, and the
/// candidate they are rebuilt from takes three times the room.
struct DeferredView: Sendable {
    let nominalID: NominalID
    let ownerAgencyID: AgencyID
    let managerUserID: UserID
    /// Letter and number of the CRN (`letter × 1,000,000 + number`), −1 for none.
    let crnKey: Int32
    /// Serial, and year (−1 for no PNC ID).
    let pncSerial: Int32
    let pncYear: Int16
    /// Day numbers (days since 1970-01-01); `Int32.min` for none.
    let viewedDay: Int32
    let assignedDay: Int32
    let createdDay: Int32
    let dueDay: Int32

    init(row: NominalRow, manager: UserID, viewedDay: Int32, assignedDay: Int32, createdDay: Int32, dueDay: Int32) {
        nominalID = row.id
        ownerAgencyID = row.owner
        managerUserID = manager
        crnKey = row.crnKey
        pncSerial = row.pncSerial
        pncYear = row.pncYear
        self.viewedDay = viewedDay
        self.assignedDay = assignedDay
        self.createdDay = createdDay
        self.dueDay = dueDay
    }

    var header: ActionHeader {
        ActionHeader(rule: .r14, agencyID: ownerAgencyID, userID: managerUserID, nominalID: nominalID,
                     due: LocalDate(dayNumber: Int(dueDay)))
    }

    var candidate: R14SPOOversight.ViewCandidate {
        R14SPOOversight.ViewCandidate(
            nominal: RuleNominal(id: nominalID, crn: NominalRow.crn(crnKey),
                                 pncID: NominalRow.pncID(year: pncYear, serial: pncSerial),
                                 ownerAgencyID: ownerAgencyID, managerUserID: managerUserID),
            managerLastViewedOn: DeferredView.date(viewedDay), managerAssignedOn: DeferredView.date(assignedDay),
            createdOn: LocalDate(dayNumber: Int(createdDay)))
    }

    func action(policy: Policy, asOf date: LocalDate) -> Action? {
        R14SPOOversight.viewActions(for: [candidate], policy: policy, asOf: date).first
    }

    /// A day number as kept here (`Int32.min` for none). Days of years 1 to
    /// 9999 (all a `LocalDate` holds) fit in 32 bits.
    static func day(_ dayNumber: Int?) -> Int32 { dayNumber.map { Int32($0) } ?? Int32.min }

    static func date(_ day: Int32) -> LocalDate? { day == Int32.min ? nil : LocalDate(dayNumber: Int(day)) }
}
