import Testing
import VisorTUI

@Suite("Text snapshots of the screen grid")
struct SnapshotTests {
    @Test("A boxed grid with CJK, accents and emoji lines up")
    func boxedGridWithWideCharacters() {
        var grid = ScreenGrid(width: 30, height: 7)
        grid.drawBox(grid.bounds, title: "Nominals 😀", focused: true)
        let names = ["Zoë Smith", "Ó'Brien", "Łukasz Wójcik", "王秀英", "😀 emoji"]
        for (row, name) in names.enumerated() {
            grid.put(DisplayWidth.pad(name, to: 16) + "|", x: 2, y: row + 1, role: .normal, maxWidth: 26)
        }
        assertSnapshot(grid, named: "boxed-grid-cjk-emoji")
    }
}
