import Testing
@testable import VisorDomain

/// RFC 4180 restricted to one physical line.
@Suite("CSV line")
struct CSVLineTests {
    static func fault(_ line: String) -> CSVLine.Fault? {
        do throws(CSVLine.Fault) {
            _ = try CSVLine.fields(line)
            return nil
        } catch {
            return error
        }
    }

    @Test("fields are split at commas", arguments: [
        ("a,b,c", ["a", "b", "c"]),
        ("X123456,1979/0163001B,,SMITH", ["X123456", "1979/0163001B", "", "SMITH"]),
        ("single", ["single"]),
    ])
    func plain(line: String, fields: [String]) throws {
        #expect(try CSVLine.fields(line) == fields)
    }

    @Test("empty fields are kept, including a trailing one", arguments: [
        ("a,,b", ["a", "", "b"]),
        ("a,", ["a", ""]),
        (",a", ["", "a"]),
        (",,", ["", "", ""]),
        ("", [""]),
        ("\"\",a", ["", "a"]),
        ("a,\"\"", ["a", ""]),
        ("\"a\",", ["a", ""]),
    ])
    func emptyFields(line: String, fields: [String]) throws {
        #expect(try CSVLine.fields(line) == fields)
    }

    @Test("quoted fields may hold commas and doubled quotes", arguments: [
        ("\"a,b\",\"say \"\"hi\"\"\"", ["a,b", "say \"hi\""]),
        ("\"Kent, Surrey and Sussex\",x", ["Kent, Surrey and Sussex", "x"]),
        ("\"\"\"\"", ["\""]),
        ("\"O'Brien\",\"\"\"Jim\"\"\"", ["O'Brien", "\"Jim\""]),
        ("\"a\"\"\",b", ["a\"", "b"]),
        ("\",\",\",,\"", [",", ",,"]),
    ])
    func quoted(line: String, fields: [String]) throws {
        #expect(try CSVLine.fields(line) == fields)
    }

    @Test("spaces around fields are trimmed, quoted or not", arguments: [
        (" a , b ,c ", ["a", "b", "c"]),
        ("  \"a,b\"  , c", ["a,b", "c"]),
        ("a ,   ,b", ["a", "", "b"]),
        ("\" padded \",x", ["padded", "x"]),
        ("Mary Jane , Van der Berg", ["Mary Jane", "Van der Berg"]),
    ])
    func trimmed(line: String, fields: [String]) throws {
        #expect(try CSVLine.fields(line) == fields)
    }

    @Test("a tab is not trimmed: it stays in the value for the validator to refuse")
    func tabsKept() throws {
        #expect(try CSVLine.fields("a\t,b") == ["a\t", "b"])
    }

    @Test("a quote left open at the end of the line is an unclosed quote", arguments: [
        "\"abc", "a,\"b,c", "\"a\"\"", "x,\"", "\"say \"\"hi\"\"",
    ])
    func unclosed(line: String) {
        #expect(Self.fault(line) == .unclosedQuote)
    }

    @Test("text after a closing quote is refused", arguments: [
        "\"a\"b,c", "\"a\" b", "x,\"a\"\"b\"c", "\"a\"\"\"x",
    ])
    func textAfterQuote(line: String) {
        #expect(Self.fault(line) == .textAfterClosingQuote)
    }

    @Test("a bare quote inside an unquoted field is refused", arguments: [
        "ab\"c", "a,b\"", "O\"Brien,x", "x, y\"",
    ])
    func quoteInUnquoted(line: String) {
        #expect(Self.fault(line) == .quoteInUnquotedField)
    }

    @Test("each fault has a reason a user can act on")
    func reasons() {
        #expect(CSVLine.Fault.unclosedQuote.reason == "unclosed quote (a record must be on one line)")
        #expect(CSVLine.Fault.textAfterClosingQuote.reason == "text after a closing quote")
        #expect(CSVLine.Fault.quoteInUnquotedField.reason == "a quote inside an unquoted field")
    }

    @Test("UTF-8 names are kept intact", arguments: [
        ("Wójcik,王秀英,Zoë", ["Wójcik", "王秀英", "Zoë"]),
        ("\"Wójcik, Łukasz\",Ó'Brien", ["Wójcik, Łukasz", "Ó'Brien"]),
        (" Søren , Straße ", ["Søren", "Straße"]),
        ("👩‍👩‍👧,e\u{301}", ["👩‍👩‍👧", "e\u{301}"]),
    ])
    func utf8(line: String, fields: [String]) throws {
        let parsed = try CSVLine.fields(line)
        #expect(parsed == fields)
        // Byte-for-byte, not merely canonically equivalent.
        #expect(parsed.map { Array($0.utf8) } == fields.map { Array($0.utf8) })
    }

    @Test("the buffer entry point agrees with the string one")
    func bufferEntryPoint() throws {
        let line = " \"a,b\" ,,Zoë,\"say \"\"hi\"\"\""
        let bytes = Array(line.utf8)
        let fromBuffer = try bytes.withUnsafeBufferPointer { buffer throws(CSVLine.Fault) in
            try CSVLine.fields(buffer)
        }
        #expect(fromBuffer == ["a,b", "", "Zoë", "say \"hi\""])
        #expect(try CSVLine.fields(line) == fromBuffer)
    }

    @Test("a full extract line splits into its 26 columns")
    func fullLine() throws {
        let line = "X123456,79/163001B,265416/21G,A1234BC,Wójcik,\"Łukasz, Jan\",1979-05-01,M,W1,2,2,probation,"
            + "\"Kent, Surrey and Sussex\",in_custody,HMP Belmarsh,2025-01-10,2027-03-01,potential,,licence,"
            + "S123,Kent Police,,high,2026-10-01,"
        let fields = try CSVLine.fields(line)
        #expect(fields.count == 26)
        #expect(fields[5] == "Łukasz, Jan")
        #expect(fields[12] == "Kent, Surrey and Sussex")
        #expect(fields[25] == "")
    }
}
