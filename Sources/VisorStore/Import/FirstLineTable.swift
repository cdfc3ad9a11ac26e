/// The line on which each identifier of an extract first appeared, keyed by
/// the identifier packed into an integer (`CRN.packed`, `PNCID.packed`). A
/// million-row file asks twice per row; a dictionary of canonical strings spent
/// most of its time hashing and comparing text, so this is an open-addressing
/// table of integers with Fibonacci hashing, kept at most half full.
struct FirstLineTable {
    private var keys: [Int]
    private var lines: [Int32]
    private var shift: Int
    private var count = 0
    private static let empty = -1

    init(expectedCount: Int = 1024) {
        var slots = 16
        while slots < expectedCount * 2 { slots *= 2 }
        keys = Array(repeating: Self.empty, count: slots)
        lines = Array(repeating: 0, count: slots)
        shift = 64 - slots.trailingZeroBitCount
    }

    /// The first line of `key`; nil when this is its first appearance, which
    /// is then recorded as `line`. Keys are non-negative.
    mutating func firstLine(of key: Int, recording line: Int) -> Int? {
        precondition(key >= 0, "packed identifiers are non-negative")
        let mask = keys.count - 1
        var slot = Int(truncatingIfNeeded: (UInt64(bitPattern: Int64(key)) &* 0x9E37_79B9_7F4A_7C15) >> UInt64(shift))
        while true {
            let stored = keys[slot]
            if stored == key { return Int(lines[slot]) }
            if stored == Self.empty { break }
            slot = (slot + 1) & mask
        }
        keys[slot] = key
        lines[slot] = Int32(clamping: line)
        count += 1
        if count * 2 > keys.count { grow() }
        return nil
    }

    private mutating func grow() {
        let oldKeys = keys, oldLines = lines
        keys = Array(repeating: Self.empty, count: oldKeys.count * 2)
        lines = Array(repeating: 0, count: oldKeys.count * 2)
        shift -= 1
        count = 0
        for (key, line) in zip(oldKeys, oldLines) where key != Self.empty {
            _ = firstLine(of: key, recording: Int(line))
        }
    }
}
