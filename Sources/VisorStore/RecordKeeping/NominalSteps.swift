import Foundation
import GRDB
import VisorDomain
import VisorRegister

extension AppDatabase {
    public func createNominal(_ draft: NominalDraft, manager: String?, confirmDuplicate: Bool, by user: User,
                              policy: Policy) throws(RecordStepError) -> RecordDetail {
        try recordStep(by: user, step: "nominal create") { db, kept, actor, now in
            let viewer = Viewer(user: actor)
            if let refusal = AccessPolicy.checkCreate(viewer) { throw StoreError.refused(refusal.description) }
            let today = LondonTime.date(of: now)
            let agencies = try KeptRecords.agencyIndex(db)
            let core = try draft.validated(creating: true, today: today, agencies: agencies)
            try DuplicateRows.check(db, core, editing: nil, confirmNamesake: confirmDuplicate)
            var nominal = core.newNominal(id: 0, ownerAgencyID: actor.agencyID, createdBy: actor.id, on: today)
            if let manager {
                let candidate = try ManagerRows.candidate(db, username: manager)
                // The creator may name themselves; naming another needs the right to assign.
                if candidate.userID != actor.id {
                    let facts = RecordFacts(nominalID: 0, ownerAgencyID: actor.agencyID, managerUserID: nil,
                                            createdByUserID: actor.id, partners: [:], lifecycle: .active)
                    try RecordRefusal.require(viewer, .assignManager, on: facts)
                }
                nominal = try ManagerAssignment.assign(candidate, to: nominal, on: today)
            }
            let firstOfAgency = try !(Bool.fetchOne(db, sql: """
                SELECT EXISTS (SELECT 1 FROM nominal WHERE owner_agency_id = ? AND lifecycle = 'active')
                """, arguments: [actor.agencyID]) ?? false)
            var record = NominalRecord(nominal, updatedAt: now)
            let id = try record.insertWithKeys(db, aliases: core.aliases.map { ($0.surname, $0.forenames) })
            try db.execute(sql: "UPDATE nominal SET updated_by = ? WHERE id = ?", arguments: [actor.id, id])
            kept.created(id)
            try kept.listed(db, nominals: [id])
            if firstOfAgency { kept.agencies = true }  // R9 dates an area's reconciliation from its first nominal
            nominal.id = id
            let values = CoreField.allCases.compactMap { field in
                field.text(of: nominal, agencies: agencies).map { "\(field.rawValue)=\($0)" }
            }
            try AuditLog.append(db, at: now, actor: .user(actor), action: .createNominal, nominalID: id,
                                detail: "created: " + values.joined(separator: "; "))
            return try RecordSheet.read(db, id, viewer: viewer)
        }
    }

    public func editNominal(_ id: NominalID, changes draft: NominalDraft, manager: String? = nil,
                            expectedVersion: Int64?, by user: User, policy: Policy) throws(RecordStepError) -> RecordDetail {
        try recordStep(by: user, step: "nominal edit", nominal: id) { db, kept, actor, now in
            let viewer = Viewer(user: actor)
            let record = try KeptRecords.permitted(db, id, to: viewer, .editCore)
            try KeptRecords.checkVersion(db, record, expected: expectedVersion)
            let today = LondonTime.date(of: now)
            let agencies = try KeptRecords.agencyIndex(db)
            var merged = NominalDraft(editing: record.nominal, agencies: agencies, aliases: record.aliases)
            for (field, value) in draft.values where field != .alias { merged.values[field] = value }
            if !draft.aliases.isEmpty { merged.aliases = draft.aliases.filter { !$0.isEmpty } }
            let core = try merged.validated(creating: false, today: today, agencies: agencies)
            try DuplicateRows.check(db, core, editing: id, confirmNamesake: true)
            var edited = core.applied(to: record.nominal, on: today)
            let changes = CoreChange.between(record.nominal, edited, agencies: agencies)
            // A new manager, named on the same form, is assigned in the same step (or neither is saved).
            var managerChange: (before: String?, after: String)?
            if let manager, !manager.isEmpty,
               case let before = try PartnerRecords.userName(db, id: record.nominal.managerUserID)?.username,
               manager != before {
                try RecordRefusal.require(viewer, .assignManager, on: record.facts)
                edited = try ManagerAssignment.assign(try ManagerRows.candidate(db, username: manager), to: edited, on: today)
                managerChange = (before, manager)
            }
            guard !changes.isEmpty || managerChange != nil else { return try RecordSheet.read(db, id, viewer: viewer) }
            try kept.touch(db, nominals: [id])
            if !changes.isEmpty { try kept.listed(db, nominals: [id]) }
            try KeptRecords.save(db, edited, was: record, aliases: core.aliases, at: now, by: actor)
            try KeptRecords.writeHistory(db, NominalHistory.items(old: record.nominal, new: edited, on: today,
                                                                  by: actor.id, agencies: agencies),
                                         nominal: id, at: now)
            if !changes.isEmpty {
                try AuditLog.append(db, at: now, actor: .user(actor), action: .updateNominal, nominalID: id,
                                    detail: "edited: " + changes.map(RecordAuditText.change).joined(separator: "; "))
            }
            if let managerChange {
                try AuditLog.append(db, at: now, actor: .user(actor), action: .assignManager, nominalID: id,
                                    detail: "manager: \(managerChange.before ?? "(none)") → \(managerChange.after)")
            }
            return try RecordSheet.read(db, id, viewer: viewer)
        }
    }

