import Testing
@testable import VisorDomain

/// The one definition of hazardous text (`TextHazard`) and the byte scan an
/// import runs on every line.
@Suite("Text hazards")
struct TextHazardTests {
    @Test("each kind of hazard is classified", arguments: [
        (Unicode.Scalar(0x00)!, TextHazard.control), ("\u{07}", .control), ("\t", .control), ("\u{1B}", .control),
        ("\u{7F}", .control), ("\u{80}", .control), ("\u{9B}", .control), ("\u{9F}", .control),
        ("\n", .lineBreak), ("\r", .lineBreak), ("\u{0B}", .lineBreak), ("\u{0C}", .lineBreak), ("\u{85}", .lineBreak),
        ("\u{2028}", .lineBreak), ("\u{2029}", .lineBreak),
        ("\u{061C}", .bidirectional), ("\u{200E}", .bidirectional), ("\u{200F}", .bidirectional),
        ("\u{202A}", .bidirectional), ("\u{202E}", .bidirectional), ("\u{2066}", .bidirectional),
        ("\u{2069}", .bidirectional),
        ("\u{200B}", .zeroWidth), ("\u{200C}", .zeroWidth), ("\u{200D}", .zeroWidth), ("\u{2060}", .zeroWidth),
        ("\u{FEFF}", .zeroWidth), ("\u{AD}", .zeroWidth), ("\u{180E}", .zeroWidth), ("\u{3164}", .zeroWidth),
        ("\u{E0041}", .zeroWidth), ("\u{FFF9}", .zeroWidth),
    ])
    func classified(scalar: Unicode.Scalar, hazard: TextHazard) {
        #expect(TextHazard.of(scalar) == hazard)
    }

    @Test("ordinary text is no hazard: letters, accents, CJK, emoji, quotes, the no-break space")
    func ordinary() {
        let text = "Wójcik Łukasz Ó'Brien Søren Straße 王秀英 🦊 ❤️ ’“”… – € \u{A0} é\u{301} ~ \\"
        #expect(text.unicodeScalars.allSatisfy { TextHazard.of($0) == nil })
    }

    @Test("the table is in ascending order without overlaps (the look-up stops at the first range above)")
    func tableOrdered() {
        for (earlier, later) in zip(TextHazard.table, TextHazard.table.dropFirst()) {
            #expect(earlier.0.upperBound < later.0.lowerBound, "\(earlier.0) then \(later.0)")
        }
    }

    @Test("the byte scan finds every hazardous scalar, alone and inside ordinary text")
    func byteScanIsComplete() {
        for (range, _) in TextHazard.table {
            for value in range {
                guard let scalar = Unicode.Scalar(value) else { continue }
                let alone = String(Character(scalar))
                #expect(TextHazard.mayOccur(in: alone), "U+\(String(value, radix: 16))")
                #expect(TextHazard.mayOccur(in: "Wójcik" + alone + "Łukasz"), "U+\(String(value, radix: 16))")
            }
        }
    }

    @Test("the byte scan passes ordinary lines without a second look")
    func byteScanPassesOrdinaryText() {
        #expect(!TextHazard.mayOccur(in: "X123456,79/163001B,,A1234BC,Wójcik,Łukasz Jan,1979-05-01,M,W1,2,2"))
        #expect(!TextHazard.mayOccur(in: "Ó'Brien,Dónal,Søren,Straße"))
        #expect(!TextHazard.mayOccur(in: ""))
    }
}
