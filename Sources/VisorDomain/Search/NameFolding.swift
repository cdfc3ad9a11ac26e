import Foundation

/// The folded key names are searched and sorted by: accents removed, the
/// letters that do not decompose mapped (ł→l, ø→o, đ→d, ß→ss, æ→ae, œ→oe,
/// ı→i, þ→th, ð→d), lower-cased, and everything but letters and digits
/// dropped — so `wojcik`, `lukasz`, `obrien`, `soren` and `strasse` find
/// Wójcik, Łukasz, Ó'Brien, Søren and Straße. Scripts without case or accents
/// (王秀英) pass through unchanged, so they still match exactly and by prefix.
public enum NameFolding {
    public static func fold(_ text: some StringProtocol) -> String {
        var out = String.UnicodeScalarView()
        var needsSlowPath = false
        for byte in text.utf8 {
            if byte >= 0x80 { needsSlowPath = true; break }
        }
        if !needsSlowPath {
            for byte in text.utf8 {
                switch byte {
                case 0x41...0x5A: out.append(Unicode.Scalar(byte + 32))
                case 0x61...0x7A, 0x30...0x39: out.append(Unicode.Scalar(byte))
                default: break
                }
            }
            return String(out)
        }
        let decomposed = String(text).decomposedStringWithCanonicalMapping
        for scalar in decomposed.unicodeScalars {
            let properties = scalar.properties
            switch properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark:
                continue
            default:
                break
            }
            if let mapped = specialLetters[scalar] {
                out.append(contentsOf: mapped.unicodeScalars)
                continue
            }
            guard properties.isAlphabetic || properties.numericType != nil else { continue }
            if properties.changesWhenLowercased {
                out.append(contentsOf: properties.lowercaseMapping.unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        // Recompose what decomposition split without a mark to drop (Hangul
        // syllables), so such names fold to themselves as 王秀英 does.
        return String(out).precomposedStringWithCanonicalMapping
    }

    /// Folded words of a name field: the whole field, then each word when there
    /// are several ("Van der Berg" → vanderberg, van, der, berg).
    public static func keys(of field: some StringProtocol) -> [String] {
        let whole = fold(field)
        guard !whole.isEmpty else { return [] }
        let words = field.split(whereSeparator: { $0.isWhitespace || $0 == "-" })
        guard words.count > 1 else { return [whole] }
        var keys = [whole]
        for word in words {
            let key = fold(word)
            if !key.isEmpty, !keys.contains(key) { keys.append(key) }
        }
        return keys
    }

    private static let specialLetters: [Unicode.Scalar: String] = [
        "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "ß": "ss", "ẞ": "ss",
        "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ı": "i", "þ": "th", "Þ": "th", "ð": "d", "Ð": "d",
        "ħ": "h", "Ħ": "h", "ŀ": "l", "Ŀ": "l",
    ]
}
