/// A kind of difference between an area's stored extract and the register,
/// in the order `visor reconcile` lists them (nominals-csv.md).
public enum DiscrepancyKind: String, CaseIterable, Sendable, Hashable, Codable {
    case missingNominal = "missing_nominal"
    case missingCase = "missing_case"
    case categoryDiffers = "category_differs"
    case levelDiffers = "level_differs"
    case custodyDiffers = "custody_differs"
    case releaseDateDiffers = "release_date_differs"
    case managerDiffers = "manager_differs"

    /// "category differs", for summaries.
    public var words: String { String(rawValue.map { $0 == "_" ? " " : $0 }) }
}

/// One discrepancy: the JSON object `kind`, `crn`, `nominal`,
/// `register_value`, `extract_value` of `visor reconcile`. Values are written
/// as the CSV writes them (category `2`, custody `in_custody`, ISO dates,
/// staff ids); the `missing_*` kinds carry no values.
public struct Discrepancy: Sendable, Hashable {
    public var kind: DiscrepancyKind
    /// The case's crn, else the nominal's.
    public var crn: CRN?
    public var nominalID: NominalID?
    public var registerValue: String?
    public var extractValue: String?
}

/// Reconciliation of a local case extract with the register, as pure functions.
public enum Reconciliation {
    /// The discrepancies of one case and its matched nominal (either may be
    /// absent), in the table's order. The nominal's lifecycle is not looked at.
    public static func discrepancies(case extractCase: ReconciliationCase?,
                                     nominal: ReconciliationNominal?) -> [Discrepancy] {
        switch (extractCase, nominal) {
        case (nil, nil):
            return []
        case let (.some(c), nil):
            return [Discrepancy(kind: .missingNominal, crn: c.crn, nominalID: nil)]
        case let (nil, .some(n)):
            return [Discrepancy(kind: .missingCase, crn: n.crn, nominalID: n.nominalID)]
        case let (.some(c), .some(n)):
            var found: [Discrepancy] = []
            func compare(_ kind: DiscrepancyKind, _ register: String?, _ extract: String?) {
                if register != extract {
                    found.append(Discrepancy(kind: kind, crn: c.crn, nominalID: n.nominalID,
                                             registerValue: register, extractValue: extract))
                }
            }
            compare(.categoryDiffers, String(n.category.rawValue), String(c.category.rawValue))
            compare(.levelDiffers, String(n.level.rawValue), String(c.level.rawValue))
            compare(.custodyDiffers, n.custody.rawValue, c.custody.rawValue)
            compare(.releaseDateDiffers, n.releaseDate?.iso, c.releaseDate?.iso)
            compare(.managerDiffers, n.managerStaffID, c.offenderManager)
            return found
        }
    }

    public static func discrepancies(of pair: ReconciliationPair) -> [Discrepancy] {
        discrepancies(case: pair.extractCase, nominal: pair.nominal)
    }

    /// True when a case without a nominal is already an R1 duty (category 2,
    /// level 2/3, a release date) or an R2 duty (category 3/4, a MAPP entry
    /// date), so R9 raises no "resolve discrepancy" for it.
    public static func isCoveredByCreationRule(_ extractCase: ReconciliationCase) -> Bool {
        R1CreateCategory2Nominal.applies(category: extractCase.category, level: extractCase.level,
                                         releaseDate: extractCase.releaseDate)
            || R2CreateCategory3Nominal.applies(category: extractCase.category,
                                                mappEntryDate: extractCase.mappEntryDate)
    }

    /// Matches an area's cases to nominals — by crn, else by pnc_id — and adds
    /// a pair for each nominal owned by `areaID` that no case matched. Cases
    /// come first, in file order; then unmatched nominals, by id.
    public static func pairs(cases: [ReconciliationCase], nominals: [ReconciliationNominal],
                             areaID: AgencyID) -> [ReconciliationPair] {
        var byCRN: [CRN: ReconciliationNominal] = [:]
        var byPNC: [PNCID: ReconciliationNominal] = [:]
        for nominal in nominals.sorted(by: { $0.nominalID < $1.nominalID }) {
            if let crn = nominal.crn, byCRN[crn] == nil { byCRN[crn] = nominal }
            if let pnc = nominal.pncID, byPNC[pnc] == nil { byPNC[pnc] = nominal }
        }
        var matched = Set<NominalID>()
        var result: [ReconciliationPair] = []
        for extractCase in cases {
            let nominal = byCRN[extractCase.crn] ?? extractCase.pncID.flatMap { byPNC[$0] }
            if let nominal { matched.insert(nominal.nominalID) }
            result.append(ReconciliationPair(extractCase: extractCase, nominal: nominal))
        }
        for nominal in nominals.sorted(by: { $0.nominalID < $1.nominalID })
        where nominal.ownerAgencyID == areaID && !matched.contains(nominal.nominalID) {
            result.append(ReconciliationPair(extractCase: nil, nominal: nominal))
        }
        return result
    }
}
