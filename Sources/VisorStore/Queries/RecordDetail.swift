import Foundation
import GRDB
import VisorDomain
import VisorRegister

extension AppDatabase {
    /// Opens a record for `user`: returns what they may see of it and audits
    /// the view (and, for the nominal manager, records it for R14). A record
    /// they may not see at all is refused; a stub is returned only when
    /// `foundExactly` (an exact identifier or name + date-of-birth search).
    public func openRecord(_ id: NominalID, for user: User, foundExactly: Bool) throws(StoreError) -> RecordDetail {
        try auditingRefusal(by: user, step: "open record") { () throws(StoreError) -> RecordDetail in
            let now = clock.now()
            let today = LondonTime.date(of: now)
            return try change { db, kept in
                guard var detail = try RecordDetailReader(db: db).detail(id, viewer: Viewer(user: user),
                                                                          foundExactly: foundExactly) else {
                    // One the user may not see answers exactly as one that does not exist.
                    throw try KeptRecords.notFound(db, id)
                }
                let action: AuditEvent.Action = detail.access == .stub ? .viewStub : .viewRecord
                try AuditLog.append(db, at: now, actor: .user(user), action: action, nominalID: id,
                                    detail: "application: \(detail.access.rawValue)")
                if detail.access != .stub {
                    try db.execute(sql: """
                        INSERT INTO record_view (nominal_id, user_id, last_viewed_on) VALUES (?, ?, ?)
                        ON CONFLICT (nominal_id, user_id) DO UPDATE SET last_viewed_on = excluded.last_viewed_on
                        """, arguments: [id, user.id, today])
                    // The manager's view resets R14's clock on the record.
                    if detail.nominal.managerUserID == user.id { try kept.touch(db, nominals: [id]) }
                }
                if detail.access == .full, detail.nominal.ownerAgencyID == user.agencyID {
                    detail.audit = try RecordDetailReader(db: db).audit(id)
                }
                return detail
            }
        }
    }
}

extension AppDatabase {
    /// What `user` may see of a record now, without opening it (nothing is shown, so nothing is
    /// audited): the application checks an open record again when another terminal commits.
    public func recordAccess(_ id: NominalID, for user: User, foundExactly: Bool) throws(StoreError) -> RecordAccess {
        try read { db in try RecordDetailReader(db: db).access(id, viewer: Viewer(user: user), foundExactly: foundExactly) }
    }
}
