/// Where each pane and the status line go for a terminal size: a pure
/// function, tested as text. Below 60×16 there is no layout, only a message.
public struct Layout: Sendable, Hashable {
    public static let minimumWidth = 60
    public static let minimumHeight = 16

    public var panes: [PaneID: Rect]
    public var status: Rect

    /// The layout for a size and the panes in their order, or nil when the terminal is too
    /// small. The first pane is the main one (the nominal list); the second takes half of the
    /// rest; the others share what remains. A zoomed pane takes everything above the status line.
    public static func compute(width: Int, height: Int, panes order: [PaneID] = standardOrder,
                               zoomed: PaneID? = nil) -> Layout? {
        guard width >= minimumWidth, height >= minimumHeight, let main = order.first else { return nil }
        let screen = Rect(width: width, height: height)
        let (body, status) = screen.splitRows(bottom: 1)
        if let zoomed { return Layout(panes: [zoomed: body], status: status) }
        var panes: [PaneID: Rect] = [:]
        let others = Array(order.dropFirst())
        if width >= 110 {
            // Wide: the main pane down the left; the others stacked on the right, the first of them taking half.
            let (left, right) = body.splitColumns(left: width * 55 / 100)
            panes[main] = left
            stack(others, in: right, into: &panes)
        } else {
            // Narrow: the main pane across the top; below, the first other beside the rest stacked.
            let (top, bottom) = body.splitRows(top: body.height / 2)
            panes[main] = top
            if let second = others.first {
                let (left, side) = others.count > 1 ? bottom.splitColumns(left: width / 2) : (bottom, Rect(width: 0, height: 0))
                panes[second] = left
                share(Array(others.dropFirst()), in: side, into: &panes)
            }
        }
        return Layout(panes: panes, status: status)
    }

    /// The panes of the standard screen, in order.
    public static var standardOrder: [PaneID] { [.list, .record, .queue, .actions] }

    /// The first pane takes the top half of `rect`; the others share the bottom half.
    private static func stack(_ ids: [PaneID], in rect: Rect, into panes: inout [PaneID: Rect]) {
        guard let first = ids.first else { return }
        guard ids.count > 1 else { panes[first] = rect; return }
        let (top, rest) = rect.splitRows(top: rect.height / 2)
        panes[first] = top
        share(Array(ids.dropFirst()), in: rest, into: &panes)
    }

    /// The panes share `rect` in rows, top to bottom, the last taking what division leaves.
    private static func share(_ ids: [PaneID], in rect: Rect, into panes: inout [PaneID: Rect]) {
        var remaining = rect
        for (index, id) in ids.enumerated() {
            let left = ids.count - index
            guard left > 1 else { panes[id] = remaining; break }
            let (top, rest) = remaining.splitRows(top: remaining.height / left)
            panes[id] = top
            remaining = rest
        }
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
