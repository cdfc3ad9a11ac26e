import Foundation
import GRDB
import VisorDomain
import VisorRegister

/// A nominal as the partner workflow needs it: its access facts and the
/// data R5–R7 look at.
struct PartnerNominal {
    var facts: RecordFacts
    var crn: CRN?
    var category: MAPPACategory
    var level: MAPPALevel
    var ownerName: String
    var ownerKind: AgencyKind

    var id: NominalID { facts.nominalID }
}

/// The reads every partner operation starts with, inside its transaction.
enum PartnerRecords {
    /// The acting user as the register holds them now: roles may have changed,
    /// or the account been disabled, since they signed in.
    static func actingUser(_ db: Database, _ user: User) throws -> User {
        guard let current = try UserRows.find(db, id: user.id), current.isActive else {
            throw StoreError.refused("the account \(user.username) is disabled: ask your account creator")
        }
        return current
    }

    static func nominal(_ db: Database, _ reference: NominalReference) throws -> PartnerNominal {
        let found: PartnerNominal?
        switch reference {
        case .id(let id): found = try nominal(db, where: "n.id = ?", id)
        case .crn(let crn): found = try nominal(db, where: "n.crn = ?", crn)
        }
        guard let found else { throw StoreError.badInput("no \(reference) on the register") }
        return found
    }

    static func nominal(_ db: Database, id: NominalID) throws -> PartnerNominal {
        try nominal(db, .id(id))
    }

    /// What adding or ending a partnership starts from: the acting user, the nominal they must be able
    /// to see, and the agency; the nominal's actions and both agencies' queues are kept in step.
    static func partnership(_ db: Database, _ kept: inout KeptActionChange, _ reference: NominalReference,
                            _ agencyID: AgencyID, by user: User) throws -> (User, PartnerNominal, Agency) {
        let actor = try actingUser(db, user)
        let nominal = try visibleNominal(db, reference, to: Viewer(user: actor))
        let agency = try agency(db, id: agencyID)
        try kept.touch(db, nominals: [nominal.id])
        try kept.listed(db, nominals: [nominal.id])
        kept.queues.formUnion([agency.id, nominal.facts.ownerAgencyID])
        return (actor, nominal, agency)
    }

    /// The nominal, if `viewer` may see it; one they may not see answers exactly as one that does
    /// not exist ("no nominal 42 on the register"), so that a refusal never tells them it is there,
    /// nor who owns it.
    static func visibleNominal(_ db: Database, _ reference: NominalReference, to viewer: Viewer) throws -> PartnerNominal {
        let found = try nominal(db, reference)
        guard AccessPolicy.access(viewer, to: found.facts, exactMatch: false) != .none else {
            throw StoreError.notVisible("no \(reference) on the register")
        }
        return found
    }

    private static func nominal(_ db: Database, where condition: String,
                                _ value: some DatabaseValueConvertible) throws -> PartnerNominal? {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT n.id, n.crn, n.mappa_category, n.mappa_level, n.lifecycle, n.owner_agency_id, n.manager_user_id,
                   n.created_by, a.name AS owner_name, a.kind AS owner_kind
            FROM nominal n JOIN agency a ON a.id = n.owner_agency_id WHERE \(condition)
            """, arguments: [value]) else { return nil }
        let id: NominalID = row["id"]
        var partners: [AgencyID: Bool] = [:]
        for partner in try Row.fetchAll(db, sql: """
            SELECT agency_id, restricted FROM partnership WHERE nominal_id = ? AND state = 'active'
            """, arguments: [id]) {
            partners[partner["agency_id"]] = partner["restricted"]
        }
        let facts = RecordFacts(nominalID: id, ownerAgencyID: row["owner_agency_id"],
                                managerUserID: row["manager_user_id"], createdByUserID: row["created_by"],
                                partners: partners, lifecycle: row["lifecycle"])
        return PartnerNominal(facts: facts, crn: row["crn"], category: row["mappa_category"],
                              level: row["mappa_level"], ownerName: row["owner_name"], ownerKind: row["owner_kind"])
    }

    static func agency(_ db: Database, id: AgencyID) throws -> Agency {
        guard let row = try Row.fetchOne(db, sql: "SELECT id, kind, name, created_on FROM agency WHERE id = ?",
                                         arguments: [id]) else {
            throw StoreError.badInput("no agency \(id) on the register")
        }
        return Agency(id: row["id"], kind: row["kind"], name: row["name"], createdOn: row["created_on"])
    }

    static func userName(_ db: Database, id: UserID?) throws -> UserName? {
        guard let id, let row = try Row.fetchOne(
            db, sql: "SELECT username, full_name FROM user_account WHERE id = ?", arguments: [id]) else { return nil }
        return UserName(id: id, username: row["username"], fullName: row["full_name"])
    }

    /// Refuses unless `decision` allows the step; the refusal carries its reason.
    static func require(_ decision: Decision) throws {
        if case .refused(let reason) = decision { throw StoreError.refused(reason) }
    }

    /// A required reason, trimmed; an empty one, or one free text refuses, is bad input.
    static func requiredReason(_ reason: String, for step: String) throws -> String {
        let trimmed = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw StoreError.badInput("\(step) needs a reason") }
        return try FreeTextInput.checked(trimmed, field: "reason")
    }

    /// "at 10:31 on 2026-11-25", London time, for messages about who did what when.
    static func when(_ instant: Date) -> String {
        "at " + LondonTime.clockTime(instant) + " on " + LondonTime.date(of: instant).iso
    }

    /// "Carol Price (cpc)", or a placeholder for a step recorded without a user.
    static func who(_ name: UserName?) -> String {
        name.map { "\($0.fullName) (\($0.username))" } ?? "an unrecorded user"
    }
}
