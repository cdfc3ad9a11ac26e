import ArgumentParser
import Foundation
import VisorDomain
import VisorDemo
import VisorRegister
import VisorStore

/// Times the validated import of an N-row extract against `sqlite3 .import`
/// of the same file into one plain table with three indexes.
struct BenchImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Time the validated import against sqlite3 .import of the same file.")

    @Option(help: "Rows in the generated extract.") var rows: Int = 1_000_000
    @Option(help: "Keep the generated files in this folder instead of a temporary one (an extract of the same size already there is reused; files the benchmark did not make are never replaced).")
    var keep: String?
    @Flag(help: "Time only reading and validating the extract, on one thread, writing nothing.")
    var readingOnly = false
    @Option(help: "With --reading-only: how many times to read (the fastest is reported).") var runs: Int = 3

    func run() throws {
        let clock = SystemClock()
        try reporting {
            let folder = if let keep { try BenchFolder.keeping(keep) } else { try BenchFolder.temporary() }
            defer { folder.removeIfTemporary() }
            let csvName = "extract-\(rows).csv"
            let csv = folder.file(csvName)
            var started = Bench.now()
            if !folder.kept || !FileManager.default.fileExists(atPath: csv) {
                _ = try folder.replace(csvName)
                try DemoExtractFile.write(path: csv, rows: rows, seed: 7, today: clock.today())
                print("wrote \(rows) rows (\(Bench.megabytes(fileSize(csv))) MB) in \(Bench.seconds(since: started)) s")
            }

            let registerPath = try folder.replace("register.sqlite")
            let register = try AppDatabase.open(path: registerPath, clock: clock)
            let admin = try register.createRegister(adminUsername: "bench", agencyName: "London",
                                                    password: "bench-password", clearance: .bscCRB)
            if readingOnly {
                let times = try (0..<max(runs, 1)).map { _ in
                    let started = Bench.now()
                    _ = try register.readExtractForBenchmark(path: csv)
                    return Bench.elapsed(since: started)
                }
                print(String(format: "reading and validating %d rows on one thread: fastest %.2f s of %d runs",
                             rows, times.min() ?? 0, times.count))
                return
            }
            // Each timed run starts with no dirty pages left to write back from the one before,
            // which would otherwise compete with it for the two cores.
            sync()
            started = Bench.now()
            var faults = 0
            let report = try register.importExtract(path: csv, options: ImportOptions(), by: admin,
                                                    onFault: { _ in faults += 1 }, onWarning: { _ in })
            let visorSeconds = Bench.elapsed(since: started)
            print("visor import:   \(report.summary) in \(String(format: "%.2f", visorSeconds)) s"
                + " — \(Bench.rate(rows, visorSeconds)) rows/s, peak RSS \(Bench.peakRSSMegabytes()) MB")
            print(String(format: "  of which: writing rows %.2f s, rebuilding indexes %.2f s, the rest %.2f s",
                         report.writeSeconds, report.indexSeconds,
                         visorSeconds - report.writeSeconds - report.indexSeconds))
            started = Bench.now()
            _ = try register.readExtractForBenchmark(path: csv)
            print(String(format: "  reading and validating alone, on one thread (overlapped with writing in the import): %.2f s",
                         Bench.elapsed(since: started)))

            let sqlitePath = try folder.replace("plain.sqlite")
            let script = """
                .mode csv
                .import '\(csv)' extract
                CREATE INDEX extract_surname ON extract(surname COLLATE NOCASE);
                CREATE INDEX extract_crn ON extract(crn);
                CREATE INDEX extract_pnc ON extract(pnc_id);
                """
            sync()
            started = Bench.now()
            let status = try Bench.run("/usr/bin/env", ["sqlite3", sqlitePath], input: script)
            let sqliteSeconds = Bench.elapsed(since: started)
            guard status == 0 else { throw StoreError.io("sqlite3 failed with status \(status)") }
            print("sqlite3 .import: \(rows) rows + 3 indexes in \(String(format: "%.2f", sqliteSeconds)) s"
                + " — \(Bench.rate(rows, sqliteSeconds)) rows/s, peak RSS \(Bench.childPeakRSSMegabytes()) MB")
            print("ratio: visor takes \(String(format: "%.2f", visorSeconds / sqliteSeconds))× sqlite3's time (target ≤ 2×)")
        }
    }

    private func fileSize(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0
    }
}
