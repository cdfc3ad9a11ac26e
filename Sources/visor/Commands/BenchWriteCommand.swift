import ArgumentParser
import Foundation
import VisorDomain
import VisorDemo
import VisorRegister
import VisorStore

/// Times records.md's steps on a demonstration register, each with the re-evaluation of that
/// nominal's rules and the kept actions it updates (one transaction): a core edit, an entry, a
/// MAPP meeting and a validation; and the duplicate check a create makes first.
struct BenchWriteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "write", abstract: "Time a core edit, an entry, a meeting, a validation and the duplicate check.")

    @Option(help: "Nominals in the demonstration register (built unless --db holds one).") var nominals: Int = 1_000_000
    @Option(name: .customLong("db"), help: "Use (or build) the demonstration register here.") var path: String?
    @Option(help: "Steps of each kind to time.") var runs: Int = 200

    func validate() throws {
        guard nominals >= 0, runs >= 1 else { throw ValidationError("--nominals and --runs must be positive") }
    }

    func run() throws {
        let folder = NSTemporaryDirectory() + "visor-bench-write-\(getpid())"
        let databasePath = path ?? folder + "/register.sqlite"
        if path == nil { try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        defer { if path == nil { try? FileManager.default.removeItem(atPath: folder) } }
        try reporting {
            if !FileManager.default.fileExists(atPath: databasePath) {
                let clock = SystemClock()
                let built = try AppDatabase.createDemo(path: databasePath, nominals: nominals, seed: 2009,
                                                       today: clock.today(), clock: clock)
                print("register: \(databasePath) (\(nominals) nominals, built in \(String(format: "%.1f", built.seconds)) s)")
            } else {
                print("register: \(databasePath) (reused)")
            }
            let register = try Bench.openDemo(databasePath)
            guard let om = try register.user(named: "om"), let cpc = try register.user(named: "cpc") else {
                throw StoreError.badInput("the demonstration users om and cpc are not on this register")
            }
            let policy = try register.policy()
            let ids = try register.benchWritableNominals(ownedBy: om.agencyID, notCreatedBy: cpc.id, count: runs)
            guard !ids.isEmpty else { throw StoreError.badInput("no nominal of \(om.agencyID) to change") }
            let today = register.today
            func time(_ name: String, _ step: (NominalID, Int) throws -> Void) throws {
                var samples: [UInt64] = []
                for (index, id) in ids.enumerated() {
                    let started = Bench.now()
                    try step(id, index)
                    samples.append(Bench.now() - started)
                }
                print("  \(name): " + Bench.summary(samples) + " over \(samples.count) records")
            }
            print("each step in one transaction, with that nominal's rules evaluated again and its kept actions updated:")
            try time("core edit (RoSH level)") { id, index in
                let level = ["low", "medium", "high", "very_high"][index % 4]
                _ = try register.editNominal(id, changes: NominalDraft(values: [.rosh: level, .roshDate: today.iso]),
                                             expectedVersion: nil, by: om, policy: policy)
            }
            try time("entry") { id, _ in
                _ = try register.addEntry(id, EntryDraft(kind: "contact", text: "Home visit: seen at the address."), by: om)
            }
            try time("MAPP meeting") { id, _ in
                _ = try register.addMeeting(id, MeetingDraft(date: today.iso, level: "2", minutes: "Reviewed.",
                                                             plan: "Continue."), by: om, policy: policy)
            }
            try time("validation") { id, _ in
                _ = try register.checkRecord(id, RecordCheckDraft(kind: .validation), by: cpc, policy: policy)
            }
            var checks: [UInt64] = []
            for index in 0..<ids.count {
                var draft = NominalDraft.blank()
                draft.values = draft.values.merging([
                    .surname: "Benchmark\(index)", .forenames: "Test", .dateOfBirth: "1980-01-\(String(format: "%02d", 1 + index % 28))",
                    .gender: "M", .ethnicity: "NS", .category: "2", .level: "2",
                    .crn: "Z" + String(format: "%06d", index), .pncID: "",
                ]) { $1 }
                let started = Bench.now()
                _ = try register.duplicateCheck(draft)
                checks.append(Bench.now() - started)
            }
            print("  duplicate check on create (identifiers, surname and date of birth): " + Bench.summary(checks)
                + " over \(checks.count) drafts")
            print("peak RSS \(Bench.peakRSSMegabytes()) MB")
        }
    }
}
