import Testing
@testable import VisorTUI

/// `Layout.compute` drawn as text: each cell shows the number of the pane
/// that owns it (1 list, 2 record, 3 queue, 4 actions) and `s` the status line.
@Suite("Layout as ASCII art")
struct LayoutArtTests {
    static func art(width: Int, height: Int, zoomed: PaneID? = nil) -> String? {
        guard let layout = Layout.compute(width: width, height: height, zoomed: zoomed) else { return nil }
        var rows = Array(repeating: Array(repeating: Character("."), count: width), count: height)
        for (pane, rect) in layout.panes {
            for y in rect.y..<rect.maxY {
                for x in rect.x..<rect.maxX {
                    #expect(rows[y][x] == ".", "pane \(pane) overlaps another at (\(x), \(y))")
                    rows[y][x] = Character(String((Layout.standardOrder.firstIndex(of: pane) ?? 8) + 1))
                }
            }
        }
        for x in layout.status.x..<layout.status.maxX { rows[layout.status.y][x] = "s" }
        return rows.map { String($0) }.joined(separator: "\n")
    }

    /// A run-length summary of each row: "1×30 2×30" — easier to read than wide art.
    static func runs(width: Int, height: Int, zoomed: PaneID? = nil) -> [String]? {
        art(width: width, height: height, zoomed: zoomed)?.split(separator: "\n").map { row in
            var parts: [String] = []
            var current: Character?
            var count = 0
            for c in row {
                if c == current { count += 1; continue }
                if let current { parts.append("\(current)×\(count)") }
                current = c
                count = 1
            }
            if let current { parts.append("\(current)×\(count)") }
            return parts.joined(separator: " ")
        }
    }

    @Test("60×16, the minimum: list over record beside queue over actions, status at the bottom")
    func minimum() {
        #expect(Self.art(width: 60, height: 16) == """
            111111111111111111111111111111111111111111111111111111111111
            111111111111111111111111111111111111111111111111111111111111
            111111111111111111111111111111111111111111111111111111111111
            111111111111111111111111111111111111111111111111111111111111
            111111111111111111111111111111111111111111111111111111111111
            111111111111111111111111111111111111111111111111111111111111
            111111111111111111111111111111111111111111111111111111111111
            222222222222222222222222222222333333333333333333333333333333
            222222222222222222222222222222333333333333333333333333333333
            222222222222222222222222222222333333333333333333333333333333
            222222222222222222222222222222333333333333333333333333333333
            222222222222222222222222222222444444444444444444444444444444
            222222222222222222222222222222444444444444444444444444444444
            222222222222222222222222222222444444444444444444444444444444
            222222222222222222222222222222444444444444444444444444444444
            ssssssssssssssssssssssssssssssssssssssssssssssssssssssssssss
            """)
    }

    @Test("80×24: the same arrangement, every cell owned once")
    func standard() {
        let runs = Self.runs(width: 80, height: 24)
        #expect(runs == Array(repeating: "1×80", count: 11) + Array(repeating: "2×40 3×40", count: 6)
            + Array(repeating: "2×40 4×40", count: 6) + ["s×80"])
    }

    @Test("110×30, the first wide size: the list down the left, record, queue, actions stacked on the right")
    func wide() {
        let runs = Self.runs(width: 110, height: 30)
        #expect(runs == Array(repeating: "1×60 2×50", count: 14) + Array(repeating: "1×60 3×50", count: 7)
            + Array(repeating: "1×60 4×50", count: 8) + ["s×110"])
        #expect(Self.runs(width: 109, height: 30)?.first == "1×109", "below 110 columns the list spans the top")
    }

    @Test("120×40 as art")
    func large() {
        let runs = Self.runs(width: 120, height: 40)
        #expect(runs == Array(repeating: "1×66 2×54", count: 19) + Array(repeating: "1×66 3×54", count: 10)
            + Array(repeating: "1×66 4×54", count: 10) + ["s×120"])
    }

    @Test("A zoomed pane takes everything above the status line", arguments: Layout.standardOrder)
    func zoomed(pane: PaneID) {
        let digit = String((Layout.standardOrder.firstIndex(of: pane) ?? 8) + 1)
        #expect(Self.runs(width: 60, height: 16, zoomed: pane)
            == Array(repeating: "\(digit)×60", count: 15) + ["s×60"])
    }

    @Test("Below 60×16 there is no layout", arguments: [(59, 16), (60, 15), (1, 1), (0, 0), (40, 12)])
    func tooSmall(size: (Int, Int)) {
        #expect(Layout.compute(width: size.0, height: size.1) == nil)
        #expect(Layout.tooSmallMessage(width: size.0, height: size.1)
            == "Terminal too small: need 60×16, have \(size.0)×\(size.1)")
    }

    @Test("Clicks find the pane under the cell")
    func paneAtCell() throws {
        let layout = try #require(Layout.compute(width: 80, height: 24))
        #expect(layout.pane(atX: 0, y: 0) == .list)
        #expect(layout.pane(atX: 39, y: 11) == .record)
        #expect(layout.pane(atX: 40, y: 11) == .queue)
        #expect(layout.pane(atX: 79, y: 22) == .actions)
        #expect(layout.pane(atX: 10, y: 23) == nil, "the status line is no pane")
    }
}
