import GRDB
import VisorDomain
import VisorRegister
import VisorStore

/// Writes a `DemoNominal` and its activity: aliases, search keys,
/// partnerships, a pending request, entries, a MAPP meeting, validation and
/// review, and the manager's last view.
enum DemoNominalWriter {
    @discardableResult
    static func write(_ nominal: DemoNominal, _ context: inout DemoContext) throws -> NominalID {
        let person = nominal.person
        let inCustody = nominal.custody == .inCustody
        try context.insert("""
            INSERT INTO nominal (surname, forenames, sort_key, date_of_birth, gender, ethnicity, pnc_id, cro_number,
                noms_number, crn, mappa_category, mappa_level, level_since, owner_agency_id, manager_user_id,
                manager_assigned_on, manager_staff_id, custody_status, establishment_id, custody_start, release_date,
                release_date_type, mapp_entry_date, order_type, home_force_id, probation_area_id, rosh_level,
                rosh_date, last_notification, source, created_on, created_by, duty_changed_on, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                'demo', ?, ?, ?, ?)
            """, [
                person.surname, person.forenames, NameKeys.sortKey(surname: person.surname, forenames: person.forenames),
                person.dateOfBirth, person.gender, nominal.recordEthnicity ? person.ethnicity : nil,
                nominal.hasPNC ? person.pncID : nil, nominal.hasCRO ? person.croNumber : nil,
                nominal.hasNOMS ? person.nomsNumber : nil, nominal.hasCRN ? person.crn : nil,
                nominal.category, nominal.level, nominal.levelSince, nominal.owner, nominal.manager?.id,
                nominal.manager == nil ? nil : nominal.managerAssignedOn, nominal.manager?.staffID, nominal.custody,
                inCustody ? nominal.establishment : nil, inCustody ? nominal.custodyStart : nil, nominal.releaseDate,
                nominal.releaseDate == nil ? nil : nominal.releaseType, nominal.mappEntry, nominal.orderType,
                nominal.homeForce, nominal.probationArea, nominal.rosh, nominal.rosh == nil ? nil : nominal.roshDate,
                nominal.lastNotification, nominal.createdOn, nominal.manager?.id, nominal.dutyChangedOn,
                context.instant(nominal.createdOn),
            ])
        let id = context.db.lastInsertedRowID
        for alias in nominal.aliases {
            try context.insert("INSERT INTO nominal_alias (nominal_id, surname, forenames) VALUES (?, ?, ?)",
                               [id, alias.surname, alias.forenames])
        }
        try context.nameKeys.insert(nominalID: id, surname: person.surname, forenames: person.forenames,
                                    aliases: nominal.aliases)
        try writeActivity(nominal, id: id, &context)
        return id
    }

    private static func writeActivity(_ nominal: DemoNominal, id: NominalID, _ context: inout DemoContext) throws {
        for partner in nominal.partners where partner.agency != nominal.owner {
            try context.insert("""
                INSERT OR IGNORE INTO partnership (nominal_id, agency_id, restricted, state, started_at) VALUES (?, ?, ?, 'active', ?)
                """, [id, partner.agency, partner.restricted, context.instant(partner.since)])
        }
        if let request = nominal.pendingRequest {
            try context.insert("""
                INSERT INTO partner_request (nominal_id, requesting_agency_id, requested_by, requested_at, requested_on,
                                             reason) VALUES (?, ?, ?, ?, ?, ?)
                """, [id, request.agency, context.staff.author(of: request.agency, &context.random),
                      context.instant(request.on, hour: 9 + context.random.int(0...7)), request.on, request.reason])
        }
        for number in 0..<nominal.entryCount {
            let kind = context.random.pick(DemoEntries.kinds)
            let on = max(nominal.createdOn, context.today.adding(days: -context.random.int(0...400)))
            try context.insert("""
                INSERT INTO entry (nominal_id, agency_id, author_id, kind, text, grading, released, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, [id, nominal.owner, nominal.manager?.id, kind, DemoEntries.text(kind, &context.random),
                      kind == .intelligence ? context.random.pick(DemoEntries.gradings) : nil, number == 0,
                      context.instant(on, hour: 9 + number)])
        }
        if let meeting = nominal.meeting {
            try context.insert("""
                INSERT INTO mapp_meeting (nominal_id, held_on, level, minutes, plan, next_review_on)
                VALUES (?, ?, ?, ?, ?, ?)
                """, [id, meeting.heldOn, nominal.level == .three ? 3 : 2,
                      "Level \(nominal.level.rawValue) MAPP meeting: risk reviewed with police, probation and prison.",
                      "Curfew and exclusion zone maintained; home visits fortnightly.", meeting.nextReviewOn])
        }
        let supervisor = context.staff.supervisors[nominal.owner].flatMap { $0.isEmpty ? nil : $0[0] }
            ?? nominal.manager?.id
        if let validatedOn = nominal.validatedOn, let supervisor, validatedOn <= context.today {
            try context.insert("INSERT INTO record_check (nominal_id, kind, checked_on, by_user_id) VALUES (?, 'validation', ?, ?)",
                               [id, validatedOn, supervisor])
            if let reviewed = nominal.lastReviewOn {
                try context.insert("INSERT INTO record_check (nominal_id, kind, checked_on, by_user_id) VALUES (?, 'review', ?, ?)",
                                   [id, reviewed, supervisor])
            }
        }
        if let manager = nominal.manager, let viewed = nominal.managerLastView {
            try context.insert("INSERT INTO record_view (nominal_id, user_id, last_viewed_on) VALUES (?, ?, ?)",
                               [id, manager.id, viewed])
        }
    }
}

/// Entry texts for the demonstration.
enum DemoEntries {
    static let kinds: [Entry.Kind] = [.information, .intelligence, .riskAssessment, .riskManagementPlan, .contact, .note]
    static let gradings = ["B2 P", "C3 P", "A1 C", "B3 P"]

    static func text(_ kind: Entry.Kind, _ random: inout DemoRandom) -> String {
        switch kind {
        case .information: random.pick(["Change of address notified.", "New employment reported.",
                                        "Registered vehicle recorded."])
        case .intelligence: random.pick(["Seen associating with a known offender.",
                                         "Reported contact with children at a leisure centre."])
        case .riskAssessment: "OASys reviewed: risk of serious harm unchanged."
        case .riskManagementPlan: "Plan updated: curfew, exclusion zone and monthly home visits."
        case .mappMinutes: "MAPP meeting minutes filed."
        case .contact: random.pick(["Home visit completed.", "Office appointment attended.", "Missed appointment."])
        case .note: random.pick(["Case transferred within the team.", "Awaiting police disclosure."])
        }
    }
}
