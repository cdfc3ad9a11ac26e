import GRDB
import VisorDomain
import VisorRegister

/// R14's two kinds of candidates.
///
/// Record views: active nominals with a manager, with the manager's last view
/// from the side table. Almost every managed record has one within a month,
/// so the action is deferred (`DeferredView`) with the rule's due date, and
/// the rule builds it when it is listed.
///
/// Sign-ins: active users holding the `spo` role, with their last sign-in to
/// the application.
enum R14Query {
    /// The row's "record not viewed" action, when the window shows it: due
    /// the rule's own date (`R14SPOOversight.viewDueDay`), in day numbers,
    /// as `DeferredView` keeps it.
    static func deferredView(_ row: NominalRow, _ sides: NominalSides, _ context: ScanContext)
        throws(RegisterDamage) -> DeferredView? {
        guard let manager = row.manager else { return nil }
        var viewed: LocalDate?
        for view in sides.views where view.user == manager { viewed = view.on }
        let viewedDay = viewed?.dayNumber
        let assignedDay = try row.date(.managerAssignedOn)?.dayNumber
        let createdDay = row.createdOn.dayNumber
        let dueDay = R14SPOOversight.viewDueDay(lastViewedDay: viewedDay, assignedDay: assignedDay,
                                                createdDay: createdDay, policy: context.window.policy)
        guard dueDay <= context.boundDay else { return nil }
        return DeferredView(row: row, manager: manager, viewedDay: DeferredView.day(viewedDay),
                            assignedDay: DeferredView.day(assignedDay), createdDay: Int32(createdDay),
                            dueDay: Int32(dueDay))
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
            let user = RegisterDamage.Subject.user(rows.int64(0))
            candidates.append(.init(
                user: RuleUser(id: rows.int64(0), username: rows.string(1) ?? "", agencyID: rows.int64(2)),
                lastSignInOn: try rows.row.optionalDate(3, of: user, "last_sign_in_on"),
                createdOn: try rows.row.requiredDate(4, of: user, "created_on")))
        }
        return candidates
    }
}
