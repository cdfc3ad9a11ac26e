import Foundation
import GRDB
import VisorDomain
import VisorRegister

/// Reads one record's parts; the access decision is `AccessPolicy`'s.
struct RecordDetailReader {
    let db: Database

    func detail(_ id: NominalID, viewer: Viewer, foundExactly: Bool) throws -> RecordDetail? {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT n.*, owner.name AS owner_name, owner.kind AS owner_kind, manager.full_name AS manager_name,
                   manager.username AS manager_username, est.name AS establishment_name,
                   force.name AS force_name, area.name AS area_name
            FROM nominal n JOIN agency owner ON owner.id = n.owner_agency_id
            LEFT JOIN user_account manager ON manager.id = n.manager_user_id
            LEFT JOIN agency est ON est.id = n.establishment_id
            LEFT JOIN agency force ON force.id = n.home_force_id
            LEFT JOIN agency area ON area.id = n.probation_area_id
            WHERE n.id = ?
            """, arguments: [id]) else { return nil }
        let partners = try self.partners(id)
        let access = AccessPolicy.access(viewer, to: facts(id, row, partners), exactMatch: foundExactly)
        guard access != .none else { return nil }
        let nominal = try nominalValue(row, aliases: access == .stub ? [] : aliases(id))
        var detail = RecordDetail(
            access: access, nominal: nominal, ownerName: row["owner_name"], managerName: row["manager_name"],
            establishmentName: nil, homeForceName: nil, probationAreaName: nil, partners: [], entries: [],
            meetings: [], audit: [], lastValidatedOn: nil)
        detail.version = row["version"]
        detail.ownerKind = row["owner_kind"]
        detail.managerUsername = row["manager_username"]
        if access < .full, let agency = viewer.agencyID {
            detail.viewerAgencyRequest = try pendingRequest(id, from: agency)
        }
        guard access != .stub else {
            detail.nominal = stubbed(nominal)
            return detail
        }
        detail.partners = partners
        detail.entries = try entries(id, releasedOnly: access == .restricted)
        guard access == .full else { return detail }
        detail.establishmentName = row["establishment_name"]
        detail.homeForceName = row["force_name"]
        detail.probationAreaName = row["area_name"]
        detail.meetings = try meetings(id)
        detail.archiveReason = row["archive_reason"]
        detail.pendingTransfer = try TransferRows.pending(db, nominal: id)
        detail.history = try history(id)
        // Every check in one read; the latest of each kind (its date, and its time when one was kept) from it.
        let checks = try Row.fetchAll(db, sql: """
            SELECT c.kind, c.checked_on, c.checked_at, c.note, u.username FROM record_check c
            LEFT JOIN user_account u ON u.id = c.by_user_id WHERE c.nominal_id = ? ORDER BY c.checked_on DESC, c.id DESC
            """, arguments: [id]).map { row -> (line: RecordDetail.CheckLine, at: Date?) in
            (RecordDetail.CheckLine(kind: row["kind"], on: row["checked_on"], by: row["username"], note: row["note"]),
             row["checked_at"])
        }
        detail.checks = checks.map(\.line)
        func latest(_ kind: RecordCheck.Kind) -> (on: LocalDate?, at: Date?) {
            let ofKind = checks.filter { $0.line.kind == kind }
            return (ofKind.map(\.line.on).max(), ofKind.compactMap(\.at).max())
        }
        (detail.lastValidatedOn, detail.lastValidatedAt) = latest(.validation)
        (detail.lastReviewedOn, detail.lastReviewedAt) = latest(.review)
        return detail
    }

    /// What `viewer` may see of the record now; `.none` when it does not exist.
    func access(_ id: NominalID, viewer: Viewer, foundExactly: Bool) throws -> RecordAccess {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT owner_agency_id, manager_user_id, created_by, lifecycle FROM nominal WHERE id = ?
            """, arguments: [id]) else { return .none }
        return AccessPolicy.access(viewer, to: facts(id, row, try partners(id)), exactMatch: foundExactly)
    }

    private func partners(_ id: NominalID) throws -> [RecordDetail.Partner] {
        try Row.fetchAll(db, sql: """
            SELECT p.agency_id, p.restricted, p.started_at, a.name FROM partnership p JOIN agency a ON a.id = p.agency_id
            WHERE p.nominal_id = ? AND p.state = 'active' ORDER BY a.name
            """, arguments: [id]).map {
            RecordDetail.Partner(agency: $0["name"], agencyID: $0["agency_id"], restricted: $0["restricted"],
                                 since: $0["started_at"])
        }
    }

    private func facts(_ id: NominalID, _ row: Row, _ partners: [RecordDetail.Partner]) -> RecordFacts {
        RecordFacts(nominalID: id, ownerAgencyID: row["owner_agency_id"], managerUserID: row["manager_user_id"],
                    createdByUserID: row["created_by"],
                    partners: Dictionary(partners.map { ($0.agencyID, $0.restricted) }, uniquingKeysWith: { a, _ in a }),
                    lifecycle: row["lifecycle"])
    }

    private func pendingRequest(_ id: NominalID, from agency: AgencyID) throws -> RecordDetail.PendingRequest? {
        try Row.fetchOne(db, sql: """
            SELECT r.id, r.requested_on, u.full_name FROM partner_request r LEFT JOIN user_account u ON u.id = r.requested_by
            WHERE r.nominal_id = ? AND r.requesting_agency_id = ? AND r.state = 'pending'
            """, arguments: [id, agency]).map {
            RecordDetail.PendingRequest(id: $0["id"], requestedOn: $0["requested_on"], requestedBy: $0["full_name"])
        }
    }

    func audit(_ id: NominalID) throws -> [RecordDetail.AuditLine] {
        try Row.fetchAll(db, sql: """
            SELECT e.at, e.action, e.detail, coalesce(u.username, e.os_user, '?') AS who
            FROM audit_event e LEFT JOIN user_account u ON u.id = e.user_id
            WHERE e.nominal_id = ? ORDER BY e.at DESC, e.id DESC LIMIT 200
            """, arguments: [id]).map {
            RecordDetail.AuditLine(at: $0["at"], who: $0["who"], action: $0["action"], detail: $0["detail"])
        }
    }

    private func aliases(_ id: NominalID) throws -> [String] {
        try Row.fetchAll(db, sql: "SELECT surname, forenames FROM nominal_alias WHERE nominal_id = ? ORDER BY id",
                         arguments: [id]).map { row in
            let forenames: String = row["forenames"]
            return (row["surname"] as String).uppercased() + (forenames.isEmpty ? "" : ", " + forenames)
        }
    }

    private func entries(_ id: NominalID, releasedOnly: Bool) throws -> [RecordDetail.EntryLine] {
        try Row.fetchAll(db, sql: """
            SELECT e.id, e.created_at, e.kind, e.text, e.grading, e.released, e.entry_date, e.rosh, e.corrects_entry_id,
                   a.name AS agency, u.full_name AS author, u.username
            FROM entry e JOIN agency a ON a.id = e.agency_id LEFT JOIN user_account u ON u.id = e.author_id
            WHERE e.nominal_id = ? \(releasedOnly ? "AND e.released = 1" : "")
            ORDER BY e.created_at DESC, e.id DESC LIMIT 200
            """, arguments: [id]).map {
            var line = RecordDetail.EntryLine(at: $0["created_at"], kind: $0["kind"], agency: $0["agency"],
                                              author: $0["author"], text: $0["text"], grading: $0["grading"],
                                              released: $0["released"])
            line.id = $0["id"]
            line.date = $0["entry_date"] ?? LondonTime.date(of: line.at)
            line.authorUsername = $0["username"]
            line.rosh = $0["rosh"]
            line.corrects = $0["corrects_entry_id"]
            return line
        }
    }

    private func meetings(_ id: NominalID) throws -> [RecordDetail.Meeting] {
        try Row.fetchAll(db, sql: """
            SELECT m.id, m.held_on, m.level, m.minutes, m.plan, m.next_review_on,
                   (SELECT group_concat(name, '; ') FROM (SELECT a.name FROM meeting_attendee t
                      JOIN agency a ON a.id = t.agency_id WHERE t.meeting_id = m.id ORDER BY a.name)) AS attendees
            FROM mapp_meeting m WHERE m.nominal_id = ?
            ORDER BY m.held_on DESC, m.id DESC
            """, arguments: [id]).map {
            var meeting = RecordDetail.Meeting(heldOn: $0["held_on"], level: $0["level"], minutes: $0["minutes"],
                                               plan: $0["plan"], nextReviewOn: $0["next_review_on"])
            meeting.id = $0["id"]
            meeting.attendees = ($0["attendees"] as String?).map { $0.components(separatedBy: "; ") } ?? []
            return meeting
        }
    }

    /// Category, level, custody, owner and lifecycle changes, newest first.
    func history(_ id: NominalID) throws -> [RecordHistoryLine] {
        try Row.fetchAll(db, sql: """
            SELECT h.field, h.old_value, h.new_value, h.changed_on, h.changed_at, u.username
            FROM nominal_history h LEFT JOIN user_account u ON u.id = h.changed_by
            WHERE h.nominal_id = ? ORDER BY h.id DESC
            """, arguments: [id]).map {
            RecordHistoryLine(field: $0["field"], old: $0["old_value"], new: $0["new_value"], on: $0["changed_on"],
                              at: $0["changed_at"], by: $0["username"])
        }
    }

    private func nominalValue(_ row: Row, aliases: [String]) throws -> Nominal {
        RecordDetailReader.nominal(row, aliases: aliases)
    }

    /// A `nominal` row (all columns) as the domain's value.
    static func nominal(_ row: Row, aliases: [String]) -> Nominal {
        Nominal(
            id: row["id"], surname: row["surname"], forenames: row["forenames"], aliases: aliases,
            dateOfBirth: row["date_of_birth"], gender: row["gender"], ethnicity: row["ethnicity"], pncID: row["pnc_id"],
            croNumber: row["cro_number"], nomsNumber: row["noms_number"], crn: row["crn"], category: row["mappa_category"],
            level: row["mappa_level"], levelSince: row["level_since"], ownerAgencyID: row["owner_agency_id"],
            managerUserID: row["manager_user_id"], managerAssignedOn: row["manager_assigned_on"],
            managerStaffID: row["manager_staff_id"], custody: row["custody_status"], establishmentID: row["establishment_id"],
            custodyStart: row["custody_start"], releaseDate: row["release_date"], releaseDateType: row["release_date_type"],
            mappEntryDate: row["mapp_entry_date"], orderType: row["order_type"], homeForceID: row["home_force_id"],
            probationAreaID: row["probation_area_id"], rosh: row["rosh_level"], roshDate: row["rosh_date"],
            lastNotification: row["last_notification"], lifecycle: row["lifecycle"], source: row["source"],
            createdOn: row["created_on"], createdByUserID: row["created_by"])
    }

    /// Identity, owner and manager only: everything else cleared, so a screen cannot show it by mistake.
    private func stubbed(_ nominal: Nominal) -> Nominal {
        Nominal(id: nominal.id, surname: nominal.surname, forenames: nominal.forenames, dateOfBirth: nominal.dateOfBirth,
                gender: .notKnown, category: .one, level: .one, ownerAgencyID: nominal.ownerAgencyID,
                managerUserID: nominal.managerUserID, custody: .community, orderType: .none, lifecycle: nominal.lifecycle,
                source: nominal.source, createdOn: nominal.createdOn)
    }
}
