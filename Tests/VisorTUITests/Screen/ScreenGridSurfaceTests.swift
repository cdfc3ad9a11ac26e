import Testing
@testable import VisorTUI

@Suite("The surface beneath each cell: fills paint it, text keeps it")
struct ScreenGridSurfaceTests {
    @Test("A fill paints the surface; text written over it keeps it; elsewhere it is normal")
    func fillThenPut() {
        var grid = ScreenGrid(width: 10, height: 2)
        grid.fill(Rect(x: 2, y: 0, width: 6, height: 1), role: .dialog)
        grid.put("abcdefgh", x: 1, y: 0, role: .muted)
        #expect(grid.roles(y: 0)[1...8].allSatisfy { $0 == .muted })
        #expect(grid.surfaces(y: 0) == [.normal, .normal] + Array(repeating: .dialog, count: 6) + [.normal, .normal])
        #expect(grid.surfaces(y: 1).allSatisfy { $0 == .normal })
        #expect(grid[x: 9, y: 0] == Cell())
    }

    @Test("A later fill replaces the surface; a box drawn on a surface keeps it")
    func nestedFillsAndBoxes() {
        var grid = ScreenGrid(width: 12, height: 5)
        grid.fill(grid.bounds, role: .dialog)
        grid.drawBox(grid.bounds, title: "Title", focused: true)
        grid.fill(Rect(x: 2, y: 2, width: 8, height: 1), role: .input)
        grid.put("typed", x: 2, y: 2, role: .input)
        #expect(grid[x: 0, y: 0].role == .focusedBorder && grid[x: 0, y: 0].surface == .dialog)
        #expect(grid[x: 2, y: 0].role == .title && grid[x: 2, y: 0].surface == .dialog)
        #expect(grid[x: 3, y: 2] == Cell(character: "y", role: .input, surface: .input))
        #expect(grid[x: 1, y: 2].surface == .dialog)
    }

    @Test("Cutting a wide grapheme in half keeps the surface of the half left blank")
    func wideRepairKeepsSurface() {
        var grid = ScreenGrid(width: 6, height: 1)
        grid.fill(grid.bounds, role: .dialog)
        grid.put("王秀", x: 0, y: 0, role: .normal)
        grid.put("a", x: 1, y: 0, role: .title)
        grid.put("b", x: 2, y: 0, role: .title)
        #expect(grid[x: 0, y: 0] == Cell(character: " ", role: .normal, surface: .dialog))
        #expect(grid[x: 3, y: 0] == Cell(character: " ", role: .normal, surface: .dialog))
        #expect(grid.surfaces(y: 0).allSatisfy { $0 == .dialog })
    }
}
