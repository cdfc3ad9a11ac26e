import GRDB
import VisorDomain
import VisorRegister

extension AppDatabase {
    /// The agency R5 or R6 wants made a partner on this nominal now, so that
    /// one key can call `addPartner` with it: the supervising probation area
    /// of a police-owned category 1 level 2/3 nominal on licence or a
    /// community order (R5), the home police force of a probation-owned
    /// category 2 level 2/3 nominal (R6). Nil when neither duty applies, the
    /// duty is already met (any agency of that kind is an active partner), the
    /// agency is not recorded, or the nominal is archived.
    public func dutyPartner(for nominal: NominalID) throws(StoreError) -> Agency? {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT n.mappa_category, n.mappa_level, n.order_type, n.lifecycle, n.home_force_id,
                       n.probation_area_id, a.kind AS owner_kind
                FROM nominal n JOIN agency a ON a.id = n.owner_agency_id WHERE n.id = ?
                """, arguments: [nominal]) else { throw StoreError.badInput("no nominal \(nominal) on the register") }
            let category: MAPPACategory = row["mappa_category"]
            let level: MAPPALevel = row["mappa_level"]
            let orderType: OrderType = row["order_type"]
            let ownerKind: AgencyKind = row["owner_kind"]
            let lifecycle: Lifecycle = row["lifecycle"]
            guard lifecycle == .active, level.isMultiAgency else { return nil }
            let wanted: (kind: AgencyKind, id: AgencyID?)
            if ownerKind == .police, category == .one, orderType == .licence || orderType == .communityOrder {
                wanted = (.probation, row["probation_area_id"])
            } else if ownerKind == .probation, category == .two {
                wanted = (.police, row["home_force_id"])
            } else {
                return nil
            }
            let met = try Bool.fetchOne(db, sql: """
                SELECT EXISTS (SELECT 1 FROM partnership p JOIN agency a ON a.id = p.agency_id
                               WHERE p.nominal_id = ? AND p.state = 'active' AND a.kind = ?)
                """, arguments: [nominal, wanted.kind]) ?? false
            guard !met, let agencyID = wanted.id else { return nil }
            let agency = try PartnerRecords.agency(db, id: agencyID)
            return agency.kind == wanted.kind ? agency : nil
        }
    }
}
