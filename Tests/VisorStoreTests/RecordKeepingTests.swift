import Foundation
import GRDB
import Testing
import VisorDomain
import VisorRegister
@testable import VisorStore

/// Issue 14, the store: each records.md step is one transaction and one audit event, refused
/// (changing nothing) when domain.md's table does not allow it, refused on a stale version, and
/// keeps the kept actions equal to a full evaluation.
@Suite("Keeping records: the store's steps")
struct RecordKeepingTests {
    let register: PartnerRegister
    var database: AppDatabase { register.database }
    let policy = Policy()

    init() throws {
        register = try PartnerRegister()
        try register.database.rebuildKeptActions()
    }

    func draft(surname: String = "Testperson", born: String = "1980-02-03", crn: String? = "X900001",
               category: String = "2", level: String = "2") -> NominalDraft {
        var draft = NominalDraft.blank()
        draft.values = draft.values.merging([
            .surname: surname, .forenames: "Alan", .dateOfBirth: born, .gender: "M", .ethnicity: "W1",
            .category: category, .level: level,
        ]) { $1 }
        if let crn { draft.values[.crn] = crn }
        return draft
    }

    /// A fixture nominal, written straight to its table: the kept actions are rebuilt to include it.
    func kept(_ id: NominalID) throws -> NominalID {
        try database.rebuildKeptActions()
        return id
    }

    func failure<T>(_ body: () throws(RecordStepError) -> T) -> RecordStepError? {
        do {
            _ = try body()
            return nil
        } catch {
            return error
        }
    }

    func rows(_ table: String) throws -> [String] {
        try database.read { db in try Row.fetchAll(db, sql: "SELECT * FROM \(table)").map(\.description).sorted() }
    }

    /// Every table's rows as text: equal before and after means nothing was written.
    func state() throws -> [String] {
        try ["nominal", "nominal_alias", "name_key", "nominal_history", "entry", "mapp_meeting", "meeting_attendee",
             "record_check", "notification", "nominal_transfer", "partnership", "kept_action"].flatMap(rows)
    }

    func expectAgree(_ after: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try KeptActionsTests.expectAgree(database, asOf: PartnerRegister.today, after, sourceLocation: sourceLocation)
    }

    func actions(_ id: NominalID) throws -> [String] {
        try database.read { db in
            try Int.fetchAll(db, sql: "SELECT rule FROM kept_action WHERE nominal_id = ? ORDER BY rule", arguments: [id]).map { "R\($0)" }
        }
    }

    // MARK: Create

    @Test("Create: the creator's agency owns it, version 1, one audit event with every value, actions kept")
    func create() throws {
        let detail = try database.createNominal(draft(), manager: nil, confirmDuplicate: false, by: register.manager,
                                                policy: policy)
        #expect(detail.nominal.ownerAgencyID == register.london.id)
        #expect(detail.version == 1)
        #expect(detail.nominal.createdByUserID == register.manager.id)
        let events = try register.audit().filter { $0.nominal == detail.nominal.id }
        #expect(events.map(\.action) == ["create_nominal"])
        #expect(events.first?.detail.contains("crn=X900001") == true)
        #expect(events.first?.detail.contains("mappa_level=2") == true)
        let kept = try actions(detail.nominal.id)
        #expect(kept.contains("R8"), "\(kept)")
        try expectAgree("a create")
    }

    @Test("Create: a nominal with the same CRN is refused naming its id and stub; nothing is written")
    func duplicateIdentifier() throws {
        let existing = try register.nominal(crn: "X900001", owner: register.met, manager: register.metOfficer)
        let before = try state()
        let error = failure { () throws(RecordStepError) in
            try database.createNominal(draft(surname: "Other"), manager: nil, confirmDuplicate: true,
                                       by: register.manager, policy: policy)
        }
        guard case .fields(let errors) = error else { Issue.record("expected field errors, got \(String(describing: error))"); return }
        let message = try #require(errors["crn"]).message
        #expect(message.contains("nominal \(existing)"))
        #expect(message.contains("WÓJCIK, Łukasz, born 1985-03-01, owned by Metropolitan Police Service"))
        #expect(try state() == before)
        // The stub shown is a view of the other record, audited as one.
        let last = try #require(try register.audit().last)
        #expect(last.action == "view_stub" && last.nominal == existing && last.user == register.manager.id)
    }

