import Foundation
import Testing
import VisorDomain
import VisorRegister
@testable import VisorStore
@testable import VisorTUI

/// Issue 14, item 3: forms that meet actions from the actions pane, validated as the user types,
/// kept over a resize and a lock, asked about before they are discarded; the action goes as soon as
/// the change is saved. Each script presses the keys a user presses.
@MainActor
@Suite("Key scripts: record forms")
struct RecordFormScriptTests {
    static func form(_ core: AppCore) -> FormState? {
        if case .form(let state)? = core.overlay { return state }
        return nil
    }

    /// Selects the first action of the agency that satisfies `condition`, in the actions pane.
    static func select(_ core: AppCore, where condition: (ActionItem) -> Bool) throws -> ActionItem {
        core.press(.character("4"))
        let index = try #require(try core.actions.everyShown().firstIndex(where: condition))
        core.press(.character("g"))
        core.press(.character("j"), times: index)
        return try #require(core.actions.selectedItem)
    }

    /// Tabs to the field `key` (forwards, wrapping back to the top first).
    static func focus(_ core: AppCore, on key: String) throws {
        core.press(.pageUp, times: 5)
        for _ in 0..<40 where form(core)?.focusedField?.key != key { core.press(.tab) }
        try #require(form(core)?.focusedField?.key == key, "no field \(key)")
    }

    /// Replaces the focused field's text.
    static func retype(_ core: AppCore, _ text: String) {
        core.press(.control("u"))
        core.type(text)
    }

    static func shown(_ core: AppCore, nominal: NominalID, rule: RuleID) throws -> [ActionItem] {
        try core.actions.everyShown(all: true).filter { $0.action.nominalID == nominal && $0.action.rule == rule }
    }

    @Test("R10: Enter on a validation action opens the validation; Ctrl-S saves it and the action goes")
    func validateFromAction() throws {
        let core = try AppCore.signedIn(as: "cpc", width: 140, height: 45, database: try AppFixture.privateCopy())
        let item = try Self.select(core) { $0.action.rule == .r10 && $0.action.summary.hasPrefix("Validate") }
        let id = try #require(item.action.nominalID)
        core.press(.enter)
        let state = try #require(Self.form(core), "\(core.screenText)")
        #expect(state.purpose == .check(id, .validation))
        #expect(core.screenText.contains("Validate"))
        core.type("Checked against the file.")
        core.press(.control("s"))
        #expect(core.overlay == nil || Self.form(core) == nil, "\(core.screenText)")
        #expect(try Self.shown(core, nominal: id, rule: .r10).allSatisfy { !$0.action.summary.hasPrefix("Validate") })
        #expect(core.record.detail?.lastValidatedOn == AppFixture.today)
    }

    @Test("R11: Enter opens a meeting at today's date at the record's level; saved, the MAPP review is no longer due")
    func meetingFromAction() throws {
        let core = try AppCore.signedIn(as: "cpc", width: 140, height: 45, database: try AppFixture.privateCopy())
        let item = try Self.select(core) { $0.action.rule == .r11 && $0.state != .upcoming }
        let id = try #require(item.action.nominalID)
        core.press(.enter)
        let state = try #require(Self.form(core), "\(core.screenText)")
        #expect(state.purpose == .meeting(id))
        #expect(state.value("date") == AppFixture.today.iso)
        #expect(["2", "3"].contains(state.value("level")))
        #expect(state.focusedField?.key == "agency")
        try Self.focus(core, on: "minutes")
        core.type("Reviewed with police and prison.")
        try Self.focus(core, on: "plan")
        core.type("Curfew and exclusion zone continue.")
        core.press(.control("s"))
        #expect(Self.form(core) == nil, "\(core.screenText)")
        #expect(try Self.shown(core, nominal: id, rule: .r11).allSatisfy { $0.state == .upcoming })
        #expect(core.record.detail?.meetings.first?.heldOn == AppFixture.today)
    }

    @Test("R16 (the police own category 1): Enter opens the notification with today's date; saved, the annual notification goes")
    func notificationFromAction() throws {
        let core = try AppCore.signedIn(as: "police", width: 140, height: 45, database: try AppFixture.privateCopy())
        let item = try Self.select(core) { $0.action.rule == .r16 }
        let id = try #require(item.action.nominalID)
        core.press(.enter)
        let state = try #require(Self.form(core), "\(core.screenText)")
        #expect(state.purpose == .notification(id))
        #expect(state.value("date") == AppFixture.today.iso)
        #expect(core.screenText.contains("Wed"), "the date's weekday shows")
        core.press(.enter)
        #expect(Self.form(core) == nil, "\(core.screenText)")
        #expect(try Self.shown(core, nominal: id, rule: .r16).isEmpty)
    }

