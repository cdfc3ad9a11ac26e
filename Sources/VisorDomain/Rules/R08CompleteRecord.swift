/// R8 — A nominal carries the minimum data set (seed: mandatory action 6);
/// the set is `Policy.minimumDataSet`.
///
/// Candidates the store supplies: each active nominal, with the values of the
/// data set's fields (nil or blank text = missing). SQL bound for a horizon H:
/// `created_on <= H` (the due date is later than creation). `NS` ethnicity and
/// `U` gender are answers, so they count as present. `custody_details`
/// (establishment and release date) is asked only when in custody;
/// `last_notification` only for category 1. `identifier` needs at least one
/// of PNC ID, CRN, NOMS number. The rule returns nothing when nothing is
/// missing, and ignores archived nominals.
///
/// Action: "complete record", naming the missing fields, for the owner, user =
/// the manager (if any), on the nominal. Due creation + *5 working days*
/// (`Policy.r8CompleteWorkingDays`).
public enum R8CompleteRecord {
    public struct Candidate: Sendable, Hashable {
        public var nominal: RuleNominal
        public var nomsNumber: NOMSNumber?
        public var createdOn: LocalDate
        public var surname: String?
        public var forenames: String?
        public var dateOfBirth: LocalDate?
        public var gender: Gender?
        public var ethnicity: Ethnicity?
        public var category: MAPPACategory?
        public var level: MAPPALevel?
        public var custody: CustodyStatus?
        public var establishmentID: AgencyID?
        public var releaseDate: LocalDate?
        public var rosh: RoSHLevel?
        public var lastNotification: LocalDate?

        public init(nominal: RuleNominal, nomsNumber: NOMSNumber? = nil, createdOn: LocalDate, surname: String? = nil, forenames: String? = nil,
                    dateOfBirth: LocalDate? = nil, gender: Gender? = nil, ethnicity: Ethnicity? = nil,
                    category: MAPPACategory? = nil, level: MAPPALevel? = nil, custody: CustodyStatus? = nil,
                    establishmentID: AgencyID? = nil, releaseDate: LocalDate? = nil, rosh: RoSHLevel? = nil,
                    lastNotification: LocalDate? = nil) {
            self.nominal = nominal
            self.nomsNumber = nomsNumber
            self.createdOn = createdOn
            self.surname = surname
            self.forenames = forenames
            self.dateOfBirth = dateOfBirth
            self.gender = gender
            self.ethnicity = ethnicity
            self.category = category
            self.level = level
            self.custody = custody
            self.establishmentID = establishmentID
            self.releaseDate = releaseDate
            self.rosh = rosh
            self.lastNotification = lastNotification
        }

        /// The facts of a nominal as the register holds it.
        public init(_ nominal: Nominal) {
            self.init(nominal: RuleNominal(nominal), nomsNumber: nominal.nomsNumber,
                      createdOn: nominal.createdOn, surname: nominal.surname,
                      forenames: nominal.forenames, dateOfBirth: nominal.dateOfBirth, gender: nominal.gender,
                      ethnicity: nominal.ethnicity, category: nominal.category, level: nominal.level,
                      custody: nominal.custody, establishmentID: nominal.establishmentID,
                      releaseDate: nominal.releaseDate, rosh: nominal.rosh, lastNotification: nominal.lastNotification)
        }
    }

    public static func actions(for candidates: [Candidate], policy: Policy, asOf date: LocalDate) -> [Action] {
        let calendar = policy.workingCalendar
        return candidates.compactMap { candidate in
            guard candidate.nominal.isActive else { return nil }
            let labels = missingLabels(of: candidate, policy: policy)
            guard !labels.isEmpty else { return nil }
            let head = "Complete record of " + candidate.nominal.text
            return candidate.nominal.action(
                .r8, for: candidate.nominal.managerUserID,
                due: due(createdOn: candidate.createdOn, calendar: calendar, policy: policy),
                summary: head + ": missing " + labels.joined(separator: ", "))
        }
    }

    /// The record's completion date: creation + *5 working days*. The rule
    /// and the store's scan (which defers the action) both ask here.
    public static func due(createdOn: LocalDate, policy: Policy) -> LocalDate {
        due(createdOn: createdOn, calendar: policy.workingCalendar, policy: policy)
    }

    /// The same with `policy.workingCalendar` passed in: callers with many
    /// records take it once, not once per record.
    public static func due(createdOn: LocalDate, calendar: WorkingCalendar, policy: Policy) -> LocalDate {
        calendar.adding(workingDays: policy.r8CompleteWorkingDays, to: createdOn)
    }

    /// The fields of the policy's data set that the record lacks, in the policy's order.
    public static func missingFields(of candidate: Candidate, policy: Policy) -> [MinimumDataField] {
        policy.minimumDataSet.filter { !missingParts(of: $0, in: candidate).isEmpty }
    }

    /// Names of the missing fields for the summary ("establishment", "release date", …).
    static func missingLabels(of candidate: Candidate, policy: Policy) -> [String] {
        var seen = Set<MinimumDataField>()
        return policy.minimumDataSet.filter { seen.insert($0).inserted }
            .flatMap { missingParts(of: $0, in: candidate) }
    }

    /// What of `field` is missing, as caseworker words; empty when present or not asked.
    static func missingParts(of field: MinimumDataField, in c: Candidate) -> [String] {
        func text(_ value: String?) -> Bool { !(value ?? "").allSatisfy(\.isWhitespace) }
        switch field {
        case .surname: return text(c.surname) ? [] : ["surname"]
        case .forenames: return text(c.forenames) ? [] : ["forenames"]
        case .dateOfBirth: return c.dateOfBirth != nil ? [] : ["date of birth"]
        case .gender: return c.gender != nil ? [] : ["gender"]
        case .ethnicity: return c.ethnicity != nil ? [] : ["ethnicity"]
        case .identifier:
            return c.nominal.pncID != nil || c.nominal.crn != nil || c.nomsNumber != nil
                ? [] : ["PNC ID, CRN or NOMS number"]
        case .category: return c.category != nil ? [] : ["category"]
        case .level: return c.level != nil ? [] : ["level"]
        case .owner: return []
        case .manager: return c.nominal.managerUserID != nil ? [] : ["manager"]
        case .custodyStatus: return c.custody != nil ? [] : ["custody status"]
        case .custodyDetails:
            guard c.custody == .inCustody else { return [] }
            return (c.establishmentID != nil ? [] : ["establishment"]) + (c.releaseDate != nil ? [] : ["release date"])
        case .rosh: return c.rosh != nil ? [] : ["risk of serious harm"]
        case .lastNotification:
            return c.category == .one && c.lastNotification == nil ? ["last notification"] : []
        }
    }
}
