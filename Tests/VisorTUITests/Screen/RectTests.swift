import Testing
import VisorTUI

@Suite("Rectangles for layout")
struct RectTests {
    @Test("Negative sizes clamp to zero")
    func clamping() {
        #expect(Rect(x: 1, y: 1, width: -3, height: 2).isEmpty)
        #expect(Rect(width: 2, height: 2).inset(by: 5).width == 0)
    }

    @Test("Inset and intersection")
    func insetAndIntersection() {
        let r = Rect(x: 0, y: 0, width: 80, height: 24)
        #expect(r.inset(by: 1) == Rect(x: 1, y: 1, width: 78, height: 22))
        #expect(r.intersection(Rect(x: 70, y: 20, width: 20, height: 20)) == Rect(x: 70, y: 20, width: 10, height: 4))
        #expect(r.intersection(Rect(x: 90, y: 0, width: 5, height: 5)).isEmpty)
        #expect(r.contains(x: 79, y: 23) && !r.contains(x: 80, y: 0))
    }

    @Test("Splits clamp to the rectangle")
    func splits() {
        let r = Rect(x: 2, y: 3, width: 10, height: 6)
        #expect(r.splitRows(top: 2) == (Rect(x: 2, y: 3, width: 10, height: 2), Rect(x: 2, y: 5, width: 10, height: 4)))
        #expect(r.splitRows(bottom: 1).bottom == Rect(x: 2, y: 8, width: 10, height: 1))
        #expect(r.splitColumns(left: 30).right.isEmpty)
        #expect(r.splitColumns(right: 4) == (Rect(x: 2, y: 3, width: 6, height: 6), Rect(x: 8, y: 3, width: 4, height: 6)))
    }
}
