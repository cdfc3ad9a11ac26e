import VisorDomain
import VisorRegister
import VisorStore

extension Bench {
    /// Opens a demonstration register on a clock stopped at its reference date (`demo_today`), so that
    /// what a benchmark measures does not move with the day it runs.
    static func openDemo(_ path: String) throws(StoreError) -> AppDatabase {
        let probe = try AppDatabase.open(path: path, clock: SystemClock())
        let today = try probe.meta("demo_today").flatMap { LocalDate(iso: $0) } ?? BenchTUICommand.defaultToday
        try probe.close()
        return try AppDatabase.open(path: path, clock: FixedClock(date: today))
    }
}
