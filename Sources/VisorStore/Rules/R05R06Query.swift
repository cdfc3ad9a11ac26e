import GRDB
import VisorDomain
import VisorRegister

/// R5 and R6: multi-agency nominals whose owner must make the other agency
/// kind a partner — police-owned category 1 on licence or a community order
/// (R5, probation), probation-owned category 2 (R6, police). The owner's kind
/// and the partners' kinds come from the agency directory. Due "at once",
/// from the date the duty arose: the rules' own `dutySince`.
enum R05R06Query {
    static func r5Candidate(_ row: NominalRow, _ sides: NominalSides, _ context: ScanContext)
        throws(RegisterDamage) -> R5ProbationPartnerOnCategory1.Candidate? {
        guard row.category == .one, row.level.isMultiAgency,
              let orderType: OrderType = try row.code(.orderType), orderType != .none,
              let since = try dutySince(row, sides, owner: .police, partner: .probation, context,
                                        R5ProbationPartnerOnCategory1.dutySince) else { return nil }
        return R5ProbationPartnerOnCategory1.Candidate(
            nominal: row.ruleNominal, ownerKind: .police, category: .one, level: row.level, orderType: orderType,
            supervisingAreaName: context.directory.name(of: row.reference(.probationArea)), dutySince: since)
    }

    static func r6Candidate(_ row: NominalRow, _ sides: NominalSides, _ context: ScanContext)
        throws(RegisterDamage) -> R6PolicePartnerOnCategory2.Candidate? {
        guard row.category == .two, row.level.isMultiAgency,
              let since = try dutySince(row, sides, owner: .probation, partner: .police, context,
                                        R6PolicePartnerOnCategory2.dutySince) else { return nil }
        return R6PolicePartnerOnCategory2.Candidate(
            nominal: row.ruleNominal, ownerKind: .probation, category: .two, level: row.level,
            homeForceName: context.directory.name(of: row.reference(.homeForce)), dutySince: since)
    }

    /// When an `owner`-kind agency owns the row and no `partner`-kind agency is its partner: the date
    /// the duty to make one arose, as the rule reckons it, if the window shows it.
    private static func dutySince(_ row: NominalRow, _ sides: NominalSides, owner: AgencyKind, partner: AgencyKind,
                                  _ context: ScanContext,
                                  _ reckon: (_ createdOn: LocalDate, _ dutyChangedOn: LocalDate,
                                             _ lastPartnershipEndedOn: LocalDate?) -> LocalDate)
        throws(RegisterDamage) -> LocalDate? {
        guard context.directory.kind(of: row.owner) == owner,
              !sides.partners.contains(where: { context.directory.kind(of: $0) == partner }) else { return nil }
        let since = reckon(row.createdOn, try row.requiredDate(.dutyChangedOn),
                           context.ended.lastEnded(row.id, kind: partner, directory: context.directory))
        return context.window.shows(since) ? since : nil
    }
}

/// Ended partnerships by nominal (R5 and R6 date a renewed duty from the end
/// of the last one). Few: read whole, through a partial index.
struct EndedPartnerships: Sendable {
    private var byNominal: [NominalID: [(agency: AgencyID, endedOn: LocalDate)]] = [:]

    init() {}

    init(_ db: Database, scope: NominalScope?) throws {
        let filter = scope.map { " AND " + $0.condition("nominal_id") } ?? ""
        let rows = try SQLiteCursor(db, sql: """
            SELECT nominal_id, agency_id, ended_on FROM partnership
            WHERE state = 'ended' AND ended_on IS NOT NULL\(filter)
            """, cached: false)
        while try rows.next() {
            let nominal = rows.int64(0)
            let on = try rows.row.requiredDate(2, of: .nominal(nominal), "partnership.ended_on")
            byNominal[nominal, default: []].append((rows.int64(1), on))
        }
    }

    func lastEnded(_ nominal: NominalID, kind: AgencyKind, directory: RuleDirectory) -> LocalDate? {
        byNominal[nominal]?.filter { directory.kind(of: $0.agency) == kind }.map(\.endedOn).max()
    }
}
