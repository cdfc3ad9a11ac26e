import VisorDomain
import VisorRegister

/// R3's candidates: active nominals in custody at an establishment other than
/// the owner that is neither an active partner nor a pending requester (the
/// side tables say). No date bound: the due date (custody start, release − 6
/// months or creation) is in the past for almost every candidate, and few
/// remain once partners are known.
enum R03Query {
    static func candidate(_ row: NominalRow, _ sides: NominalSides, _ context: ScanContext)
        throws(RegisterDamage) -> R3PrisonRequestsPartnership.Candidate? {
        guard row.inCustody, let establishment = row.reference(.establishment),
              establishment != row.owner, !sides.partners.contains(establishment),
              !sides.pendingRequesters.contains(establishment) else { return nil }
        return R3PrisonRequestsPartnership.Candidate(
            nominalID: row.id, lifecycle: .active, ownerAgencyID: row.owner,
            ownerName: context.directory.name(of: row.owner), createdOn: row.createdOn, custody: .inCustody,
            establishmentID: establishment,
            custodyStart: try row.date(.custodyStart), releaseDate: try row.date(.releaseDate))
    }
}