    public func assignManager(_ id: NominalID, username: String, by user: User) throws(RecordStepError) -> RecordDetail {
        try recordStep(by: user, step: "nominal assign", nominal: id) { db, kept, actor, now in
            let viewer = Viewer(user: actor)
            let record = try KeptRecords.permitted(db, id, to: viewer, .assignManager)
            let candidate = try ManagerRows.candidate(db, username: username)
            let assigned = try ManagerAssignment.assign(candidate, to: record.nominal, on: LondonTime.date(of: now))
            let before = try PartnerRecords.userName(db, id: record.nominal.managerUserID)?.username
            try kept.touch(db, nominals: [id])
            try KeptRecords.save(db, assigned, was: record, aliases: nil, at: now, by: actor)
            try AuditLog.append(db, at: now, actor: .user(actor), action: .assignManager, nominalID: id,
                                detail: "manager: \(before ?? "(none)") → \(candidate.username)")
            return try RecordSheet.read(db, id, viewer: viewer)
        }
    }

    public func changeLifecycle(_ id: NominalID, to lifecycle: Lifecycle, reason: String, by user: User)
        throws(RecordStepError) -> RecordDetail {
        let step = lifecycle == .archived ? "nominal archive" : "nominal unarchive"
        return try recordStep(by: user, step: step, nominal: id) { db, kept, actor, now in
            let viewer = Viewer(user: actor)
            let record = try KeptRecords.visible(db, id, to: viewer)
            if lifecycle == .archived {
                guard record.nominal.lifecycle != .archived else {
                    throw StoreError.refused("nominal \(id) is already archived")
                }
                try RecordRefusal.require(viewer, .archive, on: record.facts)
            } else if let refusal = AccessPolicy.checkUnarchive(viewer, on: record.facts) {
                throw StoreError.refused(refusal.description)
            }
            let change = try LifecycleChange(to: lifecycle, reason: reason)
            try kept.touch(db, nominals: [id])
            try kept.listed(db, nominals: [id])
            if lifecycle == .archived, let pending = record.facts.pendingTransferTo {
                // An archived record takes no answer: the proposal ends with it.
                try db.execute(sql: """
                    UPDATE nominal_transfer SET state = 'declined', decided_by = ?, decided_at = ?, reason = ?
                    WHERE nominal_id = ? AND state = 'pending'
                    """, arguments: [actor.id, now, "the record was archived: \(change.reason)", id])
                kept.queues.insert(pending)
            }
            kept.agencies = true  // R9's "first active nominal" of the owner may move
            try KeptRecords.save(db, change.applied(to: record.nominal), was: record, aliases: nil, at: now, by: actor,
                                 archiveReason: .some(lifecycle == .archived ? change.reason : nil))
            try KeptRecords.writeHistory(db, field: "lifecycle", old: record.nominal.lifecycle.rawValue,
                                         new: lifecycle.rawValue, nominal: id, on: LondonTime.date(of: now), at: now,
                                         by: actor.id)
            try AuditLog.append(db, at: now, actor: .user(actor),
                                action: lifecycle == .archived ? .archiveNominal : .unarchiveNominal, nominalID: id,
                                detail: "\(lifecycle.rawValue): \(change.reason)")
            return try RecordSheet.read(db, id, viewer: viewer)
        }
    }
}

/// How a change is written in the audit trail.
enum RecordAuditText {
    static func change(_ change: CoreChange) -> String {
        "\(change.field.rawValue): \(change.old ?? "(none)") → \(change.new ?? "(none)")"
    }
}

/// The user named as a nominal's manager.
enum ManagerRows {
    static func candidate(_ db: Database, username: String) throws -> ManagerCandidate {
        guard let user = try UserRows.find(db, username: username) else {
            throw FieldError(field: ManagerAssignment.field, value: username, message: "no such user on the register")
        }
        return ManagerCandidate(user: user)
    }
}
