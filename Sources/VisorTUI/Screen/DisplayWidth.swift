import CWidth
import VisorDomain

/// Display width of text in terminal columns, measured with libc's `wcwidth`
/// exactly as ncurses measures it, so the grid and the screen agree.
public enum DisplayWidth {
    /// wcwidth answers per LC_CTYPE; under the default "C" locale every non-ASCII
    /// scalar is -1. A `static let` initialiser runs once, thread-safely, on first
    /// use, so tests that never call setlocale still measure UTF-8.
    private static let utf8Ready: Bool = visor_ensure_utf8_ctype() == 1

    /// Width of one grapheme: 0, 1 or 2 columns.
    ///
    /// A grapheme is as wide as its first scalar that is not zero-width (combining
    /// marks and joiners ride along); control and bidirectional characters are 0
    /// (text shows them escaped, see `of(_: String)`); scalars libc calls
    /// unprintable count as 1 (the backend draws them as U+FFFD).
    public static func of(_ c: Character) -> Int {
        _ = utf8Ready
        var scalars = c.unicodeScalars.makeIterator()
        guard let first = scalars.next() else { return 0 }
        if TerminalText.isUnsafe(first) { return 0 }
        var scalar: Unicode.Scalar? = first
        while let s = scalar {
            let w = visor_wcwidth(s.value)
            if w < 0 { return 1 }
            if w > 0 { return min(Int(w), 2) }
            scalar = scalars.next()
        }
        return 0
    }

    /// Width of a string as the grid shows it: with its controls and
    /// bidirectional characters escaped (`TerminalText`, as `ScreenGrid.put`
    /// writes them), the sum of its graphemes' widths.
    public static func of(_ s: String) -> Int {
        TerminalText.escaped(s).reduce(0) { $0 + of($1) }
    }

    /// The code points a terminal cell should receive for `c`: the spacing scalar
    /// `of(_:)` measured, then the zero-width ones after it, at most `limit` in all
    /// (curses holds 5). An unprintable scalar becomes U+FFFD so the terminal
    /// draws the one column the grid counted; empty for zero-width graphemes.
    /// Never a control or bidirectional character, whatever the cell holds.
    public static func terminalScalars(of c: Character, limit: Int = 5) -> [Unicode.Scalar] {
        _ = utf8Ready
        var result: [Unicode.Scalar] = []
        for s in c.unicodeScalars {
            if TerminalText.isUnsafe(s) { break }
            let w = visor_wcwidth(s.value)
            if result.isEmpty {
                if w < 0 { return ["\u{FFFD}"] }
                if w > 0 { result.append(s) }
            } else {
                if w != 0 || result.count == limit { break }
                result.append(s)
            }
        }
        return result
    }

    /// Cuts `s` to at most `width` columns, never splitting a double-width grapheme;
    /// when text is cut and `ellipsis` is true, the last column shows `…`. The
    /// result is `s` as shown: escaped (see `of(_: String)`).
    public static func truncate(_ s: String, to width: Int, ellipsis: Bool = true) -> String {
        guard width > 0 else { return "" }
        let s = TerminalText.escaped(s)
        if of(s) <= width { return s }
        let budget = ellipsis ? width - 1 : width
        var result = ""
        var used = 0
        for c in s {
            let w = of(c)
            if used + w > budget { break }
            result.append(c)
            used += w
        }
        return ellipsis ? result + "…" : result
    }

    /// Truncates `s` to `width` columns (with `…` when cut), then pads it with
    /// spaces to exactly `width` columns, on the right or, if `alignRight`, the left.
    public static func pad(_ s: String, to width: Int, alignRight: Bool = false) -> String {
        guard width > 0 else { return "" }
        let cut = truncate(s, to: width)
        let spaces = String(repeating: " ", count: max(0, width - of(cut)))
        return alignRight ? spaces + cut : cut + spaces
    }
}
