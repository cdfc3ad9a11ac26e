import Foundation
import Testing
import VisorDomain
import VisorDemo
import VisorRegister
@testable import VisorStore

/// The nominal list: keyset pages in each order, search, visibility and stubs,
/// on a small demonstration register.
@Suite("Nominal list: paging, sorting, search, visibility", .serialized)
struct NominalListTests {
    static let today = LocalDate(year: 2026, month: 11, day: 25)!

    /// One demo register shared by the suite (read-only tests).
    static let register: AppDatabase? = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("visor-list-\(getpid())")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("demo.sqlite").path
        let clock = FixedClock(date: today)
        _ = try? AppDatabase.createDemo(path: path, nominals: 2_000, seed: 11, today: today, clock: clock)
        return try? AppDatabase.open(path: path, clock: clock)
    }()

    func database() throws -> AppDatabase { try #require(Self.register) }

    func viewer(_ username: String) throws -> Viewer {
        let user = try #require(try database().user(named: username))
        return Viewer(user: user)
    }

    /// Reads a whole list page by page, forwards.
    func readAll(_ request: NominalListRequest, _ viewer: Viewer, pageSize: Int = 37) throws -> [NominalListRow] {
        var rows: [NominalListRow] = []
        var position: ListPosition?
        while true {
            let page = try database().nominalPage(request, for: viewer, after: position, limit: pageSize)
            rows += page.rows
            guard page.hasMoreAfter, let last = page.rows.last else { return rows }
            position = last.position
        }
    }

    @Test("Paging forwards by name visits every visible row once, in folded-name order")
    func pagingByName() throws {
        let rows = try readAll(NominalListRequest(sort: .name), .operator)
        #expect(rows.count == 2_000)
        #expect(Set(rows.map(\.id)).count == rows.count)
        let keys = rows.map { NameFolding.fold($0.surname) + " " + NameFolding.fold($0.forenames) }
        #expect(keys == keys.sorted())
    }

    @Test("Paging backwards from the end gives the same rows as forwards", arguments: NominalSort.allCases)
    func backwardsMatchesForwards(sort: NominalSort) throws {
        let viewer = try viewer("cpc")
        let forwards = try readAll(NominalListRequest(sort: sort), viewer)
        var backwards: [NominalListRow] = []
        var position: ListPosition?
        while true {
            let page = try database().nominalPage(NominalListRequest(sort: sort), for: viewer, before: position, limit: 29)
            backwards = page.rows + backwards
            guard page.hasMoreBefore, let first = page.rows.first else { break }
            position = first.position
        }
        #expect(backwards.map(\.id) == forwards.map(\.id))
        #expect(!forwards.isEmpty)
    }

    @Test("Each order sorts by its column, then by name")
    func ordersByColumn() throws {
        let viewer = try viewer("cpc")
        let byBirth = try readAll(NominalListRequest(sort: .dateOfBirth), viewer)
        #expect(byBirth.map(\.dateOfBirth) == byBirth.map(\.dateOfBirth).sorted())
        let byCustody = try readAll(NominalListRequest(sort: .custody), viewer)
        let custodyOrder = byCustody.map { $0.custody == .inCustody ? 0 : 1 }
        #expect(custodyOrder == custodyOrder.sorted())
        let byMAPPA = try readAll(NominalListRequest(sort: .mappa), viewer)
        let mappaOrder = byMAPPA.map { ($0.category?.rawValue ?? 0) * 10 + ($0.level?.rawValue ?? 0) }
        #expect(mappaOrder == mappaOrder.sorted())
        let byRelease = try readAll(NominalListRequest(sort: .releaseDate), viewer)
        let released = byRelease.prefix { $0.releaseDate != nil }.compactMap(\.releaseDate)
        #expect(released == released.sorted())
        #expect(byRelease.dropFirst(released.count).allSatisfy { $0.releaseDate == nil })
    }

    @Test("A user sees only records their agency owns or partners, never a stub while browsing")
    func visibility() throws {
        let cpc = try database().user(named: "cpc")
        let viewer = try viewer("cpc")
        let rows = try readAll(NominalListRequest(), viewer)
        #expect(!rows.isEmpty)
        #expect(rows.allSatisfy { $0.access != .stub })
        let total = try readAll(NominalListRequest(), .operator).count
        #expect(rows.count < total)
        let london = try #require(try database().agency(named: "London"))
        #expect(cpc?.agencyID == london.id)
    }

    @Test("Search ignores accents, case and punctuation, and counts its matches")
    func searchByName() throws {
        let all = try readAll(NominalListRequest(), .operator)
        let target = try #require(all.first { $0.surname.contains("'") || $0.surname.unicodeScalars.contains { $0.value > 0x7F } })
        let typed = NameFolding.fold(target.surname).prefix(4)
        let found = try readAll(NominalListRequest(search: String(typed)), .operator)
        #expect(found.contains { $0.id == target.id })
        let aliases: [String] = try database().read { db in try String.fetchAll(db, sql: "SELECT surname FROM nominal_alias") }
        let aliasKeys = Set(aliases.flatMap { NameFolding.keys(of: $0) })
        #expect(found.allSatisfy { row in
            (NameFolding.keys(of: row.surname) + NameFolding.keys(of: row.forenames)).contains { $0.hasPrefix(typed) }
                || aliasKeys.contains { $0.hasPrefix(typed) }
        })
        let count = try database().countNominals(NominalListRequest(search: String(typed)), for: .operator)
        #expect(count.count == found.count)
        #expect(!count.isCapped)
    }

    @Test("An exact identifier of a record the user may not see shows only a stub")
    func identifierStub() throws {
        let viewer = try viewer("prison")
        let visible = Set(try readAll(NominalListRequest(), viewer).map(\.id))
        let hidden = try #require(try readAll(NominalListRequest(), .operator).first { !visible.contains($0.id) && $0.crn != nil })
        let crn = try #require(hidden.crn)
        let page = try database().nominalPage(NominalListRequest(search: crn.canonical.lowercased()), for: viewer,
                                              after: nil, limit: 10)
        let stub = try #require(page.rows.first)
        #expect(page.rows.count == 1)
        #expect(stub.id == hidden.id)
        #expect(stub.access == .stub)
        #expect(stub.category == nil && stub.level == nil && stub.crn == nil && stub.pncID == nil)
        #expect(stub.custody == nil && stub.releaseDate == nil)
        // A plain name search of the same person shows nothing of it.
        let byName = try readAll(NominalListRequest(search: NameFolding.fold(hidden.surname)), viewer)
        #expect(!byName.contains { $0.id == hidden.id })
    }

    @Test("An SPO, who has no working role, gets no stub")
    func spoGetsNoStub() throws {
        let viewer = try viewer("spo")
        let visible = Set(try readAll(NominalListRequest(), viewer).map(\.id))
        let hidden = try #require(try readAll(NominalListRequest(), .operator).first { !visible.contains($0.id) && $0.crn != nil })
        let page = try database().nominalPage(NominalListRequest(search: hidden.crn?.canonical ?? ""), for: viewer,
                                              after: nil, limit: 10)
        #expect(page.rows.isEmpty)
    }

    @Test("A nominal found by several of its names is listed once, forwards and backwards, across pages")
    func searchListsEachNominalOnce() throws {
        let request = NominalListRequest(search: "s")
        let forwards = try readAll(request, .operator, pageSize: 7)
        #expect(forwards.count > 20)
        #expect(Set(forwards.map(\.id)).count == forwards.count)
        var backwards: [NominalListRow] = []
        var position: ListPosition?
        while true {
            let page = try database().nominalPage(request, for: .operator, before: position, limit: 7)
            backwards = page.rows + backwards
            guard page.hasMoreBefore, let first = page.rows.first else { break }
            position = first.position
        }
        #expect(backwards.map(\.id) == forwards.map(\.id))
        let count = try database().countNominals(request, for: .operator)
        #expect(count.isCapped || count.count == forwards.count)
    }
}

extension NominalListTests {
    @Test("Name and date of birth show a stub only for the whole surname: one letter and the date find nothing")
    func nameStubNeedsWholeSurname() throws {
        let viewer = try viewer("prison")
        let visible = Set(try readAll(NominalListRequest(), viewer).map(\.id))
        let hidden = try #require(try readAll(NominalListRequest(), .operator).first {
            !visible.contains($0.id) && NameFolding.fold($0.surname).count > 3
        })
        let born = hidden.dateOfBirth.iso
        let whole = try readAll(NominalListRequest(search: "\(hidden.surname) \(born)"), viewer)
        #expect(whole.contains { $0.id == hidden.id && $0.access == .stub })
        for typed in [String(NameFolding.fold(hidden.surname).prefix(1)), String(NameFolding.fold(hidden.surname).prefix(3))] {
            let request = NominalListRequest(search: "\(typed) \(born)")
            #expect(!(try readAll(request, viewer)).contains { $0.id == hidden.id }, "\(typed) \(born)")
            #expect(try database().countNominals(request, for: viewer).count
                == (try readAll(request, viewer)).count, "the count agrees with the rows")
        }
    }
}
