import Foundation
import Testing
import VisorDomain
import VisorDemo
import VisorRegister
@testable import VisorStore

/// Extracts cannot exhaust memory or pass silently (issue 11, item 6): a line
/// over the policy's limit is a `line N` fault and reading goes on; a device
/// is refused; CR-only line endings, a repeated column and hundreds of unknown
/// columns refuse the file with a message that says why.
@Suite("Import: limits of an extract")
struct ImportLimitsTests {
    /// The policy's default (a documented figure, so written out here).
    static let limit = 65_536

    /// A line of `count` bytes that is not a record (no commas, no quotes).
    static func junk(_ count: Int) -> String { String(repeating: "x", count: count) }

    @Test("A line longer than the limit is a whole-row fault and the rows after it are read",
          arguments: [limit + 1, 9 << 20])
    func longLine(length: Int) throws {
        let register = try TestRegister()
        let path = try register.folder.write("long.csv", ExtractRow.file(lines: [
            ExtractRow.valid(1).line, Self.junk(length), ExtractRow.valid(2).line,
            ExtractRow.valid(3).with(.gender, "m").line,
        ]))

        let outcome = try register.importFile(path, skipInvalid: true)

        #expect(outcome.faults == [
            "line 3: *: : line longer than \(Self.limit) bytes",
            "line 5: gender: m: must be M, F, X or U",
        ])
        #expect(outcome.report.summary == "imported: 2 created, 0 updated, 2 rejected")
        #expect(try register.nominal(crn: "X000002") != nil)
    }

    @Test("A line of exactly the limit, with or without a carriage return before its newline, is not too long")
    func lineAtTheLimit() throws {
        let register = try TestRegister()
        let path = try register.folder.write("edge.csv", ExtractRow.file(lines: [
            Self.junk(Self.limit), Self.junk(Self.limit) + "\r", ExtractRow.valid(1).line,
        ]))
        let outcome = try register.importFile(path, skipInvalid: true)
        #expect(outcome.faults == ["line 2: *: : expected 26 fields, found 1", "line 3: *: : expected 26 fields, found 1"])
        #expect(outcome.report.summary == "imported: 1 created, 0 updated, 2 rejected")
    }

    @Test("A header line longer than the limit refuses the file, and nothing is written")
    func longHeader() throws {
        let register = try TestRegister()
        let before = try register.snapshot()
        let path = try register.folder.write("header.csv", Self.junk(Self.limit + 10) + "\n" + ExtractRow.valid(1).line)
        let outcome = try register.importFile(path)
        #expect(outcome.faults == ["line 1: *: : line longer than \(Self.limit) bytes"])
        #expect(outcome.report.summary == "imported: 0 created, 0 updated, 0 rejected")
        #expect(!outcome.report.committed)
        #expect(try register.snapshot() == before)
    }

    @Test("A file of CR-only line endings (classic Mac) is refused with a message that says so",
          arguments: [2, 600])
    func carriageReturnsAlone(rows: Int) throws {
        let register = try TestRegister()
        let before = try register.snapshot()
        let text = ExtractRow.file((1...rows).map { ExtractRow.valid($0) }).replacingOccurrences(of: "\n", with: "\r")
        let path = try register.folder.write("mac.csv", text)

        let outcome = try register.importFile(path)

        #expect(outcome.faults == ["line 1: *: : lines end in a carriage return alone (classic Mac line endings); "
            + "save the file with LF or CRLF line endings"])
        #expect(outcome.warnings == [])
        #expect(!outcome.report.committed)
        #expect(try register.snapshot() == before)
    }

    @Test("A carriage return inside a data line is a whole-row fault")
    func carriageReturnInsideALine() throws {
        let register = try TestRegister()
        let path = try register.folder.write("mixed.csv", ExtractRow.file(lines: [
            ExtractRow.valid(1).line + "\r" + ExtractRow.valid(2).line, ExtractRow.valid(3).line,
        ]))
        let outcome = try register.importFile(path, skipInvalid: true)
        #expect(outcome.faults == ["line 2: *: : carriage return inside the line (lines end in LF or CRLF)"])
        #expect(outcome.report.summary == "imported: 1 created, 0 updated, 1 rejected")
    }

    @Test("A column named twice refuses the file, naming the column and both fields")
    func repeatedColumn() throws {
        let register = try TestRegister()
        let before = try register.snapshot()
        let text = DemoExtractFile.header + ", Surname \n" + ExtractRow.valid(1).line + ",Jones\n"
        let outcome = try register.importFile(try register.folder.write("twice.csv", text))
        #expect(outcome.faults == ["line 1: surname: : column repeated (fields 5 and 27)"])
        #expect(outcome.warnings == [])
        #expect(outcome.report.summary == "imported: 0 created, 0 updated, 0 rejected")
        #expect(try register.snapshot() == before)
    }

    @Test("Up to 200 unknown columns are warnings; more refuse the file without a warning per column",
          arguments: [200, 201, 5000])
    func unknownColumns(count: Int) throws {
        let register = try TestRegister()
        let extra = (1...count).map { "extra\($0)" }
        let text = ([DemoExtractFile.header] + extra).joined(separator: ",") + "\n"
            + ExtractRow.valid(1).line + String(repeating: ",", count: count) + "\n"
        let outcome = try register.importFile(try register.folder.write("wide.csv", text))
        if count <= 200 {
            #expect(outcome.faults == [])
            #expect(outcome.warnings.count == count)
            #expect(outcome.report.summary == "imported: 1 created, 0 updated, 0 rejected")
        } else {
            #expect(outcome.faults == ["line 1: *: : \(count) unknown columns (at most 200): is this a nominals extract?"])
            #expect(outcome.warnings == [])
            #expect(!outcome.report.committed)
        }
    }

    @Test("A date of birth before 1900, and custody or release before birth, are faults of their column")
    func implausibleDates() throws {
        let register = try TestRegister()
        func custody(_ n: Int) -> ExtractRow {
            ExtractRow.valid(n).with(.custodyStatus, "in_custody").with(.establishment, "HMP Belmarsh")
        }
        let path = try register.folder.write("dates.csv", ExtractRow.file([
            ExtractRow.valid(1).with(.dateOfBirth, "1899-12-31"),
            custody(2).with(.custodyStartDate, "1980-05-16"),
            custody(3).with(.releaseDate, "1979-01-01").with(.releaseDateType, "actual"),
            ExtractRow.valid(4).with(.dateOfBirth, "1900-01-01"),
        ]))
        let outcome = try register.importFile(path, skipInvalid: true)
        #expect(outcome.faults == [
            "line 2: date_of_birth: 1899-12-31: is before 1900-01-01",
            "line 3: custody_start_date: 1980-05-16: is before the date of birth (1980-05-17)",
            "line 4: release_date: 1979-01-01: is before the date of birth (1980-05-17)",
        ])
        #expect(outcome.report.summary == "imported: 1 created, 0 updated, 3 rejected")
    }

    @Test("/dev/zero, a device with no line ending ever, is refused at once (no input), and nothing is written")
    func deviceAsExtract() throws {
        let register = try TestRegister()
        let before = try register.snapshot()
        let error = #expect(throws: StoreError.self) { try register.importFile("/dev/zero") }
        #expect(error == .noInput("/dev/zero: is a character device, not an extract file"))
        #expect(try register.snapshot() == before)
    }

    @Test("visor reconcile reads through the same limits: a long line and a CR-only file")
    func reconcileHasTheSameLimits() throws {
        let register = try RulesRegister()
        let cpc = try register.signedIn(register.cpc)
        func reconcile(_ text: String) throws -> (ReconcileReport, [String]) {
            let path = register.folder + "/extract.csv"
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            var faults: [String] = []
            let report = try register.database.reconcile(path: path, skipInvalid: true, by: cpc,
                                                         onFault: { faults.append($0.description) }, onWarning: { _ in })
            return (report, faults)
        }
        let (long, longFaults) = try reconcile(ExtractRow.file(lines: [
            ExtractRow.valid(1).line, Self.junk(Self.limit * 2), ExtractRow.valid(2).line,
        ]))
        #expect(longFaults == ["line 3: *: : line longer than \(Self.limit) bytes"])
        #expect(long.stored == 2)

        let (mac, macFaults) = try reconcile(ExtractRow.file([ExtractRow.valid(1), ExtractRow.valid(2)])
            .replacingOccurrences(of: "\n", with: "\r"))
        #expect(macFaults == ["line 1: *: : lines end in a carriage return alone (classic Mac line endings); "
            + "save the file with LF or CRLF line endings"])
        #expect(!mac.committed)
    }

    @Test("visor reconcile refuses a device as its extract, as import does")
    func reconcileRefusesADevice() throws {
        let register = try RulesRegister()
        let cpc = try register.signedIn(register.cpc)
        let error = #expect(throws: StoreError.self) {
            try register.database.reconcile(path: "/dev/zero", by: cpc, onFault: { _ in }, onWarning: { _ in })
        }
        #expect(error == .noInput("/dev/zero: is a character device, not an extract file"))
    }

    @Test("The limit is the policy's extracts.max_line_bytes (default 65536, from 1024 to 16 MiB)")
    func policySetting() throws {
        #expect(Policy.standard.maxExtractLineBytes == Self.limit)
        let policy = try PolicyOverrides.apply(["extracts": .table(["max_line_bytes": .integer(1024)])],
                                               source: "policy.toml")
        #expect(policy.maxExtractLineBytes == 1024)
        #expect(PolicyOverrides.example().contains("[extracts]\n"))
        do {
            _ = try PolicyOverrides.apply(["extracts": .table(["max_line_bytes": .integer(100)])], source: "policy.toml")
            Issue.record("a limit of 100 bytes was accepted")
        } catch {
            #expect(error.message == "policy.toml: extracts.max_line_bytes: 100 is not allowed; "
                + "expected an integer from 1024 to 16777216")
        }

        let register = try TestRegister()
        let path = try register.folder.write("narrow.csv", ExtractRow.file(lines: [
            ExtractRow.valid(1).line, ExtractRow.valid(2).with(.forenames, Self.junk(1100)).line,
        ]))
        var faults: [String] = []
        let report = try register.database.importExtract(
            path: path, options: ImportOptions(skipInvalid: true, maxLineBytes: policy.maxExtractLineBytes),
            by: register.admin, onFault: { faults.append($0.description) }, onWarning: { _ in })
        #expect(faults == ["line 3: *: : line longer than 1024 bytes"])
        #expect(report.summary == "imported: 1 created, 0 updated, 1 rejected")
    }
}
