import Testing
import VisorRegister
@testable import VisorStore

@Suite("First lines of identifiers in an extract")
struct FirstLineTableTests {
    @Test("The first appearance is recorded; a repeat gives the first line back, not its own")
    func repeatGivesFirstLine() {
        var table = FirstLineTable()
        #expect(table.firstLine(of: 42, recording: 2) == nil)
        #expect(table.firstLine(of: 7, recording: 3) == nil)
        #expect(table.firstLine(of: 42, recording: 9) == 2)
        #expect(table.firstLine(of: 42, recording: 11) == 2)
        #expect(table.firstLine(of: 7, recording: 12) == 3)
        #expect(table.firstLine(of: 0, recording: 13) == nil)
        #expect(table.firstLine(of: 0, recording: 14) == 13)
    }

    @Test("Grown from its smallest size past 100,000 keys, it still knows every first line")
    func survivesGrowth() {
        var table = FirstLineTable(expectedCount: 1)
        // Keys a multiple of a large power of two apart, to crowd the same slots.
        let keys = (0..<100_000).map { $0 * 1_048_576 + 25_000_000 }
        for (line, key) in keys.enumerated() { #expect(table.firstLine(of: key, recording: line + 2) == nil) }
        var wrong = 0
        for (line, key) in keys.enumerated() where table.firstLine(of: key, recording: 0) != line + 2 { wrong += 1 }
        #expect(wrong == 0)
        #expect(table.firstLine(of: 1, recording: 5) == nil)
    }
}
