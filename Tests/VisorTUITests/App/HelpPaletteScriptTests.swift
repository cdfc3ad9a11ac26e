import Testing
import VisorDomain
@testable import VisorTUI

/// Key scripts: `?` help from the registry with Annex A, and the `:` palette.
@MainActor
@Suite("Key scripts: help and palette")
struct HelpPaletteScriptTests {
    /// Every line the help shows, paging through it with j until it stops changing.
    func allHelpLines(_ core: AppCore) -> [String] {
        var seen: [String] = []
        var previous: [String] = []
        for _ in 0..<200 {
            let lines = core.lines
            if lines == previous { break }
            seen += lines
            previous = lines
            core.press(.character("j"))
        }
        return seen
    }

    @Test("? lists the keys from the registry and the Annex A table; Esc closes it")
    func helpListsRegistryAndAnnexA() throws {
        let core = try AppCore.signedIn(as: "cpc", width: 120, height: 40)
        core.press(.character("?"))
        #expect(core.screenText.contains("Help — Esc to close"))
        let text = allHelpLines(core).joined(separator: "\n")
        for binding in Keymap.available(Keymap.mainBindings(core), readOnly: false) {
            #expect(text.contains(binding.title), "help lacks \(binding.title)")
            if !binding.keys.isEmpty { #expect(text.contains(binding.keyNames), "help lacks the keys of \(binding.title)") }
        }
        #expect(text.contains("Where to get help (PI 05/2009, Annex A)"))
        for contact in HelpContacts.defaults {
            #expect(text.contains(contact.problem), "help lacks the Annex A row \(contact.problem)")
            #expect(text.contains(contact.whereToGo))
        }
        core.press(.escape)
        #expect(core.overlay == nil)
        #expect(!core.screenText.contains("Help — Esc to close"))
    }

    @Test("An SPO's help shows no action that changes data")
    func spoHelpIsReadOnly() throws {
        let core = try AppCore.signedIn(as: "spo", width: 120, height: 40)
        core.press(.character("?"))
        let text = allHelpLines(core).joined(separator: "\n")
        #expect(text.contains("read-only access: nothing here changes data"))
        let changing = Keymap.mainBindings(core).filter(\.changesData)
        #expect(!changing.isEmpty)
        for binding in changing { #expect(!text.contains(binding.title), "an SPO's help shows \(binding.title)") }
        for binding in Keymap.available(Keymap.mainBindings(core), readOnly: true) { #expect(text.contains(binding.title)) }
        #expect(text.contains("Where to get help (PI 05/2009, Annex A)"))
    }

    @Test("Help keys: ? and q close it too, and keys do not reach the panes meanwhile")
    func helpTakesKeys() throws {
        let core = try AppCore.signedIn()
        core.press(.character("?"), .character("j"), .character("j"))
        #expect(core.list.selected == 0, "j scrolls the help, not the list")
        core.press(.character("q"))
        #expect(core.overlay == nil)
        #expect(!core.wantsQuit, "q closes the help without quitting")
        core.press(.character("?"), .character("?"))
        #expect(core.overlay == nil)
    }

    @Test(": opens the palette; typing filters it; Enter runs the first match")
    func paletteFiltersAndRuns() throws {
        let core = try AppCore.signedIn()
        core.press(.character(":"))
        #expect(core.screenText.contains("Command palette"))
        let all = core.paletteBindings
        #expect(core.screenText.contains(all[0].title))
        core.type("zoom")
        guard case .palette(let state)? = core.overlay else { Issue.record("no palette"); return }
        let matches = state.matches(in: core.paletteBindings)
        #expect(matches.first?.id == "zoom")
        #expect(matches.count < all.count)
        #expect(core.screenText.contains(":zoom"))
        #expect(core.screenText.contains("Zoom the focused pane"))
        #expect(!core.screenText.contains("Go to the partner queue"), "filtered out")
        core.press(.enter)
        #expect(core.overlay == nil)
        #expect(core.zoomed == .list)
    }

    @Test("The palette moves with the arrows, Esc closes it, and :policy and :quit run by name")
    func paletteKeys() throws {
        let core = try AppCore.signedIn()
        core.press(.character(":"))
        core.type("go to")
        core.press(.down, .down)
        guard case .palette(let state)? = core.overlay else { Issue.record("no palette"); return }
        let chosen = state.matches(in: core.paletteBindings)[2]
        core.press(.enter)
        #expect(chosen.title == "Go to \(core.focus.goTo)", "ran \(chosen.id)")
        core.press(.character(":"), .escape)
        #expect(core.overlay == nil)
        core.press(.character(":"))
        core.type("policy")
        core.press(.enter)
        guard case .policy? = core.overlay else { Issue.record("no policy overlay"); return }
        #expect(core.screenText.contains("Policy in force"))
        core.press(.escape, .character(":"))
        core.type("quit")
        core.press(.enter)
        #expect(core.wantsQuit)
    }

    @Test("An SPO's palette offers nothing that changes data")
    func spoPaletteIsReadOnly() throws {
        let core = try AppCore.signedIn(as: "spo")
        core.press(.character(":"))
        core.type("accept")
        guard case .palette(let state)? = core.overlay else { Issue.record("no palette"); return }
        #expect(state.matches(in: core.paletteBindings).allSatisfy { !$0.changesData })
        #expect(!core.screenText.contains("Accept the request"))
    }
}