    @Test("Create: the same folded surname and date of birth waits for confirmation")
    func namesake() throws {
        let existing = try register.nominal(surname: "Wójcik", born: "1985-03-01", crn: "X100001")
        let before = try state()
        let error = failure { () throws(RecordStepError) in
            try database.createNominal(draft(surname: "WOJCIK", born: "1985-03-01"), manager: nil,
                                       confirmDuplicate: false, by: register.manager, policy: policy)
        }
        guard case .namesake(let warning) = error else { Issue.record("expected a namesake warning, got \(String(describing: error))"); return }
        #expect(warning.contains("nominal \(existing)"))
        #expect(try state() == before)
        let created = try database.createNominal(draft(surname: "WOJCIK", born: "1985-03-01"), manager: nil,
                                                 confirmDuplicate: true, by: register.manager, policy: policy)
        #expect(created.nominal.id != existing)
    }

    @Test("Create: every field's fault at once, by field, and nothing written; an SPO may not create")
    func createRefusals() throws {
        let before = try state()
        var bad = draft(category: "3", level: "1")
        bad.values[.dateOfBirth] = "2031-01-01"
        bad.values[.pncID] = "20030011985Z"
        let error = failure { () throws(RecordStepError) in
            try database.createNominal(bad, manager: nil, confirmDuplicate: false, by: register.manager, policy: policy)
        }
        guard case .fields(let errors) = error else { Issue.record("expected field errors, got \(String(describing: error))"); return }
        #expect(errors.errors.map(\.field) == ["date_of_birth", "pnc_id", "mappa_level"])
        #expect(errors["pnc_id"]?.value == "20030011985Z")
        let spo = failure { () throws(RecordStepError) in
            try database.createNominal(draft(), manager: nil, confirmDuplicate: false, by: register.spo, policy: policy)
        }
        #expect(spo == .store(.refused("a senior probation officer's access is read-only")))
        #expect(try state() == before)
    }

    // MARK: Edit