    @Test("R8: Enter opens the record's form at the first missing field; filled and saved, the action goes")
    func completeFromAction() throws {
        let core = try AppCore.signedIn(as: "cpc", width: 140, height: 45, database: try AppFixture.privateCopy())
        let item = try Self.select(core) { item in
            item.action.rule == .r8 && (item.action.summary.hasSuffix("missing ethnicity")
                || item.action.summary.hasSuffix("missing risk of serious harm"))
        }
        let id = try #require(item.action.nominalID)
        core.press(.enter)
        let state = try #require(Self.form(core), "\(core.screenText)")
        guard case .editNominal(id, _) = state.purpose else {
            Issue.record("expected the record's form, got \(state.purpose)")
            return
        }
        if item.action.summary.hasSuffix("missing ethnicity") {
            #expect(state.focusedField?.key == "ethnicity")
            core.type("NS")
        } else {
            #expect(state.focusedField?.key == "rosh_level")
            core.type("medium")
            try Self.focus(core, on: "rosh_date")
            core.type(AppFixture.today.iso)
        }
        core.press(.control("s"))
        #expect(Self.form(core) == nil, "\(core.screenText)")
        #expect(try Self.shown(core, nominal: id, rule: .r8).isEmpty)
    }

    @Test("Validation as you type: a bad date shows its error beside the field; Ctrl-S keeps the form and says why")
    func validationAsYouType() throws {
        let core = try AppCore.signedIn(as: "om", width: 140, height: 45, database: try AppFixture.privateCopy())
        core.press(.character("1"), .character("c"))
        try #require(Self.form(core) != nil, "\(core.screenText)")
        core.type("Newperson")
        try Self.focus(core, on: "date_of_birth")
        core.type("1985-02-30")
        #expect(core.screenText.contains("✗ "), "\(core.screenText)")
        #expect(Self.form(core)?.errors["date_of_birth"] != nil)
        core.press(.control("s"))
        let after = try #require(Self.form(core))
        #expect(after.message?.hasPrefix("Not saved") == true)
        #expect(after.value("surname") == "Newperson")
        #expect(after.focusedField?.key == "forenames", "the first field in error takes the cursor")
    }

