import Foundation
import GRDB
import VisorDomain
import VisorRegister

/// A nominal as a records.md step finds it inside its transaction: the whole record, the facts
/// the access rules decide on, and its version.
struct KeptRecord {
    var nominal: Nominal
    var aliases: [Alias]
    var facts: RecordFacts
    var version: Int64
    var updatedAt: Date
    var updatedBy: UserID?
    /// The date R5–R7's "at once" counts from (kept unless the save changes what brought the duty).
    var dutyChangedOn: LocalDate

    var id: NominalID { nominal.id }
}

/// Reads and writes the `nominal` row for the record-keeping steps.
enum KeptRecords {
    /// The record `viewer` may see; one they may not see answers as one that does not exist.
    static func visible(_ db: Database, _ id: NominalID, to viewer: Viewer) throws -> KeptRecord {
        guard let record = try load(db, id),
              AccessPolicy.access(viewer, to: record.facts, exactMatch: false) != .none else {
            throw try notFound(db, id)
        }
        return record
    }

    /// The record `viewer` may see and take the step on: one they may not see answers as one that
    /// does not exist; one they may see but not change is refused with the reason.
    static func permitted(_ db: Database, _ id: NominalID, to viewer: Viewer,
                          _ permission: RecordPermission) throws -> KeptRecord {
        try permitted(db, id, to: viewer, [permission])
    }

    static func permitted(_ db: Database, _ id: NominalID, to viewer: Viewer,
                          _ permissions: [RecordPermission]) throws -> KeptRecord {
        let record = try visible(db, id, to: viewer)
        try RecordRefusal.require(viewer, permissions, on: record.facts)
        return record
    }

    /// "no nominal N on the register": bad input when there is none, and the same words for one the
    /// user may not see (audited as such), so that a refusal never tells them it is there.
    static func notFound(_ db: Database, _ id: NominalID) throws -> StoreError {
        let exists = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM nominal WHERE id = ?)",
                                       arguments: [id]) ?? false
        let message = "no nominal \(id) on the register"
        return exists ? StoreError.notVisible(message) : StoreError.badInput(message)
    }

    static func load(_ db: Database, _ id: NominalID) throws -> KeptRecord? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM nominal WHERE id = ?", arguments: [id]) else {
            return nil
        }
        let aliases = try Row.fetchAll(db, sql: "SELECT surname, forenames FROM nominal_alias WHERE nominal_id = ? ORDER BY id",
                                       arguments: [id]).map { Alias(surname: $0["surname"], forenames: $0["forenames"]) }
        var partners: [AgencyID: Bool] = [:]
        for partner in try Row.fetchAll(db, sql: """
            SELECT agency_id, restricted FROM partnership WHERE nominal_id = ? AND state = 'active'
            """, arguments: [id]) {
            partners[partner["agency_id"]] = partner["restricted"]
        }
        let pendingTransferTo = try AgencyID.fetchOne(db, sql: """
            SELECT to_agency_id FROM nominal_transfer WHERE nominal_id = ? AND state = 'pending'
            """, arguments: [id])
        let nominal = RecordDetailReader.nominal(row, aliases: aliases.map(\.displayText))
        let facts = RecordFacts(nominalID: id, ownerAgencyID: nominal.ownerAgencyID, managerUserID: nominal.managerUserID,
                                createdByUserID: nominal.createdByUserID, partners: partners,
                                lifecycle: nominal.lifecycle, pendingTransferTo: pendingTransferTo)
        return KeptRecord(nominal: nominal, aliases: aliases, facts: facts, version: row["version"],
                          updatedAt: row["updated_at"], updatedBy: row["updated_by"],
                          dutyChangedOn: row["duty_changed_on"])
    }

    /// Writes `nominal` over the record's row, moving its version; the duties R5–R7 date from
    /// today when category, level, order type or owner changed. `aliases`, when given, replace
    /// the record's, and the search keys follow the names.
    static func save(_ db: Database, _ nominal: Nominal, was old: KeptRecord, aliases: [Alias]?, at now: Date,
                     by user: User, archiveReason: String?? = nil) throws {
        let today = LondonTime.date(of: now)
        let dutyChanged = old.nominal.category != nominal.category || old.nominal.level != nominal.level
            || old.nominal.orderType != nominal.orderType || old.nominal.ownerAgencyID != nominal.ownerAgencyID
        let record = NominalRecord(nominal, dutyChangedOn: dutyChanged ? today : old.dutyChangedOn, updatedAt: now)
        try record.update(db)
        try db.execute(sql: "UPDATE nominal SET version = version + 1, updated_by = ? WHERE id = ?",
                       arguments: [user.id, old.id])
        if let archiveReason {
            try db.execute(sql: "UPDATE nominal SET archive_reason = ? WHERE id = ?", arguments: [archiveReason, old.id])
        }
        let namesChanged = old.nominal.surname != nominal.surname || old.nominal.forenames != nominal.forenames
        if let aliases, aliases != old.aliases || namesChanged {
            try db.execute(sql: "DELETE FROM nominal_alias WHERE nominal_id = ?", arguments: [old.id])
            try db.execute(sql: "DELETE FROM name_key WHERE nominal_id = ?", arguments: [old.id])
            try NameKeys.insert(db, nominalID: old.id, surname: nominal.surname, forenames: nominal.forenames,
                                aliases: aliases.map { ($0.surname, $0.forenames) })
        } else if namesChanged {
            try db.execute(sql: "DELETE FROM name_key WHERE nominal_id = ?", arguments: [old.id])
            try NameKeys.insert(db, nominalID: old.id, surname: nominal.surname, forenames: nominal.forenames,
                                aliases: old.aliases.map { ($0.surname, $0.forenames) })
        }
    }

    /// Moves the version of a record a step added to (an entry, a meeting, a check), so that a form
    /// opened before it learns of the change.
    static func touch(_ db: Database, _ id: NominalID, at now: Date, by user: User) throws {
        try db.execute(sql: "UPDATE nominal SET version = version + 1, updated_by = ?, updated_at = ? WHERE id = ?",
                       arguments: [user.id, now, id])
    }

    /// Refuses a change made on a stale view, naming who changed the record and when.
    static func checkVersion(_ db: Database, _ record: KeptRecord, expected: Int64?) throws {
        guard let expected else { return }
        let name = try PartnerRecords.userName(db, id: record.updatedBy)
        do throws(VersionConflict) {
            try VersionCheck.check(expected: expected, current: record.version,
                                   changedBy: name.map { "\($0.fullName) (\($0.username))" } ?? "an import",
                                   changedAt: record.updatedAt)
        } catch {
            throw RecordStepError.conflict(error)
        }
    }

    /// The register's agencies, for validating agency names.
    static func agencyIndex(_ db: Database) throws -> VisorDomain.AgencyIndex {
        VisorDomain.AgencyIndex(try AgencyRows.all(db))
    }

    /// Writes the history items of a change.
    static func writeHistory(_ db: Database, _ items: [NominalHistoryItem], nominal id: NominalID, at now: Date) throws {
        for item in items {
            try writeHistory(db, field: item.field.rawValue, old: item.old, new: item.new, nominal: id, on: item.on,
                             at: now, by: item.by)
        }
    }

    static func writeHistory(_ db: Database, field: String, old: String?, new: String?, nominal id: NominalID,
                             on date: LocalDate, at now: Date, by userID: UserID?) throws {
        try db.execute(sql: """
            INSERT INTO nominal_history (nominal_id, field, old_value, new_value, changed_on, changed_at, changed_by)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """, arguments: [id, field, old, new, date, now, userID])
    }
}
