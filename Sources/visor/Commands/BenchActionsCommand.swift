import ArgumentParser
import Foundation
import VisorRegister
import VisorStore

/// `visor actions --format json` of every action against `sqlite3 -json` printing the same rows from
/// one table, in the same run (issue 13): Visor's output is loaded into a table of its own, then
/// each program writes it to /dev/null in turn; and one agency's actions alone, whole process.
struct BenchActionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "actions",
        abstract: "Time visor actions --format json against sqlite3 -json printing the same rows from one table.")

    @Option(name: .customLong("db"), help: "The register (a demo of a million nominals for the issue's figures).")
    var path: String
    @Option(help: "Runs of each program.") var runs: Int = 3
    @Option(help: "The agency whose actions are also timed alone (visor actions --agency).") var agency = "London"

    func validate() throws {
        guard runs >= 1 else { throw ValidationError("--runs must be 1 or more") }
    }

    func run() throws {
        let folder = NSTemporaryDirectory() + "visor-bench-actions-\(getpid())"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let json = folder + "/actions.json", table = folder + "/actions.sqlite"
        guard let visor = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") else {
            throw StoreError.io("cannot find this program's own path")
        }
        // Visor first and alone, so that the children's peak RSS is Visor's (sqlite3's is smaller).
        _ = try timed(visor, ["actions", "--db", path, "--format", "json"], to: json)
        var visorRuns: [Double] = []
        for _ in 0..<runs { visorRuns.append(try timed(visor, ["actions", "--db", path, "--format", "json"])) }
        var agencyRuns: [Double] = []
        for _ in 0..<runs {
            agencyRuns.append(try timed(visor, ["actions", "--db", path, "--agency", agency, "--format", "json"]))
        }
        let visorRSS = Bench.childPeakRSSMegabytes()
        let rows = """
            CREATE TABLE actions (rule TEXT, state TEXT, due TEXT, agency TEXT, user TEXT, nominal INTEGER,
                                  crn TEXT, pnc_id TEXT, summary TEXT);
            INSERT INTO actions SELECT value->>'rule', value->>'state', value->>'due', value->>'agency', value->>'user',
                value->>'nominal', value->>'crn', value->>'pnc_id', value->>'summary' FROM json_each(readfile('\(json)'));
            SELECT count(*) FROM actions;
            """
        guard try Bench.run("/usr/bin/env", ["sqlite3", table], input: rows) == 0 else {
            throw StoreError.io("sqlite3 could not load the actions into a table")
        }
        var sqliteRuns: [Double] = []
        for _ in 0..<runs {
            sqliteRuns.append(try timed("/usr/bin/env", ["sqlite3", "-json", table, "SELECT * FROM actions"]))
        }
        func median(_ values: [Double]) -> String { String(format: "%.2f", values.sorted()[values.count / 2]) }
        let size = (try? FileManager.default.attributesOfItem(atPath: json)[.size] as? Int) ?? 0
        print("visor actions --format json: median \(median(visorRuns)) s over \(runs) runs "
            + "(\(visorRuns.map { String(format: "%.2f", $0) }.joined(separator: ", "))), "
            + "\(Bench.megabytes(size)) MB of JSON, peak RSS \(visorRSS) MB")
        print("sqlite3 -json of the same rows from one table: median \(median(sqliteRuns)) s "
            + "(\(sqliteRuns.map { String(format: "%.2f", $0) }.joined(separator: ", ")))")
        print("visor actions --agency \(agency) --format json: median \(median(agencyRuns)) s "
            + "(\(agencyRuns.map { String(format: "%.2f", $0) }.joined(separator: ", ")))")
        print("targets: visor \(median(visorRuns)) s against sqlite3 \(median(sqliteRuns)) s (no slower); "
            + "--agency \(agency) \(median(agencyRuns)) s (≤ 0.3); RSS \(visorRSS) MB (≤ 64)")
    }

    /// Runs a program with its output to `output` (default /dev/null); returns the seconds it took.
    private func timed(_ executable: String, _ arguments: [String], to output: String = "/dev/null") throws -> Double {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if output != "/dev/null" { _ = FileManager.default.createFile(atPath: output, contents: nil) }
        guard let handle = FileHandle(forWritingAtPath: output) else { throw StoreError.io("cannot write \(output)") }
        defer { try? handle.close() }
        process.standardOutput = handle
        let started = Bench.now()
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw StoreError.io("\(executable) \(arguments.first ?? "") exited \(process.terminationStatus)")
        }
        return Bench.elapsed(since: started)
    }
}
