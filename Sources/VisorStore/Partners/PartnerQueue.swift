import Foundation
import GRDB
import VisorDomain
import VisorRegister

extension AppDatabase {
    /// The requests where the user's agency is the requester or the owner,
    /// oldest first, optionally of one state (`visor partners list`). Audited.
    public func partnerRequests(for user: User, state: PartnerRequest.State? = nil,
                                policy: Policy = .standard) throws(StoreError) -> [PartnerRequestView] {
        let now = clock.now()
        return try write { db in
            let actor = try PartnerRecords.actingUser(db, user)
            var condition = "(r.requesting_agency_id = :agency OR n.owner_agency_id = :agency)"
            if state != nil { condition += " AND r.state = :state" }
            let rows = try PartnerRequestRows.requests(
                db, where: condition, arguments: ["agency": actor.agencyID, "state": state],
                viewerAgency: actor.agencyID)
            try AuditLog.append(db, at: now, actor: .user(actor), action: .search,
                                detail: "partner requests (\(state?.rawValue ?? "all")): \(rows.count) listed")
            return rows.map { $0.view(for: actor, today: LondonTime.date(of: now), policy: policy) }
        }
    }

    /// Pending requests awaiting an answer from the user's agency (the owner),
    /// oldest first, each saying whether this user may answer it: the
    /// application's partner queue. Not audited: the queue refreshes on the
    /// timer, and shows only what the owner agency already sees.
    public func incomingRequests(for user: User, policy: Policy = .standard) throws(StoreError) -> [PartnerRequestView] {
        let today = clock.today()
        return try read { db in
            try PartnerRequestRows.requests(
                db, where: "r.state = 'pending' AND r.owner_agency_id = :agency", arguments: ["agency": user.agencyID],
                viewerAgency: user.agencyID, index: PartnersSchema.pendingByOwner
            ).map { $0.view(for: user, today: today, policy: policy) }
        }
    }

    /// Pending requests the user's agency has made, oldest first, with their
    /// age and due date. Not audited, as for `incomingRequests`.
    public func outgoingRequests(for user: User, policy: Policy = .standard) throws(StoreError) -> [PartnerRequestView] {
        let today = clock.today()
        return try read { db in
            try PartnerRequestRows.requests(
                db, where: "r.state = 'pending' AND r.requesting_agency_id = :agency",
                arguments: ["agency": user.agencyID], viewerAgency: user.agencyID
            ).map { $0.view(for: user, today: today, policy: policy) }
        }
    }

    /// Requests answered (accepted, declined or withdrawn) since `since` where the
    /// user's agency is the requester or the owner, latest answer first: the
    /// queue's "answered" view. Not audited, as for `incomingRequests`.
    public func answeredRequests(for user: User, since: LocalDate,
                                 policy: Policy = .standard) throws(StoreError) -> [PartnerRequestView] {
        let today = clock.today()
        return try read { db in
            try PartnerRequestRows.requests(
                db, where: """
                    r.state <> 'pending' AND r.decided_at >= :since
                    AND (r.requesting_agency_id = :agency OR n.owner_agency_id = :agency)
                    """,
                arguments: ["agency": user.agencyID, "since": LondonTime.instant(since)],
                viewerAgency: user.agencyID, index: PartnersSchema.answeredByTime
            ).map { $0.view(for: user, today: today, policy: policy) }
            .sorted { ($0.decidedAt ?? .distantPast, $0.id) > ($1.decidedAt ?? .distantPast, $1.id) }
        }
    }

    /// How many pending requests this user may answer now (the status line's
    /// `N requests`): all of the agency's for a CPC or deputy CPC, those on
    /// the nominals they manage for anyone else with a working role, none for
    /// a read-only user. Agrees with `viewerMayAnswer` of `incomingRequests`.
    public func pendingIncomingCount(for user: User) throws(StoreError) -> Int {
        guard user.hasWorkingRole else { return 0 }
        let answersAll = user.roles.contains(.cpc) || user.roles.contains(.deputyCPC)
        return try read { db in
            try Int.fetchOne(db, sql: """
                SELECT count(*) FROM partner_request r INDEXED BY \(PartnersSchema.pendingByOwner)
                JOIN nominal n ON n.id = r.nominal_id
                WHERE r.state = 'pending' AND r.owner_agency_id = ? AND n.lifecycle = 'active'
                  AND (? OR n.manager_user_id = ?)
                """, arguments: [user.agencyID, answersAll, user.id]) ?? 0
        }
    }
}
