import Foundation
import Testing
import VisorDomain
import VisorRegister
import VisorStore
@testable import VisorTUI

/// Key scripts on the nominal list: moving, paging over keyset pages, searching, sorting.
@MainActor
@Suite("Key scripts: the nominal list")
struct ListScriptTests {
    /// The whole list as the store orders it for the user, read in one go (small register only).
    func storeOrder(_ core: AppCore, search: String = "", sort: NominalSort = .name) throws -> [NominalListRow] {
        let viewer = try #require(core.user.map(Viewer.init(user:)))
        return try AppFixture.database().nominalPage(NominalListRequest(sort: sort, search: search), for: viewer,
                                                     after: nil, limit: 10_000).rows
    }

    /// The title's "position/count".
    func position(_ core: AppCore) -> String? {
        guard let title = core.lines.first, let range = title.range(of: "Nominals · ") else { return nil }
        return title[range.upperBound...].split(separator: " ").first.map(String.init)
    }

    @Test("j k and the arrows move the selection; the highlighted line follows")
    func moveByLines() throws {
        let core = try AppCore.signedIn()
        let rows = core.list.rows
        let total = try #require(core.list.count).text
        core.press(.character("j"))
        #expect(core.list.selected == 1)
        #expect(core.highlightedListLine?.hasPrefix(rows[1].displayName) == true)
        core.press(.down, .down)
        #expect(core.list.selected == 3)
        #expect(position(core) == "4/\(total)")
        core.press(.character("k"), .up)
        #expect(core.list.selected == 1)
        core.press(.up, .up, .character("k"))
        #expect(core.list.selected == 0, "no movement above the first row")
        #expect(core.highlightedListLine?.hasPrefix(rows[0].displayName) == true)
    }

    @Test("Moving past the last visible row scrolls by one; PgDn and PgUp move a page less one row")
    func scrollAndPage() throws {
        let core = try AppCore.signedIn()
        let visible = core.listVisibleRows
        #expect(visible == 8, "80×24: the list pane has 8 rows")
        let rows = core.list.rows
        core.press(.character("j"), times: visible)
        #expect(core.list.selected == visible)
        #expect(core.list.top == 1)
        #expect(core.visibleListNames.first == rows[1].displayName)
        #expect(core.paneLines(.list)[2].contains(rows[1].displayName))
        core.press(.character("g"))
        core.press(.pageDown)
        #expect(core.list.selected == visible - 1)
        core.press(.pageDown)
        #expect(core.list.selected == 2 * (visible - 1))
        #expect(core.highlightedListLine?.hasPrefix(rows[2 * (visible - 1)].displayName) == true)
        core.press(.pageUp)
        #expect(core.list.selected == visible - 1)
        core.press(.control("f"), .control("b"))
        #expect(core.list.selected == visible - 1, "Ctrl-F and Ctrl-B page too")
    }

    @Test("g and G jump to the first and last rows, loading the end of the list by keyset")
    func firstAndLast() throws {
        let core = try AppCore.signedIn()
        let all = try storeOrder(core)
        let count = try #require(core.list.count)
        #expect(!count.isCapped)
        #expect(count.count == all.count)
        core.press(.character("G"))
        #expect(core.list.selectedRow?.id == all.last?.id)
        #expect(position(core) == "\(all.count)/\(count.text)")
        core.press(.pageDown, .character("j"))
        #expect(core.list.selectedRow?.id == all.last?.id, "no movement past the last row")
        core.press(.character("g"))
        #expect(core.list.selectedRow?.id == all.first?.id)
        #expect(position(core) == "1/\(count.text)")
        core.press(.end)
        #expect(core.list.selectedRow?.id == all.last?.id, "End is G")
        core.press(.home)
        #expect(core.list.selectedRow?.id == all.first?.id, "Home is g")
    }

    @Test("Walking the whole list with j, then back with k, meets every row in the store's order")
    func virtualScrollingMatchesStore() throws {
        let core = try AppCore.signedIn()
        let all = try storeOrder(core)
        #expect(all.count > 2 * NominalListPane.pageSize, "the walk crosses keyset pages")
        var seen: [NominalID] = []
        for _ in all.indices {
            if let row = core.list.selectedRow { seen.append(row.id) }
            core.press(.character("j"))
        }
        #expect(seen == all.map(\.id))
        var back: [NominalID] = []
        core.press(.character("G"))
        for _ in all.indices {
            if let row = core.list.selectedRow { back.append(row.id) }
            core.press(.character("k"))
        }
        #expect(back == all.reversed().map(\.id), "paging backwards from the end by keyset")
    }

