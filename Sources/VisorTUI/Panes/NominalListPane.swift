import VisorDomain
import VisorRegister

extension PaneID {
    public static let list = PaneID("Nominals", goTo: "the nominal list")
}

/// The nominal list: a window of rows loaded page by page from the store
/// (never the whole list), the selection and scroll within it (the shared
/// `ListCursor`, over the window), the sort, and the search typed so far.
public final class NominalListPane {
    public let id = PaneID.list
    public var request = NominalListRequest()
    public private(set) var rows: [NominalListRow] = []
    public private(set) var hasMoreBefore = false
    public private(set) var hasMoreAfter = false
    /// Absolute index of `rows[0]` in the whole list, when known.
    public private(set) var offset: Int? = 0
    public var cursor = ListCursor()
    public var selected: Int {
        get { cursor.selected }
        set { cursor.selected = newValue }
    }
    public var top: Int {
        get { cursor.top }
        set { cursor.top = newValue }
    }
    public var count: ListCount?
    public var searchField = TextField()
    /// True while `/` is taking keystrokes.
    public var isTypingSearch = false
    /// Of the rows on screen, those with an overdue action and those with one due soon (read for
    /// `marksReadFor`, nil when the actions changed since).
    public var overdue: Set<NominalID> = []
    public var dueSoon: Set<NominalID> = []
    var marksReadFor: [NominalID]?
    public var lastError: String?

    static let pageSize = 60
    static let windowLimit = 400

    public init() {}

    public var selectedRow: NominalListRow? { rows.indices.contains(selected) ? rows[selected] : nil }

    /// Loads the first page and the count.
    func reload(_ loader: ListLoader) {
        first(loader)
        count = try? loader.count(request)
    }

    /// Reloads around what is on screen, keeping the selection on the same nominal when it is still listed.
    func refresh(_ loader: ListLoader, visibleRows: Int) {
        guard rows.indices.contains(top) else { return reload(loader) }
        let selectedID = selectedRow?.id
        let anchor = rows[top]
        let oldSelected = selected - top
        let before = (try? loader.page(request, before: anchor.position, limit: min(top, 100))) ?? nil
        guard let after = try? loader.page(request, after: anchor.position.justBefore) else { return }
        rows = (before?.rows ?? []) + after.rows
        hasMoreBefore = before?.hasMoreBefore ?? false
        hasMoreAfter = after.hasMoreAfter
        offset = offset.map { $0 + top - (before?.rows.count ?? 0) }
        top = before?.rows.count ?? 0
        if let selectedID, let index = rows.firstIndex(where: { $0.id == selectedID }) {
            selected = index
        } else {
            selected = min(max(0, top + oldSelected), max(0, rows.count - 1))
        }
        keepSelectionVisible(visibleRows)
        count = try? loader.count(request)
    }

    func move(by delta: Int, loader: ListLoader, visibleRows: Int) {
        var target = selected + delta
        while target >= rows.count, hasMoreAfter, let last = rows.last {
            guard let page = try? loader.page(request, after: last.position), !page.rows.isEmpty else { break }
            rows += page.rows
            hasMoreAfter = page.hasMoreAfter
            trimFront(&target)
        }
        while target < 0, hasMoreBefore, let first = rows.first {
            guard let page = try? loader.page(request, before: first.position, limit: Self.pageSize),
                  !page.rows.isEmpty else { break }
            rows = page.rows + rows
            hasMoreBefore = page.hasMoreBefore
            offset = offset.map { $0 - page.rows.count }
            target += page.rows.count
            top += page.rows.count
            trimBack()
        }
        selected = min(max(0, target), max(0, rows.count - 1))
        keepSelectionVisible(visibleRows)
    }

    func first(_ loader: ListLoader) {
        let request = self.request
        load { try loader.page(request, after: nil) }
        offset = 0
        selected = 0
        top = 0
    }

    func last(_ loader: ListLoader, visibleRows: Int) {
        let request = self.request
        load { try loader.page(request, before: nil, limit: Self.pageSize) }
        if let count, !count.isCapped { offset = count.count - rows.count } else { offset = nil }
        selected = max(0, rows.count - 1)
        top = max(0, rows.count - visibleRows)
    }

    /// After the pane grew (zoom, resize): reads more rows when the window holds less than a page
    /// from the top down, so the page is full and the selection stays on screen.
    func fillPage(_ loader: ListLoader, visibleRows: Int) {
        if rows.count - top < visibleRows, hasMoreAfter, let last = rows.last,
           let page = try? loader.page(request, after: last.position) {
            rows += page.rows
            hasMoreAfter = page.hasMoreAfter
        }
        if rows.count < visibleRows, hasMoreBefore, let first = rows.first,
           let page = try? loader.page(request, before: first.position, limit: visibleRows - rows.count) {
            rows = page.rows + rows
            hasMoreBefore = page.hasMoreBefore
            offset = offset.map { $0 - page.rows.count }
            selected += page.rows.count
            top += page.rows.count
        }
        keepSelectionVisible(visibleRows)
    }

    func keepSelectionVisible(_ visibleRows: Int) {
        cursor.clamp(count: rows.count, visibleRows: visibleRows)
    }

    private func load(_ fetch: () throws -> NominalPage?) {
        do {
            guard let page = try fetch() else { return }
            rows = page.rows
            hasMoreBefore = page.hasMoreBefore
            hasMoreAfter = page.hasMoreAfter
            lastError = nil
        } catch {
            rows = []
            hasMoreBefore = false
            hasMoreAfter = false
            lastError = String(describing: error)
        }
    }

    /// Keeps the window bounded: rows far above the selection are let go and re-read if needed.
    private func trimFront(_ target: inout Int) {
        let excess = rows.count - Self.windowLimit
        guard excess > 0, min(target, top) > excess else { return }
        rows.removeFirst(excess)
        hasMoreBefore = true
        offset = offset.map { $0 + excess }
        target -= excess
        selected -= excess
        top -= excess
    }

    private func trimBack() {
        let excess = rows.count - Self.windowLimit
        guard excess > 0, selected < rows.count - excess - 1 else { return }
        rows.removeLast(excess)
        hasMoreAfter = true
    }
}

/// Reads pages of the list for one signed-in user.
struct ListLoader {
    let database: any Register
    let viewer: Viewer

    func page(_ request: NominalListRequest, after position: ListPosition?) throws -> NominalPage {
        try database.nominalPage(request, for: viewer, after: position, limit: NominalListPane.pageSize)
    }

    func page(_ request: NominalListRequest, before position: ListPosition?, limit: Int) throws -> NominalPage? {
        guard limit > 0 else { return nil }
        return try database.nominalPage(request, for: viewer, before: position, limit: limit)
    }

    /// A search is counted to 1,000 ("1,000+"): counting a one-letter search to 10,000 cost 10 ms of
    /// every keystroke at a million nominals, for a figure no one reads past the first thousand.
    func count(_ request: NominalListRequest) throws -> ListCount {
        try database.countNominals(request, for: viewer, cap: request.search.isEmpty ? 10_000 : 1_000)
    }
}
