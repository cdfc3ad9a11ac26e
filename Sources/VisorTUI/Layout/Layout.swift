/// Where each pane and the status line go for a terminal size: a pure
/// function, tested as text. Below 60×16 there is no layout, only a message.
public struct Layout: Sendable, Hashable {
    public static let minimumWidth = 60
    public static let minimumHeight = 16

    public var panes: [PaneID: Rect]
    public var status: Rect

    /// The layout for a size, or nil when the terminal is too small. A zoomed
    /// pane takes everything above the status line.
    public static func compute(width: Int, height: Int, zoomed: PaneID? = nil) -> Layout? {
        guard width >= minimumWidth, height >= minimumHeight else { return nil }
        let screen = Rect(width: width, height: height)
        let (main, status) = screen.splitRows(bottom: 1)
        if let zoomed { return Layout(panes: [zoomed: main], status: status) }
        if width >= 110 {
            // Wide: the list down the left; record, queue and actions stacked on the right.
            let (left, right) = main.splitColumns(left: width * 55 / 100)
            let (record, rest) = right.splitRows(top: right.height / 2)
            let (queue, actions) = rest.splitRows(top: rest.height / 2)
            return Layout(panes: [.list: left, .record: record, .queue: queue, .actions: actions], status: status)
        }
        // Narrow: the list across the top; the record beside the queue over the actions.
        let (top, bottom) = main.splitRows(top: main.height / 2)
        let (record, side) = bottom.splitColumns(left: width / 2)
        let (queue, actions) = side.splitRows(top: side.height / 2)
        return Layout(panes: [.list: top, .record: record, .queue: queue, .actions: actions], status: status)
    }

    /// The pane under a screen cell, for mouse clicks.
    public func pane(atX x: Int, y: Int) -> PaneID? {
        panes.first { $0.value.contains(x: x, y: y) }?.key
    }

    /// The message shown instead of panes on a terminal below the minimum.
    public static func tooSmallMessage(width: Int, height: Int) -> String {
        "Terminal too small: need \(minimumWidth)×\(minimumHeight), have \(width)×\(height)"
    }
}