    @Test("/wój shows only matching rows with the match count; Esc clears it")
    func searchAndEscape() throws {
        let core = try AppCore.signedIn()
        let fullCount = try #require(core.list.count)
        core.press(.character("/"))
        #expect(core.list.isTypingSearch)
        core.type("wój")
        let rows = core.list.rows
        #expect(!rows.isEmpty)
        for row in rows {
            let keys = NameFolding.keys(of: row.surname) + NameFolding.keys(of: row.forenames)
            #expect(keys.contains { $0.hasPrefix("woj") }, "\(row.displayName) does not match wój")
        }
        let expected = try storeOrder(core, search: "wój")
        #expect(rows.map(\.id) == expected.map(\.id))
        #expect(rows.contains { $0.surname == "Wójcik" })
        let count = try #require(core.list.count)
        #expect(count.count == rows.count)
        let text = core.screenText
        #expect(text.contains("/wój"))
        #expect(text.contains(rows.count == 1 ? "1 match" : "\(rows.count) matches"))
        #expect(text.contains("“wój”"))
        // Only the matching rows are drawn: as many name lines as matches, then blank.
        let listLines = core.paneLines(.list)
        for (index, row) in rows.enumerated() { #expect(listLines[2 + index].contains(row.displayName)) }
        #expect(listLines[2 + rows.count].trimmingCharacters(in: CharacterSet(charactersIn: "│ ")).isEmpty)
        #expect(core.render().cursor?.y == 9, "the cursor sits in the search box")

        core.press(.escape)
        #expect(!core.list.isTypingSearch)
        #expect(core.list.request.search.isEmpty)
        #expect(core.list.count == fullCount)
        #expect(!core.screenText.contains("/wój"))
        #expect(core.render().cursor == nil)
    }

    @Test("Enter keeps the filter; the list moves within it; Backspace to nothing shows everything again")
    func enterKeepsFilter() throws {
        let core = try AppCore.signedIn()
        let fullCount = try #require(core.list.count)
        core.press(.character("/"))
        core.type("wój")
        let filtered = core.list.rows
        core.press(.enter)
        #expect(!core.list.isTypingSearch)
        #expect(core.list.request.search == "wój")
        #expect(core.list.rows == filtered)
        #expect(core.screenText.contains("/wój"))
        core.press(.character("j"))
        #expect(core.list.selectedRow?.id == filtered[1].id)
        core.press(.character("G"))
        #expect(core.list.selectedRow?.id == filtered.last?.id)
        // `/` again edits the kept filter.
        core.press(.character("/"))
        #expect(core.list.searchField.text == "wój")
        core.press(.backspace)
        #expect(core.list.request.search == "wó")
        core.press(.backspace, .backspace)
        #expect(core.list.request.search.isEmpty)
        #expect(core.list.count == fullCount)
    }

    @Test("Names are found without regard to accents, case or punctuation; identifiers exactly",
          arguments: [("wojcik", "WÓJCIK"), ("WOJCIK", "WÓJCIK"), ("obrien", "Ó'BRIEN"), ("o'brien", "Ó'BRIEN"),
                      ("lukasz", "Łukasz"), ("zoe", "Zoë"), ("王", "王, 秀英"), ("hetty", "QUENNELL, Hester Anne"),
                      ("Z999901", "QUENNELL"), ("z999901", "QUENNELL"), ("97/99901\(AppFixture.snapshotPNCCheck)", "QUENNELL"),
                      ("1997/0099901\(AppFixture.snapshotPNCCheck)", "QUENNELL")])
    func foldedSearch(typed: String, shown: String) throws {
        let core = try AppCore.signedIn()
        core.press(.character("/"))
        core.type(typed)
        #expect(!core.list.rows.isEmpty)
        #expect(core.paneLines(.list).contains { $0.contains(shown) }, "\(typed) should show \(shown)")
    }

    @Test("The count in the title agrees with the rows, for every kind of user",
          arguments: ["spo", "cpc", "police", "prison"])
    func countAgreesWithRows(username: String) throws {
        let core = try AppCore.signedIn(as: username)
        for search in ["", "s", "wój", "smith", "hetty", AppFixture.wideDateOfBirth.iso, "smith j"] {
            core.press(.character("/"), .control("u"))
            core.type(search)
            let count = try #require(core.list.count)
            let distinct = Set(try storeOrder(core, search: search).map(\.id)).count
            if count.isCapped {
                #expect(count.count <= distinct, "\(username) /\(search): at least \(count.count), but \(distinct)")
            } else {
                #expect(count.count == distinct, "\(username) /\(search)")
            }
            #expect(core.screenText.contains(count.text), "\(username) /\(search) shows \(count.text)")
            core.press(.escape)
        }
    }

    @Test("A search that matches nothing says so")
    func noMatch() throws {
        let core = try AppCore.signedIn()
        core.press(.character("/"))
        core.type("zzqx")
        #expect(core.list.rows.isEmpty)
        #expect(core.screenText.contains("0 matches"))
        #expect(core.screenText.contains("No match"))
    }

    @Test("s sorts by the next column: the header marks it and the rows follow it")
    func sortByColumn() throws {
        let core = try AppCore.signedIn()
        #expect(core.paneLines(.list)[1].contains("Name▾"))
        core.press(.character("s"))
        #expect(core.list.request.sort == .dateOfBirth)
        #expect(core.paneLines(.list)[1].contains("Born▾"))
        #expect(core.statusLineText.contains("Sorted by date of birth"))
        let births = core.list.rows.map(\.dateOfBirth)
        #expect(births == births.sorted())
        core.press(.character("S"))
        #expect(core.list.request.sort == .name)
        core.press(.character("j"))
        #expect(!core.statusLineText.contains("Sorted"), "a message lasts until the next key")
    }
}
