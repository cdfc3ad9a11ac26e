import Foundation
import GRDB
import Testing
import VisorDomain
import VisorDemo
import VisorRegister
@testable import VisorStore

/// Every bad-input case of issue 2 and nominals-csv.md: the exact
/// `line N: COLUMN: VALUE: REASON` line, and a register left exactly as it was.
@Suite("Import: bad input")
struct ImportBadInputTests {
    /// Nominals already in the register: A, B and C.
    static let existing = [ExtractRow.valid(100_001), ExtractRow.valid(100_002), ExtractRow.valid(100_003)]

    /// Lines 2 and 3 of every bad file: an update of C and a new nominal, both
    /// valid, so that an unchanged register shows that nothing was written.
    static let goodLines = [ExtractRow.valid(100_003).with(.surname, "Changed").line, ExtractRow.valid(1).line]

    /// One bad file: the good lines, then `lines` from line 4.
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var lines: [String]
        var faults: [String]
        var testDescription: String { name }
    }

    static let valid2 = ExtractRow.valid(2)

    static let cases: [Case] = [
        Case(name: "wrong column count (one missing)",
             lines: [valid2.line.split(separator: ",", omittingEmptySubsequences: false).dropLast().joined(separator: ",")],
             faults: ["line 4: *: : expected 26 fields, found 25"]),
        Case(name: "wrong column count (one extra)",
             lines: [valid2.line + ",extra"],
             faults: ["line 4: *: : expected 26 fields, found 27"]),
        Case(name: "a line of text that is not a record",
             lines: ["see the attached list"],
             faults: ["line 4: *: : expected 26 fields, found 1"]),
        Case(name: "a field broken across two lines",
             lines: brokenAcrossTwoLines(valid2),
             faults: ["line 4: *: : unclosed quote (a record must be on one line)",
                      "line 5: *: : a quote inside an unquoted field"]),
        Case(name: "an unclosed quote followed by rows that are still validated",
             lines: [valid2.line.replacingOccurrences(of: ",Smith,", with: ",\"Smith,"),
                     ExtractRow.valid(3).line, ExtractRow.valid(4).with(.gender, "m").line, ExtractRow.valid(5).line],
             faults: ["line 4: *: : unclosed quote (a record must be on one line)",
                      "line 6: gender: m: must be M, F, X or U"]),
        Case(name: "an impossible date",
             lines: [valid2.with(.dateOfBirth, "2023-02-30").line],
             faults: ["line 4: date_of_birth: 2023-02-30: not a real calendar date"]),
        Case(name: "a date that is not ISO",
             lines: [valid2.with(.dateOfBirth, "17/05/1980").line],
             faults: ["line 4: date_of_birth: 17/05/1980: not an ISO date (YYYY-MM-DD)"]),
        Case(name: "a future date of birth",
             lines: [valid2.with(.dateOfBirth, "2026-11-26").line],
             faults: ["line 4: date_of_birth: 2026-11-26: is in the future"]),
        Case(name: "an unknown category",
             lines: [valid2.with(.mappaCategory, "5").line],
             faults: ["line 4: mappa_category: 5: must be 1, 2, 3 or 4"]),
        Case(name: "an unknown level",
             lines: [valid2.with(.mappaLevel, "4").line],
             faults: ["line 4: mappa_level: 4: must be 1, 2 or 3"]),
        Case(name: "category 3 at level 1",
             lines: [valid2.with(.mappaCategory, "3").line],
             faults: ["line 4: mappa_level: 1: category 3 requires level 2 or 3"]),
        Case(name: "a bad PNC check character",
             lines: [valid2.with(.pncID, "79/163001C").line],
             faults: ["line 4: pnc_id: 79/163001C: check character is C, expected B"]),
        Case(name: "a bogus CRO number",
             lines: [valid2.with(.croNumber, "NONE").line],
             faults: ["line 4: cro_number: NONE: not a CRO number (expected NNNNNN/YYC, e.g. 265416/21G)"]),
        Case(name: "a lower-case code",
             lines: [valid2.with(.orderType, "Licence").line],
             faults: ["line 4: order_type: Licence: must be licence, community_order or none"]),
        Case(name: "a crn repeated within the file",
             lines: [valid2.line, ExtractRow.valid(3).with(.crn, "X000001").line],
             faults: ["line 5: crn: X000001: crn repeated: first on line 3"]),
        Case(name: "a pnc_id repeated within the file, in another form",
             lines: [valid2.with(.pncID, StoreFixtures.storedPNC(79, 163_001)).line],
             faults: ["line 4: pnc_id: 1979/0163001B: pnc_id repeated: first on line 3"]),
        Case(name: "a row that is entirely empty",
             lines: [String(repeating: ",", count: 25)],
             faults: ["line 4: *: : empty row"]),
        Case(name: "a blank line in the middle",
             lines: ["", valid2.line],
             faults: ["line 4: *: : blank line"]),
        Case(name: "a line of spaces in the middle",
             lines: ["   ", valid2.line],
             faults: ["line 4: *: : blank line"]),
        Case(name: "a crn that matches one nominal and a pnc_id that matches another",
             lines: [existing[0].with(.pncID, StoreFixtures.storedPNC(79, 263_002)).line],
             faults: ["line 4: pnc_id: \(StoreFixtures.storedPNC(79, 263_002)): belongs to nominal 2, "
                 + "but the crn X100001 is nominal 1"]),
        Case(name: "a control character in a name",
             lines: [valid2.with(.surname, "Smith\tJones").line],
             faults: ["line 4: surname: Smith\\tJones: control characters are not allowed (\\t at character 6)"]),
        Case(name: "an escape sequence in a name, shown escaped",
             lines: [valid2.with(.surname, "\u{1B}[2JSmith").line],
             faults: ["line 4: surname: \\x1b[2JSmith: control characters are not allowed (\\x1b at character 1)"]),
        Case(name: "a bidirectional override in a name, shown escaped",
             lines: [valid2.with(.forenames, "Anna\u{202E}nhoJ").line],
             faults: ["line 4: forenames: Anna\\u202enhoJ: bidirectional controls are not allowed "
                 + "(\\u202e at character 5)"]),
        Case(name: "a zero-width space in an agency name",
             lines: [valid2.with(.managingUnit, "Lon\u{200B}don").line],
             faults: ["line 4: managing_unit: Lon\u{200B}don: zero-width characters are not allowed "
                 + "(\\u200b at character 4)"]),
        Case(name: "a C1 control in a code, shown escaped",
             lines: [valid2.with(.gender, "\u{9B}M").line],
             faults: ["line 4: gender: \\x9bM: must be M, F, X or U"]),
        Case(name: "a value longer than 60 characters is cut in the message",
             lines: [valid2.with(.croNumber, String(repeating: "9", count: 70)).line],
             faults: ["line 4: cro_number: \(String(repeating: "9", count: 60)): "
                 + "not a CRO number (expected NNNNNN/YYC, e.g. 265416/21G)"]),
    ]

    /// `X000002,…,"Smith` then `Jones",…`: a quoted surname holding a line break.
    static func brokenAcrossTwoLines(_ row: ExtractRow) -> [String] {
        row.line.replacingOccurrences(of: ",Smith,", with: ",\"Smith\nJones\",")
            .split(separator: "\n").map(String.init)
    }

    /// A register holding A, B and C.
    func registerWithNominals() throws -> TestRegister {
        let register = try TestRegister()
        let setup = try register.importRows(Self.existing)
        try #require(setup.report.summary == "imported: 3 created, 0 updated, 0 rejected")
        return register
    }

    @Test("Each bad row: its exact fault line, and nothing written", arguments: cases)
    func badRow(_ bad: Case) throws {
        let register = try registerWithNominals()
        let before = try register.snapshot()
        let path = try register.folder.write("bad.csv", ExtractRow.file(lines: Self.goodLines + bad.lines))

        let outcome = try register.importFile(path)

        #expect(outcome.faults == bad.faults)
        #expect(outcome.report.summary == "imported: 0 created, 0 updated, \(bad.faults.count) rejected")
        #expect(!outcome.report.committed)
        #expect(try register.snapshot() == before)
    }

    @Test("A missing required column: line 1 names it, nothing is read or written",
          arguments: [[ExtractColumn.surname], [.dateOfBirth, .orderType]])
    func missingRequiredColumn(_ missing: [ExtractColumn]) throws {
        let register = try registerWithNominals()
        let before = try register.snapshot()
        let columns = ExtractColumn.allCases.filter { !missing.contains($0) }
        let row = ExtractRow.valid(1)
        let text = columns.map(\.rawValue).joined(separator: ",") + "\n"
            + columns.map { row[$0] }.joined(separator: ",") + "\n"
        let path = try register.folder.write("missing.csv", text)

        let outcome = try register.importFile(path)

        #expect(outcome.faults == missing.map { "line 1: \($0.rawValue): : missing required column" })
        #expect(outcome.report.summary == "imported: 0 created, 0 updated, 0 rejected")
        #expect(!outcome.report.committed)
        #expect(try register.snapshot() == before)
    }

    @Test("After an unclosed quote, --skip-invalid still loads the rows that follow")
    func unclosedQuoteThenGoodRowsLoad() throws {
        let register = try registerWithNominals()
        let broken = ExtractRow.valid(2).line.replacingOccurrences(of: ",Smith,", with: ",\"Smith,")
        let path = try register.folder.write("quote.csv", ExtractRow.file(lines: [
            ExtractRow.valid(1).line, broken, ExtractRow.valid(3).line, ExtractRow.valid(4).line,
        ]))

        let outcome = try register.importFile(path, skipInvalid: true)

        #expect(outcome.faults == ["line 3: *: : unclosed quote (a record must be on one line)"])
        #expect(outcome.report.summary == "imported: 3 created, 0 updated, 1 rejected")
        #expect(try register.nominal(crn: "X000001") != nil)
        #expect(try register.nominal(crn: "X000002") == nil)
        #expect(try register.nominal(crn: "X000003") != nil)
        #expect(try register.nominal(crn: "X000004") != nil)
    }

    @Test("An extract that is missing, or a folder, is no input (.noInput), and nothing is written")
    func noInput() throws {
        let register = try registerWithNominals()
        let before = try register.snapshot()
        for path in [register.folder.file("absent.csv"), register.folder.path] {
            let error = #expect(throws: StoreError.self) { try register.importFile(path) }
            guard case .noInput? = error else {
                Issue.record("\(path): expected noInput, got \(String(describing: error))")
                continue
            }
        }
        #expect(try register.snapshot() == before)
    }

    @Test("A byte-order mark is accepted and does not shift line numbers")
    func byteOrderMark() throws {
        let register = try registerWithNominals()
        let text = "\u{FEFF}" + ExtractRow.file([ExtractRow.valid(1), ExtractRow.valid(2)])
        #expect(text.utf8.prefix(3).elementsEqual([0xEF, 0xBB, 0xBF]))
        let outcome = try register.importFile(try register.folder.write("bom.csv", text))
        #expect(outcome.faults == [])
        #expect(outcome.warnings == [])
        #expect(outcome.report.summary == "imported: 2 created, 0 updated, 0 rejected")

        let bad = "\u{FEFF}" + ExtractRow.file([ExtractRow.valid(3), ExtractRow.valid(4).with(.gender, "Q")])
        let failed = try register.importFile(try register.folder.write("bom-bad.csv", bad))
        #expect(failed.faults == ["line 3: gender: Q: must be M, F, X or U"])
    }

    @Test("CRLF line endings are accepted (and a CRLF blank line at the end ignored)")
    func crlf() throws {
        let register = try registerWithNominals()
        let text = ExtractRow.file([ExtractRow.valid(1), ExtractRow.valid(2)])
            .replacingOccurrences(of: "\n", with: "\r\n") + "\r\n"
        let outcome = try register.importFile(try register.folder.write("crlf.csv", text))
        #expect(outcome.faults == [])
        #expect(outcome.report.summary == "imported: 2 created, 0 updated, 0 rejected")
        // The carriage return is not part of the last field.
        #expect(try register.nominal(crn: "X000002")?["last_notification"] as String? == "2026-02-01")
    }

    @Test("Blank lines at the very end are ignored")
    func blankLinesAtEnd() throws {
        let register = try registerWithNominals()
        let text = ExtractRow.file([ExtractRow.valid(1), ExtractRow.valid(2)]) + "\n  \n\n"
        let outcome = try register.importFile(try register.folder.write("trailing.csv", text))
        #expect(outcome.faults == [])
        #expect(outcome.report.summary == "imported: 2 created, 0 updated, 0 rejected")
        #expect(outcome.report.committed)
    }

    @Test("A last line without a newline is read")
    func noFinalNewline() throws {
        let register = try registerWithNominals()
        let text = DemoExtractFile.header + "\n" + ExtractRow.valid(1).line
        let outcome = try register.importFile(try register.folder.write("unterminated.csv", text))
        #expect(outcome.report.summary == "imported: 1 created, 0 updated, 0 rejected")
    }

    @Test("A release date type without a release date does not break the import (the type of no date is dropped)")
    func releaseTypeWithoutDate() throws {
        let register = try registerWithNominals()
        let outcome = try register.importRows([ExtractRow.valid(1).with(.releaseDateType, "actual"),
                                               ExtractRow.valid(100_001).with(.releaseDateType, "potential")])
        #expect(outcome.faults == [])
        #expect(outcome.report.summary == "imported: 1 created, 1 updated, 0 rejected")
        for crn in ["X000001", "X100001"] {
            let stored = try #require(try register.nominal(crn: crn))
            #expect(stored["release_date"] as String? == nil)
            #expect(stored["release_date_type"] as String? == nil)
        }
    }
}