    @Test("Edit: level and custody changes are history with dates; the audit has old and new values")
    func edit() throws {
        let id = try kept(register.nominal())
        try database.rebuildKeptActions()
        var changes = NominalDraft()
        changes.values = [.level: "3", .ethnicity: "NS"]
        let detail = try database.editNominal(id, changes: changes, expectedVersion: 1, by: register.manager,
                                              policy: policy)
        #expect(detail.version == 2)
        #expect(detail.nominal.level == .three)
        #expect(detail.history.map { "\($0.field) \($0.old ?? "-")→\($0.new ?? "-") \($0.on.iso)" }
            == ["mappa_level 2→3 2026-11-25"])
        let event = try #require(try register.audit().last)
        #expect(event.action == "update_nominal")
        #expect(event.detail == "edited: ethnicity: (none) → NS; mappa_level: 2 → 3")
        try expectAgree("an edit")
    }

    @Test("Edit: a stale version is refused naming who changed it and when; nothing is written")
    func staleEdit() throws {
        let id = try kept(register.nominal())
        var changes = NominalDraft()
        changes.values = [.level: "3"]
        _ = try database.editNominal(id, changes: changes, expectedVersion: 1, by: register.manager, policy: policy)
        let before = try state()
        changes.values = [.level: "2"]
        let error = failure { () throws(RecordStepError) in
            try database.editNominal(id, changes: changes, expectedVersion: 1, by: register.cpc, policy: policy)
        }
        guard case .conflict(let conflict) = error else { Issue.record("expected a conflict, got \(String(describing: error))"); return }
        #expect(conflict.description == "changed by Olive Mason (om) at 2026-11-25 10:30")
        #expect(try state() == before)
        let refusal = try #require(try register.audit().last)
        #expect(refusal.detail.contains("nominal edit: refused: changed by Olive Mason"))
        #expect(refusal.nominal == id, "the refusal names the record")
    }

    @Test("Edit: a partner, an SPO of the owner and a stranger are refused; the stranger as if it did not exist")
    func editRefusals() throws {
        let id = try kept(register.nominal())
        _ = try register.database.addPartner(nominal: .id(id), agency: register.met.id, restricted: false, by: register.cpc)
        let before = try state()
        var changes = NominalDraft()
        changes.values = [.level: "3"]
        func edit(_ user: User) -> RecordStepError? {
            failure { () throws(RecordStepError) in
                try database.editNominal(id, changes: changes, expectedVersion: nil, by: user, policy: policy)
            }
        }
        #expect(edit(register.metOfficer) == .store(.refused("only the owner agency may do this")))
        #expect(edit(register.spo) == .store(.refused("a senior probation officer's access is read-only")))
        #expect(edit(register.kssOM) == .store(.notVisible("no nominal \(id) on the register")))
        #expect(try state() == before)
    }

    // MARK: Manager, transfer, archive

    @Test("Assign: a supervisor assigns an offender manager of the owner; another agency's user is bad input")
    func assign() throws {
        let id = try kept(register.nominal(unmanaged: true))
        let wrong = failure { () throws(RecordStepError) in
            try database.assignManager(id, username: "kssom", by: register.cpc)
        }
        guard case .fields(let errors) = wrong else { Issue.record("expected a field error, got \(String(describing: wrong))"); return }
        #expect(errors["manager"]?.message == "is a user of another agency: the manager is a user of the owner agency")
        #expect(failure { () throws(RecordStepError) in try database.assignManager(id, username: "om", by: register.otherOM) }
            == .store(.refused("only the owner's CPC, deputy CPC or a supervisor assigns the nominal manager")))
        let detail = try database.assignManager(id, username: "om", by: register.cpc)
        #expect(detail.managerUsername == "om")
        #expect(try register.audit().last?.detail == "manager: (none) → om")
        try expectAgree("an assignment")
    }

    @Test("Transfer: not to the owner itself; the receiving CPC accepts, the former owner stays a full partner")
    func transfer() throws {
        let id = try kept(register.nominal())
        let toSelf = failure { () throws(RecordStepError) in
            try database.proposeTransfer(id, TransferDraft(to: "London"), by: register.manager)
        }
        guard case .fields(let errors) = toSelf else { Issue.record("expected a field error, got \(String(describing: toSelf))"); return }
        #expect(errors["to"]?.message == "already owns this record")
        let proposed = try database.proposeTransfer(id, TransferDraft(to: "Kent Police"), by: register.manager)
        let transfer = try #require(proposed.pendingTransfer)
        // Kent Police's partner user neither answers it nor sees the record's name in a queue.
        #expect(try database.incomingTransfers(for: register.kentOfficer).isEmpty)
        // A partner user of Kent Police is not its CPC.
        #expect(failure { () throws(RecordStepError) in
            try database.answerTransfer(transfer.id, TransferAnswerDraft(accept: true), by: register.kentOfficer)
        } == .store(.refused("only the receiving agency's CPC or deputy CPC answers a transfer")))
        // A third agency is not told the transfer exists.
        #expect(failure { () throws(RecordStepError) in
            try database.answerTransfer(transfer.id, TransferAnswerDraft(accept: true), by: register.metCPC)
        } == .store(.notVisible("no transfer \(transfer.id) on the register")))
        // One transfer at a time.
        #expect(failure { () throws(RecordStepError) in
            try database.proposeTransfer(id, TransferDraft(to: "Metropolitan Police Service"), by: register.manager)
        } == .store(.refused("a transfer of this record is already pending: it is answered first")))
        let declined = failure { () throws(RecordStepError) in
            try database.answerTransfer(transfer.id, TransferAnswerDraft(accept: false), by: register.kentOfficer)
        }
        guard case .store(.refused) = declined else { Issue.record("a partner user may not decline: \(String(describing: declined))"); return }
        try expectAgree("a transfer proposed")
    }

    @Test("Transfer accepted: the new owner owns it, has no manager yet, the old owner is a partner; history says so")
    func transferAccepted() throws {
        let id = try kept(register.nominal())
        let transfer = try #require(try database.proposeTransfer(id, TransferDraft(to: "Metropolitan Police Service"),
                                                                 by: register.manager).pendingTransfer)
        #expect(try database.incomingTransfers(for: register.metCPC).map(\.id) == [transfer.id])
        let accepted = try database.answerTransfer(transfer.id, TransferAnswerDraft(accept: true), by: register.metCPC)
        #expect(accepted.nominal.ownerAgencyID == register.met.id)
        #expect(accepted.nominal.managerUserID == nil)
        #expect(accepted.partners.map(\.agency) == ["London"])
        #expect(accepted.history.first.map { "\($0.field) \($0.old ?? "")→\($0.new ?? "")" }
            == "managing_unit London→Metropolitan Police Service")
        #expect(failure { () throws(RecordStepError) in
            try database.answerTransfer(transfer.id, TransferAnswerDraft(accept: true), by: register.metCPC)
        } == .store(.refused("transfer \(transfer.id) was already accepted by metcpc")))
        try expectAgree("a transfer accepted")
    }

    @Test("Archive: the owner's CPC with a reason; then read-only and no rule applies; unarchive reverses it")
    func archive() throws {
        let id = try kept(register.nominal())
        #expect(failure { () throws(RecordStepError) in
            try database.changeLifecycle(id, to: .archived, reason: "moved abroad", by: register.manager)
        } == .store(.refused("only the owner's CPC or deputy CPC archives a record")))
        let archived = try database.changeLifecycle(id, to: .archived, reason: "moved abroad", by: register.cpc)
        #expect(archived.nominal.lifecycle == .archived)
        #expect(archived.archiveReason == "moved abroad")
        #expect(try actions(id).isEmpty)
        #expect(failure { () throws(RecordStepError) in
            try database.addEntry(id, EntryDraft(kind: "note", text: "x"), by: register.manager)
        } == .store(.refused("the record is archived and read-only")))
        _ = try database.changeLifecycle(id, to: .active, reason: "returned", by: register.cpc)
        #expect(!(try actions(id)).isEmpty)
        try expectAgree("archive and unarchive")
    }

    // MARK: Entries, meetings, checks, notifications

    @Test("Entry: graded intelligence, a risk assessment that sets RoSH, released ones for restricted partners")
    func entries() throws {
        let id = try kept(register.nominal())
        _ = try database.addPartner(nominal: .id(id), agency: register.met.id, restricted: true, by: register.cpc)
        _ = try database.addEntry(id, EntryDraft(kind: "intelligence", text: "Seen", source: "2", assessment: "B",
                                                 handling: "P"), by: register.manager)
        let assessed = try database.addEntry(id, EntryDraft(kind: "risk_assessment", text: "OASys", released: true,
                                                            rosh: ["public=high", "children=medium"]),
                                             by: register.manager)
        #expect(assessed.nominal.rosh == .high)
        #expect(assessed.nominal.roshDate == PartnerRegister.today)
        #expect(assessed.entries.map(\.kind) == [.riskAssessment, .intelligence])
        #expect(assessed.entries.last?.grading == "2B-P")
        let restricted = try database.showRecord(id, for: .user(register.metOfficer))
        #expect(restricted.access == .restricted)
        #expect(restricted.entries.map(\.kind) == [.riskAssessment])
        // The restricted partner may add an entry, but not release one.
        #expect(failure { () throws(RecordStepError) in
            try database.addEntry(id, EntryDraft(kind: "note", text: "x", released: true), by: register.metOfficer)
        } == .store(.refused("only the owner agency releases entries to restricted partners")))
        _ = try database.addEntry(id, EntryDraft(kind: "note", text: "Visited"), by: register.metOfficer)
        try expectAgree("entries")
    }

    @Test("Entry: text over the limit, a grading outside 3x5x2, a correction of an unseen entry: refused, nothing written")
    func entryRefusals() throws {
        let id = try kept(register.nominal())
        let before = try state()
        func add(_ draft: EntryDraft) -> FieldErrors? {
            if case .fields(let errors) = failure({ () throws(RecordStepError) in
                try database.addEntry(id, draft, by: register.manager)
            }) { return errors }
            return nil
        }
        #expect(add(EntryDraft(kind: "note", text: String(repeating: "a", count: 20_001)))?["text"] != nil)
        #expect(add(EntryDraft(kind: "intelligence", text: "x", source: "4", assessment: "B", handling: "P"))?["source"] != nil)
        #expect(add(EntryDraft(kind: "intelligence", text: "x", source: "1", assessment: "F", handling: "P"))?["assessment"] != nil)
        #expect(add(EntryDraft(kind: "note", text: "x", corrects: "999"))?["corrects"] != nil)
        #expect(add(EntryDraft(kind: "gossip", text: "x"))?["kind"] != nil)
        #expect(try state() == before)
    }

    @Test("Meeting: meets R11; a level 1 meeting and a next review before it are refused")
    func meeting() throws {
        let id = try kept(register.nominal())
        try database.rebuildKeptActions()
        #expect(try actions(id).contains("R11"))
        let before = try state()
        func add(_ draft: MeetingDraft) -> FieldErrors? {
            if case .fields(let errors) = failure({ () throws(RecordStepError) in
                try database.addMeeting(id, draft, by: register.manager, policy: policy)
            }) { return errors }
            return nil
        }
        #expect(add(MeetingDraft(date: "2026-11-20", level: "1", minutes: "m", plan: "p"))?["level"]?.message
            == "must be 2 or 3: a level 1 case is not managed through MAPP meetings (R11)")
        let early = add(MeetingDraft(date: "2026-11-20", level: "2", minutes: "m", plan: "p", nextReview: "2026-11-19"))
        #expect(early?["next_review"]?.message == "must be after the meeting (2026-11-20)")
        #expect(try state() == before)
        let detail = try database.addMeeting(id, MeetingDraft(date: "2026-11-20", level: "2",
                                                              attendees: ["Metropolitan Police Service"],
                                                              minutes: "m", plan: "p"),
                                             by: register.manager, policy: policy)
        #expect(detail.meetings.first?.nextReviewOn == LocalDate(iso: "2027-03-12"))
        #expect(detail.meetings.first?.attendees == ["Metropolitan Police Service"])
        let due = try database.read { db in
            try String.fetchAll(db, sql: "SELECT due FROM kept_action WHERE nominal_id = ? AND rule = 11", arguments: [id])
        }
        #expect(due == ["2027-03-12"])
        try expectAgree("a meeting")
    }

    @Test("Validate: a supervisor who is not the creator; the creator is refused naming R10; then review")
    func validate() throws {
        let created = try database.createNominal(draft(), manager: nil, confirmDuplicate: false, by: register.cpc,
                                                 policy: policy)
        let id = created.nominal.id
        let before = try state()
        #expect(failure { () throws(RecordStepError) in
            try database.checkRecord(id, RecordCheckDraft(kind: .validation), by: register.cpc, policy: policy)
        } == .store(.refused("the record's creator cannot validate it (R10)")))
        #expect(failure { () throws(RecordStepError) in
            try database.checkRecord(id, RecordCheckDraft(kind: .validation), by: register.manager, policy: policy)
        } == .store(.refused("only a supervisor of the owner agency validates records (R10)")))
        #expect(try state() == before)
        let other = try database.createNominal(draft(surname: "Second", crn: "X900002"), manager: nil,
                                               confirmDuplicate: false, by: register.manager, policy: policy)
        #expect(try actions(other.nominal.id).contains("R10"))
        let validated = try database.checkRecord(other.nominal.id, RecordCheckDraft(kind: .validation, note: "fine"),
                                                 by: register.cpc, policy: policy)
        #expect(validated.lastValidatedOn == PartnerRegister.today)
        let reviewed = try database.checkRecord(other.nominal.id, RecordCheckDraft(kind: .review), by: register.cpc,
                                                policy: policy)
        #expect(reviewed.lastReviewedOn == PartnerRegister.today)
        try expectAgree("validation and review")
    }

    @Test("Notification: sets the last notification; a future date is refused")
    func notification() throws {
        let id = try kept(register.nominal(category: 1, level: 1))
        let future = failure { () throws(RecordStepError) in
            try database.recordNotification(id, NotificationDraft(date: "2026-12-25"), by: register.manager, policy: policy)
        }
        if case .fields(let errors) = future {
            #expect(errors["date"] != nil)
        } else {
            Issue.record("expected a field error, got \(String(describing: future))")
        }
        let detail = try database.recordNotification(id, NotificationDraft(date: "2026-11-20"), by: register.manager,
                                                     policy: policy)
        #expect(detail.nominal.lastNotification == LocalDate(iso: "2026-11-20"))
        try expectAgree("a notification")
    }

    @Test("A transfer accepted closes the new owner's own pending request; archiving ends a pending transfer")
    func transferLooseEnds() throws {
        let id = try kept(register.nominal())
        let request = try database.requestPartnership(nominal: .id(id), reason: "ours to manage", by: register.metOfficer)
        let transfer = try #require(try database.proposeTransfer(id, TransferDraft(to: "Metropolitan Police Service"),
                                                                 by: register.manager).pendingTransfer)
        _ = try database.answerTransfer(transfer.id, TransferAnswerDraft(accept: true), by: register.metCPC)
        let closed = try #require(try database.partnerRequests(for: register.metCPC).first { $0.id == request.id })
        #expect(closed.state == .withdrawn)
        #expect(closed.decisionReason == "became the owner by transfer \(transfer.id)")
        try expectAgree("a transfer accepted over a pending request")

        let other = try kept(register.nominal(crn: "X100002"))
        _ = try database.proposeTransfer(other, TransferDraft(to: "Kent Police"), by: register.manager)
        let archived = try database.changeLifecycle(other, to: .archived, reason: "deceased", by: register.cpc)
        #expect(archived.pendingTransfer == nil)
        _ = try database.changeLifecycle(other, to: .active, reason: "archived in error", by: register.cpc)
        #expect(try database.proposeTransfer(other, TransferDraft(to: "Kent Police"), by: register.manager)
            .pendingTransfer?.to == "Kent Police")
    }

    @Test("The edit form's manager is assigned in the edit's own step: refused together, or saved together")
    func editWithManager() throws {
        let id = try kept(register.nominal(unmanaged: true))
        let before = try state()
        let refused = failure { () throws(RecordStepError) in
            try database.editNominal(id, changes: NominalDraft(values: [.ethnicity: "NS"]), manager: "om",
                                     expectedVersion: 1, by: register.otherOM, policy: policy)
        }
        #expect(refused == .store(.refused("only the owner's CPC, deputy CPC or a supervisor assigns the nominal manager")))
        #expect(try state() == before, "neither the edit nor the assignment was written")
        let saved = try database.editNominal(id, changes: NominalDraft(values: [.ethnicity: "NS"]), manager: "om",
                                             expectedVersion: 1, by: register.cpc, policy: policy)
        #expect(saved.version == 2 && saved.managerUsername == "om" && saved.nominal.ethnicity == .notStated)
        try expectAgree("an edit with a manager")
    }
}
