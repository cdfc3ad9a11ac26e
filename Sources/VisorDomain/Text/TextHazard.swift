/// The one definition of the characters that are dangerous in text Visor
/// shows or keeps: what kind of hazard a scalar is, if any.
///
/// - `control`: C0 controls (but the line breaks), DEL and C1 controls. On a
///   terminal they move the cursor, clear the screen, retitle the window.
/// - `lineBreak`: LF, VT, FF, CR, NEL and the Unicode line and paragraph
///   separators. A one-line text that holds one can forge a line of output.
/// - `bidirectional`: the marks (LRM, RLM, ALM), embeddings, overrides and
///   isolates, which reorder what a reader sees ("Trojan Source").
/// - `zeroWidth`: characters that take no room and show nothing (zero-width
///   space and joiners, word joiner, BOM, soft hyphen, Hangul fillers, tags…):
///   they let two texts that look alike differ, and hide text.
///
/// The first three are escaped wherever text is shown (`TerminalText`); all
/// four are refused in free-text input (`FreeText`). Zero-width characters
/// are not escaped on output: they cannot move the cursor or reorder text,
/// and what is already stored may use them rightly (a joiner in an emoji).
public enum TextHazard: Sendable, Hashable {
    case control, lineBreak, bidirectional, zeroWidth

    /// The hazard `scalar` is, or nil for an ordinary character.
    public static func of(_ scalar: Unicode.Scalar) -> TextHazard? {
        let value = scalar.value
        if value >= 0x20 && value < 0x7F { return nil }
        for (range, hazard) in table {
            if value < range.lowerBound { return nil }
            if value <= range.upperBound { return hazard }
        }
        return nil
    }

    /// Every hazardous scalar, by range in ascending order (`of` stops at the first range above).
    static let table: [(ClosedRange<UInt32>, TextHazard)] = [
        (0x00...0x09, .control), (0x0A...0x0D, .lineBreak), (0x0E...0x1F, .control),
        (0x7F...0x84, .control), (0x85...0x85, .lineBreak), (0x86...0x9F, .control),
        (0xAD...0xAD, .zeroWidth),  // soft hyphen
        (0x34F...0x34F, .zeroWidth),  // combining grapheme joiner
        (0x61C...0x61C, .bidirectional),  // ALM
        (0x115F...0x1160, .zeroWidth),  // Hangul fillers
        (0x17B4...0x17B5, .zeroWidth),  // Khmer inherent vowels
        (0x180B...0x180F, .zeroWidth),  // Mongolian variation selectors and vowel separator
        (0x200B...0x200D, .zeroWidth),  // zero-width space, non-joiner, joiner
        (0x200E...0x200F, .bidirectional),  // LRM, RLM
        (0x2028...0x2029, .lineBreak),
        (0x202A...0x202E, .bidirectional),  // embeddings and overrides
        (0x2060...0x2065, .zeroWidth),  // word joiner, invisible operators
        (0x2066...0x2069, .bidirectional),  // isolates
        (0x206A...0x206F, .zeroWidth),  // deprecated format characters
        (0x3164...0x3164, .zeroWidth),  // Hangul filler
        (0xFEFF...0xFEFF, .zeroWidth),  // byte-order mark, zero-width no-break space
        (0xFFA0...0xFFA0, .zeroWidth),  // halfwidth Hangul filler
        (0xFFF9...0xFFFB, .zeroWidth),  // interlinear annotation (hides the annotated text)
        (0x1BCA0...0x1BCA3, .zeroWidth),  // shorthand format controls
        (0x1D173...0x1D17A, .zeroWidth),  // musical format controls
        (0xE0000...0xE007F, .zeroWidth),  // tags
    ]

    /// False only when `bytes` (UTF-8) hold no hazardous scalar: one table
    /// look-up per byte, so an import can
    /// scan every line and look at the fields only of the few that may hold one.
    /// A true answer is a maybe: the lead byte of a hazard is shared with
    /// ordinary characters (E2 also begins `’` and `…`).
    public static func mayOccur(in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        leadBytes.withUnsafeBufferPointer { table in bytes.contains { table[Int($0)] } }
    }

    /// `mayOccur(in:)` over a string's UTF-8.
    public static func mayOccur(in text: String) -> Bool {
        var text = text
        return text.withUTF8 { mayOccur(in: $0) }
    }

    /// `mayNeedEscaping` over bytes: false means `TerminalText` leaves them exactly as they are.
    public static func mayNeedEscaping(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        outputLeadBytes.withUnsafeBufferPointer { table in bytes.contains { table[Int($0)] } }
    }

    /// Shown-on-output hazards only (not zero-width): what `TerminalText` escapes.
    static func mayNeedEscaping(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            outputLeadBytes.withUnsafeBufferPointer { table in bytes.contains { table[Int($0)] } }
        }
    }

    /// True for each byte that begins the UTF-8 of some hazardous scalar. The
    /// first byte of UTF-8 never decreases as the scalar grows, so every scalar
    /// of a range begins with a byte between those of its two ends; of those,
    /// 80–BF are never first (they continue a character, and must stay false
    /// or every accented letter would count).
    static let leadBytes = leadByteTable { _ in true }
    static let outputLeadBytes = leadByteTable { $0 != .zeroWidth }

    private static func leadByteTable(_ include: (TextHazard) -> Bool) -> [Bool] {
        var table = [Bool](repeating: false, count: 256)
        for (range, hazard) in TextHazard.table where include(hazard) {
            guard let low = Unicode.Scalar(range.lowerBound)?.utf8.first,
                  let high = Unicode.Scalar(range.upperBound)?.utf8.first else { continue }
            for byte in low...high where !(0x80...0xBF).contains(byte) { table[Int(byte)] = true }
        }
        return table
    }
}
