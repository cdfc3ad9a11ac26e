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
        return try read { db in try PartnerQueueReads.incoming(db, user, today: today, policy: policy, limit: nil) }
    }

    /// Pending requests the user's agency has made, oldest first, with their
    /// age and due date. Not audited, as for `incomingRequests`.
    public func outgoingRequests(for user: User, policy: Policy = .standard) throws(StoreError) -> [PartnerRequestView] {
        let today = clock.today()
        return try read { db in try PartnerQueueReads.outgoing(db, user, today: today, policy: policy, limit: nil) }
    }

    /// The partner queue in one read: transfers proposed to the agency, then up to `limit` of each
    /// part (pending incoming and outgoing; with `answered`, the latest answers since `since`), and
    /// how many each part holds — so that a terminal decodes a screenful, not its agency's every
    /// request, after each commit that touches the queue.
    public func partnerQueue(for user: User, since: LocalDate, answered: Bool, limit: Int?,
                             policy: Policy) throws(StoreError) -> PartnerQueueWindow {
        let today = clock.today()
        return try read { db in
            let agency = user.agencyID
            return PartnerQueueWindow(
                transfers: try TransferRows.pendingTo(db, answeredBy: user),
                incoming: try PartnerQueueReads.incoming(db, user, today: today, policy: policy, limit: limit),
                outgoing: try PartnerQueueReads.outgoing(db, user, today: today, policy: policy, limit: limit),
                answered: answered
                    ? try PartnerQueueReads.answered(db, user, since: since, today: today, policy: policy, limit: limit)
                    : [],
                incomingTotal: try Int.fetchOne(db, sql: """
                    SELECT count(*) FROM partner_request INDEXED BY \(PartnersSchema.pendingByOwner)
                    WHERE state = 'pending' AND owner_agency_id = ?
                    """, arguments: [agency]) ?? 0,
                outgoingTotal: try Int.fetchOne(db, sql: """
                    SELECT count(*) FROM partner_request WHERE requesting_agency_id = ? AND state = 'pending'
                    """, arguments: [agency]) ?? 0,
                answerableTotal: try PartnerQueueReads.answerable(db, user),
                // Counted only for its view: it scans the nation's answers of the last 30 days.
                answeredTotal: answered ? try Int.fetchOne(db, sql: """
                    SELECT count(*) FROM partner_request INDEXED BY \(PartnersSchema.answeredByTime)
                    WHERE state <> 'pending' AND decided_at >= ? AND (requesting_agency_id = ? OR owner_agency_id = ?)
                    """, arguments: [LondonTime.instant(since), agency, agency]) ?? 0 : 0)
        }
    }

    /// How many pending requests this user may answer now (the status line's
    /// `N requests`): all of the agency's for a CPC or deputy CPC, those on
    /// the nominals they manage for anyone else with a working role, none for
    /// a read-only user. Agrees with `viewerMayAnswer` of `incomingRequests`.
    public func pendingIncomingCount(for user: User) throws(StoreError) -> Int {
        try read { db in try PartnerQueueReads.answerable(db, user) }
    }
}

/// The reads of the partner queue, in the caller's transaction.
enum PartnerQueueReads {
    static func incoming(_ db: Database, _ user: User, today: LocalDate, policy: Policy,
                         limit: Int?) throws -> [PartnerRequestView] {
        try PartnerRequestRows.requests(
            db, where: "r.state = 'pending' AND r.owner_agency_id = :agency", arguments: ["agency": user.agencyID],
            viewerAgency: user.agencyID, index: PartnersSchema.pendingByOwner, limit: limit
        ).map { $0.view(for: user, today: today, policy: policy) }
    }

    static func outgoing(_ db: Database, _ user: User, today: LocalDate, policy: Policy,
                         limit: Int?) throws -> [PartnerRequestView] {
        try PartnerRequestRows.requests(
            db, where: "r.state = 'pending' AND r.requesting_agency_id = :agency",
            arguments: ["agency": user.agencyID], viewerAgency: user.agencyID, limit: limit
        ).map { $0.view(for: user, today: today, policy: policy) }
    }

    /// Latest answer first. The owner is the one kept on each request (as the pending reads use).
    static func answered(_ db: Database, _ user: User, since: LocalDate, today: LocalDate, policy: Policy,
                         limit: Int?) throws -> [PartnerRequestView] {
        try PartnerRequestRows.requests(
            db, where: """
                r.state <> 'pending' AND r.decided_at >= :since
                AND (r.requesting_agency_id = :agency OR r.owner_agency_id = :agency)
                """,
            arguments: ["agency": user.agencyID, "since": LondonTime.instant(since)],
            viewerAgency: user.agencyID, index: PartnersSchema.answeredByTime, order: "r.decided_at DESC, r.id DESC",
            limit: limit
        ).map { $0.view(for: user, today: today, policy: policy) }
    }

    /// How many pending requests `user` may answer: all of the agency's for a CPC or deputy CPC, those
    /// on the nominals they manage for anyone else with a working role, none for a read-only user.
    static func answerable(_ db: Database, _ user: User) throws -> Int {
        guard user.hasWorkingRole else { return 0 }
        let answersAll = Viewer(user: user).isCPCOrDeputy
        return try Int.fetchOne(db, sql: """
            SELECT count(*) FROM partner_request r INDEXED BY \(PartnersSchema.pendingByOwner)
            JOIN nominal n ON n.id = r.nominal_id
            WHERE r.state = 'pending' AND r.owner_agency_id = ? AND n.lifecycle = 'active'
              AND (? OR n.manager_user_id = ?)
            """, arguments: [user.agencyID, answersAll, user.id]) ?? 0
    }
}
