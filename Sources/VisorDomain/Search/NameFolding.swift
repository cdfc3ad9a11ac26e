import Foundation

/// The folded key names are searched and sorted by: accents removed, the
/// letters that do not decompose mapped (ł→l, ø→o, đ→d, ß→ss, æ→ae, œ→oe,
/// ı→i, þ→th, ð→d), lower-cased, and everything but letters and digits
/// dropped — so `wojcik`, `lukasz`, `obrien`, `soren` and `strasse` find
/// Wójcik, Łukasz, Ó'Brien, Søren and Straße. Scripts without case or accents
/// (王秀英) pass through unchanged, so they still match exactly and by prefix.
public enum NameFolding {
    public static func fold(_ text: String) -> String { foldText(text) }

    public static func fold(_ text: Substring) -> String { foldText(text) }

    /// Behind the concrete entry points: a generic called from another module
    /// runs unspecialized, through protocol witnesses — a third of the time
    /// an import spent folding names (measured).
    private static func foldText(_ text: some StringProtocol) -> String {
        var isASCII = true
        for byte in text.utf8 where byte >= 0x80 {
            isASCII = false
            break
        }
        if isASCII { return foldASCII(text.utf8) }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let value = Int(scalar.value)
            if value < 0x80 {
                let byte = UInt8(value)
                switch byte {
                case 0x41...0x5A: out.append(Unicode.Scalar(byte + 32))
                case 0x61...0x7A, 0x30...0x39: out.append(scalar)
                default: break
                }
            } else if let folded = FoldingTable.shared.folded(value) {
                out.append(contentsOf: folded)
            } else {
                out.append(contentsOf: foldOutsideTable(scalar))
            }
        }
        return String(out)
    }

    /// Folds one scalar the table does not cover (CJK, Hangul and other scripts
    /// without accents): marks dropped, letters lower-cased, the rest kept.
    static func foldOutsideTable(_ scalar: Unicode.Scalar) -> [Unicode.Scalar] {
        let properties = scalar.properties
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return []
        default: break
        }
        guard properties.isAlphabetic || properties.numericType != nil else { return [] }
        if properties.changesWhenLowercased { return Array(properties.lowercaseMapping.unicodeScalars) }
        return [scalar]
    }

    /// Folds one scalar the slow way, through canonical decomposition: used to
    /// build the table once.
    static func foldByDecomposition(_ scalar: Unicode.Scalar) -> [Unicode.Scalar] {
        if let mapped = specialLetters[scalar] { return Array(mapped.unicodeScalars) }
        let decomposed = String(Character(scalar)).decomposedStringWithCanonicalMapping
        var out: [Unicode.Scalar] = []
        for part in decomposed.unicodeScalars {
            if let mapped = specialLetters[part] {
                out.append(contentsOf: mapped.unicodeScalars)
            } else {
                out.append(contentsOf: foldOutsideTable(part))
            }
        }
        return out
    }

    /// Folded words of a name field: the whole field, then each word when there
    /// are several ("Van der Berg" → vanderberg, van, der, berg).
    public static func keys(of field: String) -> [String] {
        let whole = fold(field)
        guard !whole.isEmpty else { return [] }
        if !field.utf8.contains(where: { $0 == 0x20 || $0 == 0x2D || $0 == 0x09 || $0 >= 0x80 }) { return [whole] }
        var keys = [whole]
        func add(_ key: String) { if !key.isEmpty, !keys.contains(key) { keys.append(key) } }
        if !field.utf8.contains(where: { $0 >= 0x80 }) {
            // ASCII: split on bytes; splitting Characters costs Unicode lookups a million names can feel.
            let words = field.utf8.split(whereSeparator: isSeparator)
            guard words.count > 1 else { return [whole] }
            words.forEach { add(foldASCII($0)) }
            return keys
        }
        // By scalars, looking up Unicode properties only for the non-ASCII ones.
        let words = field.unicodeScalars.split(whereSeparator: { scalar in
            scalar.value < 0x80 ? isSeparator(UInt8(scalar.value)) : scalar.properties.isWhitespace
        })
        guard words.count > 1 else { return [whole] }
        words.forEach { add(fold(Substring($0))) }
        return keys
    }

    /// Hyphens and ASCII white space separate the words of a name.
    private static func isSeparator(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x2D || (0x09...0x0D).contains(byte)
    }

    /// ASCII letters lower-cased and digits kept, straight from bytes: most
    /// names are ASCII and a million-row import folds each of them twice.
    private static func foldASCII(_ bytes: some Sequence<UInt8>) -> String {
        var out = [UInt8]()
        out.reserveCapacity(32)
        for byte in bytes {
            switch byte {
            case 0x41...0x5A: out.append(byte + 32)
            case 0x61...0x7A, 0x30...0x39: out.append(byte)
            default: break
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static let specialLetters: [Unicode.Scalar: String] = [
        "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "ß": "ss", "ẞ": "ss",
        "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ı": "i", "þ": "th", "Þ": "th", "ð": "d", "Ð": "d",
        "ħ": "h", "Ħ": "h", "ŀ": "l", "Ŀ": "l",
    ]
}

/// Folded forms of the scalars of Latin, Greek and Cyrillic with their
/// accents (U+0080–U+052F and U+1E00–U+1FFF), computed once by canonical
/// decomposition. Folding through Foundation for every name was the largest
/// cost of a million-row import (measured); a table lookup is not.
private struct FoldingTable: Sendable {
    static let shared = FoldingTable()
    private static let ranges: [ClosedRange<Int>] = [0x80...0x52F, 0x1E00...0x1FFF]
    private let low: [[Unicode.Scalar]]
    private let high: [[Unicode.Scalar]]

    private init() {
        func build(_ range: ClosedRange<Int>) -> [[Unicode.Scalar]] {
            range.map { value in
                guard let scalar = Unicode.Scalar(value) else { return [] }
                return NameFolding.foldByDecomposition(scalar)
            }
        }
        low = build(FoldingTable.ranges[0])
        high = build(FoldingTable.ranges[1])
    }

    func folded(_ value: Int) -> [Unicode.Scalar]? {
        if FoldingTable.ranges[0].contains(value) { return low[value - 0x80] }
        if FoldingTable.ranges[1].contains(value) { return high[value - 0x1E00] }
        return nil
    }
}
