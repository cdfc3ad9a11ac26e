import GRDB
import VisorDomain
import VisorRegister

/// R14's two kinds of candidates.
///
/// Record views: active nominals with a manager, with the manager's last view
/// from the side table. Almost every managed record has one within a month,
/// so the action is deferred (`DeferredView`): its due date is worked out
/// here and the rule builds it when it is listed.
///
/// Sign-ins: active users holding the `spo` role, with their last sign-in to
/// the application.
enum R14Query {
    /// The row's "record not viewed" action, when the window shows it: due
    /// 30 days after the later of the manager's last view and the
    /// assignment, else after the creation (the rule's own date).
    static func deferredView(_ row: NominalRow, _ sides: NominalSides, _ context: ScanContext) -> DeferredView? {
        guard let manager = row.manager else { return nil }
        let assigned = row.columns.date(NominalRow.Column.managerAssignedOn)
        if let assigned, assigned > context.r14Latest { return nil }
        var viewed: LocalDate?
        for view in sides.views where view.user == manager { viewed = view.on }
        // In day numbers, worked out once: DeferredView keeps them so.
        let viewedDay = DeferredView.day(viewed)
        let assignedDay = DeferredView.day(assigned)
        let createdDay = Int32(row.createdOn.dayNumber)
        let sinceDay = viewed == nil && assigned == nil ? createdDay : max(viewedDay, assignedDay)
        guard sinceDay <= context.r14LatestDay else { return nil }
        return DeferredView(row: row, manager: manager, viewedDay: viewedDay, assignedDay: assignedDay,
                            createdDay: createdDay,
                            dueDay: sinceDay + Int32(context.window.policy.r14ManagerViewDays))
    }

    /// Active SPOs with their last application sign-in.
    static func logonCandidates(_ db: Database) throws -> [R14SPOOversight.LogonCandidate] {
        let rows = try SQLiteCursor(db, sql: """
            SELECT u.id, u.username, u.agency_id, u.last_sign_in_on, u.created_on FROM user_account u
            WHERE u.active = 1 AND u.disabled_on IS NULL AND EXISTS (SELECT 1 FROM user_role r
                                           WHERE r.user_id = u.id AND r.role = 'spo' AND r.revoked_on IS NULL)
            """)
        var candidates: [R14SPOOversight.LogonCandidate] = []
        while try rows.next() {
            guard let created = rows.date(4) else { continue }
            candidates.append(.init(userID: rows.int64(0), username: rows.string(1) ?? "", agencyID: rows.int64(2),
                                    lastSignInOn: rows.date(3), createdOn: created))
        }
        return candidates
    }
}
