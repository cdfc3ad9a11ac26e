import Testing
@testable import VisorTUI

@Suite("Screen grid: writing, clipping, boxes")
struct ScreenGridTests {
    @Test("Writes text and reports the columns used")
    func putText() {
        var grid = ScreenGrid(width: 80, height: 24)
        #expect(grid.put("Ó'Brien", x: 3, y: 2, role: .header) == 7)
        #expect(grid.lines()[2] == "   Ó'Brien")
        #expect(grid.roles(y: 2)[3..<10].allSatisfy { $0 == .header })
        #expect(grid.roles(y: 2)[10] == .normal)
        #expect(grid.lines().count == 24)
    }

    @Test("Nothing breaks at 0×0 and 1×1", arguments: [(0, 0), (1, 1), (0, 5), (5, 0), (1, 3), (3, 1)])
    func tinyGrids(width: Int, height: Int) {
        var grid = ScreenGrid(width: width, height: height)
        grid.put("王秀英 Zoë", x: 0, y: 0, role: .normal)
        grid.put("x", x: -3, y: -3, role: .normal)
        grid.put("x", x: 100, y: 100, role: .normal)
        grid.fill(Rect(x: -5, y: -5, width: 50, height: 50), role: .dialog)
        grid.drawBox(grid.bounds, title: "Title", focused: true)
        grid.drawBox(Rect(x: -2, y: -2, width: 4, height: 4), title: nil, focused: false)
        #expect(grid.lines().count == height)
        _ = grid[x: 7, y: 7]
    }

    @Test("A 1×1 grid shows a cut text as …; without the ellipsis a wide character as a space, a narrow one as itself")
    func oneByOne() {
        var grid = ScreenGrid(width: 1, height: 1)
        #expect(grid.put("王", x: 0, y: 0, role: .normal) == 1)
        #expect(grid[x: 0, y: 0].character == "…")
        #expect(grid.put("王", x: 0, y: 0, role: .normal, ellipsis: false) == 1)
        #expect(grid[x: 0, y: 0].character == " ")
        #expect(grid.put("ab", x: 0, y: 0, role: .normal, ellipsis: false) == 1)
        #expect(grid.lines() == ["a"])
        #expect(grid.put("a", x: 0, y: 0, role: .normal) == 1)
        #expect(grid.lines() == ["a"], "a text that fits is not cut")
    }

    @Test("Wide characters take two columns; accents and combining marks one")
    func wideCharacters() {
        var grid = ScreenGrid(width: 20, height: 4)
        #expect(grid.put("王秀英", x: 0, y: 0, role: .normal) == 6)
        #expect(grid.put("😀", x: 0, y: 1, role: .normal) == 2)
        #expect(grid.put("Zoë", x: 0, y: 2, role: .normal) == 3)
        #expect(grid.put("e\u{301}x", x: 0, y: 3, role: .normal) == 2)
        #expect(grid[x: 1, y: 0].isContinuation && !grid[x: 2, y: 0].isContinuation)
        #expect(grid[x: 2, y: 0].character == "秀")
        #expect(grid[x: 0, y: 3].character == Character("e\u{301}"))
        #expect(grid[x: 1, y: 3].character == "x")
        #expect(grid.lines() == ["王秀英", "😀", "Zoë", "e\u{301}x"])
    }

    @Test("Text cut at the right edge or at maxWidth ends in …, never silently; a wide character is never split")
    func wideCharacterAtEdge() {
        var grid = ScreenGrid(width: 4, height: 2)
        #expect(grid.put("abc王", x: 0, y: 0, role: .normal) == 4)
        #expect(grid[x: 3, y: 0] == Cell(character: "…", role: .normal))
        #expect(grid.put("王秀英", x: 0, y: 1, role: .normal, maxWidth: 3) == 3)
        #expect(grid.lines() == ["abc…", "王…"])
        #expect(!grid[x: 2, y: 1].isContinuation)
        // Without the ellipsis (a caller that marks the cut itself) a wide character that does not fit is a space.
        #expect(grid.put("abc王", x: 0, y: 0, role: .normal, ellipsis: false) == 4)
        #expect(grid[x: 3, y: 0] == Cell(character: " ", role: .normal))
    }

    @Test("Overwriting half of a wide character blanks the other half")
    func overwriteHalves() {
        var grid = ScreenGrid(width: 6, height: 2)
        grid.put("王", x: 0, y: 0, role: .normal)
        grid.put("a", x: 1, y: 0, role: .normal)
        #expect(grid.lines()[0] == " a")
        #expect(!grid[x: 1, y: 0].isContinuation)
        grid.put("秀", x: 2, y: 1, role: .normal)
        grid.put("b", x: 2, y: 1, role: .normal)
        #expect(grid.lines()[1] == "  b")
        #expect(!grid[x: 3, y: 1].isContinuation)
        grid.put("英", x: 3, y: 1, role: .normal)
        grid.put("王", x: 2, y: 1, role: .normal)
        #expect(grid.lines()[1] == "  王")
        #expect(grid[x: 3, y: 1].isContinuation && !grid[x: 4, y: 1].isContinuation)
    }

    @Test("Text starting left of the grid is clipped, wide characters included")
    func negativeX() {
        var grid = ScreenGrid(width: 5, height: 1)
        #expect(grid.put("王ab", x: -1, y: 0, role: .normal) == 3)
        #expect(grid.lines() == [" ab"])
    }

    @Test("Zero-width graphemes are dropped, not placed; a control is shown escaped")
    func zeroWidth() {
        var grid = ScreenGrid(width: 6, height: 2)
        #expect(grid.put("a\u{301}\u{200B}b", x: 0, y: 0, role: .normal) == 2)
        #expect(grid.put("a\tb", x: 0, y: 1, role: .normal) == 4)
        #expect(grid.lines() == ["a\u{301}b", "a\\tb"])
    }

    @Test("Fill blanks a clipped rectangle in a role")
    func fill() {
        var grid = ScreenGrid(width: 4, height: 3)
        grid.put("王秀", x: 0, y: 1, role: .normal)
        grid.fill(Rect(x: 1, y: 1, width: 10, height: 1), role: .dialog)
        #expect(grid.lines()[1].isEmpty)
        #expect(grid.roles(y: 1) == [.normal, .dialog, .dialog, .dialog])
    }

    @Test("Boxes at 80×24 with a title, focused and not")
    func box() {
        var grid = ScreenGrid(width: 80, height: 24)
        grid.drawBox(Rect(x: 0, y: 0, width: 10, height: 3), title: "Nominals list", focused: true)
        grid.drawBox(Rect(x: 10, y: 0, width: 5, height: 3), title: "王", focused: false)
        let lines = grid.lines()
        #expect(lines[0] == "┌ Nomin… ┐┌ … ┐")
        #expect(lines[1] == "│        ││   │")
        #expect(lines[2] == "└────────┘└───┘")
        #expect(grid.roles(y: 0)[0] == .focusedBorder)
        #expect(grid.roles(y: 0)[2] == .title)
        #expect(grid.roles(y: 0)[10] == .border)
    }

    @Test("Degenerate boxes become lines")
    func thinBoxes() {
        var grid = ScreenGrid(width: 4, height: 3)
        grid.drawBox(Rect(x: 0, y: 0, width: 4, height: 1), title: "x", focused: false)
        grid.drawBox(Rect(x: 0, y: 1, width: 1, height: 2), title: nil, focused: false)
        grid.drawBox(Rect(x: 2, y: 1, width: 2, height: 2), title: "long", focused: false)
        #expect(grid.lines() == ["────", "│ ┌┐", "│ └┘"])
    }
}
