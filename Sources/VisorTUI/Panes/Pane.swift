import VisorDomain

/// Which pane. Each pane declares its own (`PaneID.list` in the list's file);
/// its number — the key that focuses it, its place in the focus cycle and the
/// layout — is its place in `AppCore.panes`.
public struct PaneID: Hashable, Sendable, CustomStringConvertible {
    /// What the pane is called in titles and help ("Nominals").
    public let title: String
    /// How "Go to …" names it ("the nominal list").
    public let goTo: String

    public init(_ title: String, goTo: String) {
        self.title = title
        self.goTo = goTo
    }

    public var description: String { title }
}

/// What a pane may read while drawing, besides its own state.
public struct PaneContext: Sendable {
    public var today: LocalDate
}

/// A pane of the main screen: it owns its state, draws itself into a
/// rectangle, declares its keys and loads what it shows. Adding a pane is its
/// file (a class conforming to this) and one line in `AppCore`'s list of panes;
/// the layout arranges any number of them.
@MainActor
public protocol Pane: AnyObject {
    var id: PaneID { get }
    /// The keys of this pane, besides the global ones (scope `.pane(id)`).
    var bindings: [Binding] { get }
    /// Draws the pane; returns where the terminal cursor goes (a filter being typed), if there.
    func draw(into grid: inout ScreenGrid, rect: Rect, focused: Bool, context: PaneContext) -> (x: Int, y: Int)?
    /// Rows of items the pane shows in `rect` (a page).
    func visibleRows(in rect: Rect) -> Int
    /// j/k, PgUp/PgDn and the wheel: moves the selection (or scrolls) by `delta` rows.
    func move(by delta: Int, visibleRows: Int, core: AppCore)
    /// g/G: the first or the last item.
    func jump(toFirst: Bool, visibleRows: Int, core: AppCore)
    /// After the pane changed size or content: a full page, the selection on screen.
    func fit(visibleRows: Int, core: AppCore)
    /// A click on the cell (x, y) inside the pane's `rect`.
    func click(x: Int, y: Int, rect: Rect, core: AppCore)
    /// True while `/` takes the keys.
    var isTypingFilter: Bool { get }
    /// `/`: starts searching or filtering.
    func beginFilter(core: AppCore)
    /// A key while the filter takes them; returns a key to handle after (a movement key leaves the filter).
    func typeFilter(_ key: Key, core: AppCore) -> Key?
    /// Esc: drops the search or filter kept by Enter.
    func clearFilter(core: AppCore)
    /// Reads what the pane shows (at sign-in).
    func reload(core: AppCore)
}

extension Pane {
    public func click(x: Int, y: Int, rect: Rect, core: AppCore) {}
}