    @Test("Create: a namesake is a warning; Ctrl-S again creates it; the new record opens")
    func createWithNamesake() throws {
        let core = try AppCore.signedIn(as: "om", width: 140, height: 45, database: try AppFixture.privateCopy())
        let existing = try #require(core.list.rows.first)
        let detail = try core.database.openRecord(existing.id, for: try #require(core.user), foundExactly: true)
        core.press(.character("1"), .character("c"))
        let values: [(String, String)] = [
            ("surname", detail.nominal.surname), ("forenames", "Somebody"),
            ("date_of_birth", detail.nominal.dateOfBirth.iso), ("gender", "M"), ("ethnicity", "W1"),
            ("mappa_category", "2"), ("mappa_level", "2"),
        ]
        for (key, value) in values {
            try Self.focus(core, on: key)
            Self.retype(core, value)
        }
        core.press(.control("s"))
        let warned = try #require(Self.form(core), "\(core.screenText)")
        #expect(warned.message?.contains("nominal \(existing.id)") == true, "\(warned.message ?? "")")
        core.press(.control("s"))
        #expect(Self.form(core) == nil, "\(core.screenText)")
        #expect(core.record.detail?.nominal.forenames == "Somebody")
        #expect(core.record.detail?.nominal.createdByUserID == core.user?.id)
    }

    @Test("Esc asks before discarding a typed form; n returns to it; a resize and an idle lock keep it")
    func draftKept() throws {
        let clock = TestClock()
        let core = try AppCore.signedIn(as: "om", width: 140, height: 45, clock: clock,
                                        database: try AppFixture.privateCopy())
        core.press(.character("1"), .character("c"))
        core.type("Draftperson")
        core.press(.escape)
        guard case .confirm(let confirm)? = core.overlay else {
            Issue.record("Esc asks first: \(core.screenText)")
            return
        }
        #expect(confirm.question.contains("Discard"))
        core.press(.character("n"))
        #expect(Self.form(core)?.value("surname") == "Draftperson")
        core.handle(.resize(width: 90, height: 30))
        #expect(Self.form(core)?.value("surname") == "Draftperson")
        #expect(core.screenText.contains("Draftperson"))
        clock.advance(minutes: Double(Policy.standard.idleLockMinutes) + 1)
        core.tick()
        #expect(core.lock != nil)
        core.type(AppFixture.password)
        core.press(.enter)
        core.completePendingWork()
        #expect(core.lock == nil)
        #expect(Self.form(core)?.value("surname") == "Draftperson")
        core.press(.escape, .character("y"))
        #expect(core.overlay == nil)
    }

    @Test("Ctrl-O offers the field's codes, narrowed by what is typed; Enter puts the choice in")
    func choices() throws {
        let core = try AppCore.signedIn(as: "om", width: 140, height: 45, database: try AppFixture.privateCopy())
        core.press(.character("1"), .character("c"))
        try Self.focus(core, on: "establishment")
        core.type("belm")
        core.press(.control("o"))
        #expect(Self.form(core)?.choosing?.options == ["HMP Belmarsh"])
        core.press(.enter)
        #expect(Self.form(core)?.value("establishment") == "HMP Belmarsh")
        #expect(Self.form(core)?.choosing == nil)
    }

    @Test("A senior probation officer sees none of the changing keys, and pressing one changes nothing")
    func spoSeesNoChangingKeys() throws {
        let core = try AppCore.signedIn(as: "spo", width: 140, height: 45)
        let shown = Keymap.available(Keymap.mainBindings(core), readOnly: true).map(\.id.rawValue)
        for id in ["createNominal", "editRecord", "newEntry", "newMeeting", "validateRecord", "recordNotification",
                   "transferRecord", "createNominalFromList"] {
            #expect(!shown.contains(id), "\(id)")
        }
        core.press(.character("1"), .character("c"))
        #expect(core.overlay == nil)
        core.press(.character("?"))
        #expect(!core.screenText.contains("Create a nominal"))
    }

    @Test("t proposes a transfer; the receiving CPC sees it at the head of the partner queue and accepts it")
    func transferThroughTheQueue() throws {
        let (om, database) = try AppCore.signedInOnPrivateCopy(as: "om", width: 140, height: 45)
        let row = try #require(om.list.rows.first)
        om.press(.enter)
        try #require(om.record.detail?.nominal.id == row.id)
        om.press(.character("t"))
        om.type("Metropolitan")
        om.press(.control("o"), .enter)
        #expect(Self.form(om)?.value("to") == "Metropolitan Police Service")
        om.press(.control("s"))
        #expect(Self.form(om) == nil, "\(om.screenText)")
        #expect(om.record.detail?.pendingTransfer?.to == "Metropolitan Police Service")

        let police = try AppCore.signedIn(as: "police", width: 140, height: 45, database: database)
        police.press(.character("3"))
        let item = try #require(police.queue.selectedItem)
        #expect(item.transferID != nil && item.nominalID == row.id)
        #expect(police.paneLines(.queue).joined().contains("Transfer of"))
        // R (accept as restricted partner) answers requests only: on a transfer it says so and changes nothing.
        police.press(.character("R"))
        #expect(police.screenText.contains("a restricted partner answers requests only"), "\(police.screenText)")
        #expect(try om.database.openRecord(row.id, for: try #require(om.user), foundExactly: false)
            .pendingTransfer != nil)
        if police.overlay != nil { police.press(.escape) }
        police.press(.character("a"))
        guard case .confirm? = police.overlay else {
            Issue.record("accepting asks first: \(police.screenText)")
            return
        }
        police.press(.character("y"))
        let owned = try police.database.openRecord(row.id, for: try #require(police.user), foundExactly: false)
        #expect(owned.ownerName == "Metropolitan Police Service")
        #expect(owned.partners.map(\.agency).contains("London"))
        #expect(police.queue.items.allSatisfy { $0.transferID == nil })
    }
}

/// Issue 13: the partner queue reads a screenful of each part, and more as the cursor nears the
/// end of what it read; its title and the status line count every request all the same.
@MainActor
@Suite("Key scripts: the partner queue read a window at a time")
struct QueueWindowScriptTests {
    @Test("With one row of each part read, the counts are whole; moving down reads more")
    func windowGrows() throws {
        let core = try AppCore.signedIn(as: "cpc", width: 140, height: 45, database: try AppFixture.privateCopy())
        core.press(.character("3"))
        let whole = core.queue.incomingCount
        try #require(whole >= 2, "the demo gives London incoming requests")
        core.queue.limit = 1
        core.reloadQueue()
        #expect(core.queue.items.count { $0.direction == .incoming } == 1)
        #expect(core.queue.incomingCount == whole, "the title counts every request")
        #expect(core.paneLines(.queue)[0].contains("\(whole) in"))
        core.press(.character("j"))
        #expect(core.queue.limit == 2)
        #expect(core.queue.items.count { $0.direction == .incoming } == min(2, whole))
        // A filter searches every row.
        core.press(.character("/"))
        core.type("a")
        #expect(core.queue.items.count { $0.direction == .incoming } == whole)
    }
}
