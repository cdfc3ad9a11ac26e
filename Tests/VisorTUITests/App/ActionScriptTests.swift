import Foundation
import Testing
import VisorDomain
import VisorRegister
@testable import VisorStore
@testable import VisorTUI

/// Every action can be followed: Enter leads to what it is about.
extension ActionsPane {
    /// Every action the pane's filters let through (`all`: every action of the agency), read whole.
    func everyShown(all: Bool = false) throws -> [ActionItem] {
        let query = all ? feed?.query() : currentQuery
        guard let feed, let query else { return [] }
        return try feed.register.actionPage(query, offset: 0, limit: 1_000_000)
    }
}

@MainActor
@Suite("Key scripts: following actions")
struct ActionScriptTests {
    /// The actions were read at sign-in: the pane holds them.
    func evaluate(_ core: AppCore) throws {
        try #require(core.actions.loaded)
    }

    /// Selects the first shown action that satisfies `where`.
    func select(_ core: AppCore, where condition: (ActionItem) -> Bool) throws -> ActionItem {
        core.press(.character("4"))
        let found = try core.actions.everyShown().firstIndex(where: condition)
        let index = try #require(found)
        core.press(.character("g"))
        core.press(.character("j"), times: index)
        return try #require(core.actions.selectedItem)
    }

    @Test("Enter on an action about a record opens that record")
    func followToRecord() throws {
        let core = try AppCore.signedIn(as: "cpc", width: 120, height: 40)
        try evaluate(core)
        let item = try select(core) { $0.action.nominalID != nil && $0.action.rule == .r8 }
        core.press(.enter)
        #expect(core.focus == .record)
        #expect(core.record.detail?.nominal.id == item.action.nominalID)
        #expect(core.record.detail?.access == .full)
    }

    @Test("Zoomed, Enter on an action shows the record zoomed instead of changing a hidden pane")
    func zoomedFollow() throws {
        let core = try AppCore.signedIn(as: "cpc", width: 120, height: 40)
        try evaluate(core)
        let item = try select(core) { $0.action.nominalID != nil }
        core.press(.character("z"))
        #expect(core.zoomed == .actions)
        core.press(.enter)
        #expect(core.zoomed == .record)
        #expect(core.record.detail?.nominal.id == item.action.nominalID)
        #expect(core.paneLines(.record)[0].contains("2 Record"))
    }

    @Test("R3 for a prison that is not a partner: the line shows only what a stub shows; Enter opens the stub and the request form")
    func prisonFollowsR3() throws {
        let core = try AppCore.signedIn(as: "prison", width: 120, height: 40, database: try AppFixture.privateCopy())
        try evaluate(core)
        let r3 = try core.actions.everyShown(all: true).filter { $0.action.rule == .r3 }
        try #require(!r3.isEmpty, "the demo gives HMP Belmarsh R3 actions")
        for item in r3 {
            #expect(item.action.crn == nil && item.action.pncID == nil, "\(item.action.summary)")
            for word in ["custody", "release", "CRN", "PNC"] {
                #expect(!item.line.localizedCaseInsensitiveContains(word), "\(item.line)")
            }
        }
        let item = try select(core) { $0.action.rule == .r3 }
        core.press(.enter)
        #expect(core.record.detail?.access == .stub)
        #expect(core.record.detail?.nominal.id == item.action.nominalID)
        guard case .prompt(let prompt)? = core.overlay else {
            Issue.record("the request form opens at once")
            return
        }
        #expect(prompt.title.hasPrefix("Request partnership"))
        core.type("Held here; release planning needs the record")
        core.press(.enter)
        // Asked once, `r` on the stub now says so at once.
        core.press(.character("r"))
        if case .prompt? = core.overlay { Issue.record("no second request form") }
        #expect(core.screenText.contains("Your agency already asked on"))
    }

    @Test("Enter on an action about no record (and no case to create from) shows what to do and where")
    func followWithoutRecord() throws {
        let core = try AppCore.signedIn(as: "cpc", width: 120, height: 40)
        try evaluate(core)
        let item = try select(core) { $0.action.nominalID == nil && ![.r1, .r2].contains($0.action.rule) }
        core.press(.enter)
        guard case .detail(let detail)? = core.overlay else {
            Issue.record("a detail view for \(item.action.rule)")
            return
        }
        #expect(detail.title.hasPrefix(item.action.rule.description))
        #expect(detail.paragraphs.contains { $0.label == "What to do" && !$0.text.isEmpty })
        #expect(core.screenText.contains("What to do"))
        core.press(.escape)
        #expect(core.overlay == nil)
    }

    @Test("Enter on R1 or R2 opens a new nominal's form filled from the extract case")
    func followCaseToCreate() throws {
        let core = try AppCore.signedIn(as: "cpc", width: 120, height: 40)
        try evaluate(core)
        let item = try select(core) { [.r1, .r2].contains($0.action.rule) && $0.action.crn != nil }
        core.press(.enter)
        guard case .form(let form)? = core.overlay else {
            Issue.record("the create form for \(item.action.rule): \(core.screenText)")
            return
        }
        #expect(form.purpose == .createNominal)
        #expect(form.value("crn") == item.action.crn?.canonical)
        #expect(!form.value("surname").isEmpty && !form.value("date_of_birth").isEmpty)
        #expect(["2", "3", "4"].contains(form.value("mappa_category")))
        core.press(.escape, .character("y"))
        #expect(core.overlay == nil)
    }

    @Test("v shows an action whole: the summary that the line cuts with …")
    func viewWhole() throws {
        let core = try AppCore.signedIn(as: "cpc", width: 80, height: 24)
        try evaluate(core)
        let item = try select(core) { DisplayWidth.of($0.line) > 40 }
        #expect(core.paneLines(.actions).contains { $0.hasSuffix("…│") }, "the line is cut with …")
        core.press(.character("v"))
        let screen = core.screenText.replacingOccurrences(of: "\n", with: " ")
        for word in item.action.summary.split(separator: " ") { #expect(screen.contains(word)) }
    }

    @Test("The state filter shows upcoming actions when asked for upcoming")
    func upcomingFilter() throws {
        let core = try AppCore.signedIn(as: "cpc", width: 120, height: 40)
        try evaluate(core)
        #expect(try core.actions.everyShown(all: true).contains { $0.state == .upcoming }, "the pane holds upcoming actions (30 days)")
        core.press(.character("4"), .character("f"), .character("f"), .character("f"))
        #expect(core.actions.stateFilter == .upcoming)
        #expect(!(try core.actions.everyShown()).isEmpty)
        #expect(try core.actions.everyShown().allSatisfy { $0.state == .upcoming })
        #expect(core.paneLines(.actions)[0].contains("upcoming only"))
    }

    @Test("/ filters the actions; Esc clears the kept filter")
    func filterActions() throws {
        let core = try AppCore.signedIn(as: "cpc", width: 120, height: 40)
        try evaluate(core)
        core.press(.character("4"))
        core.type("/R10")
        let shown = try core.actions.everyShown()
        #expect(!shown.isEmpty)
        #expect(shown.allSatisfy { $0.searchedText.contains("R10") })
        #expect(shown.count < (try core.actions.everyShown(all: true)).count)
        #expect(core.paneLines(.actions).dropFirst().first?.contains("R10") == true)
        core.press(.enter, .escape)
        #expect(core.actions.filter.text.isEmpty)
        #expect(try core.actions.everyShown().count == (try core.actions.everyShown(all: true)).count)
    }
}
