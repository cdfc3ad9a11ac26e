import Foundation
import GRDB
import Testing
import VisorDomain
import VisorDemo
import VisorRegister
@testable import VisorStore

/// What one demonstration register breaks of the plausibility checks below:
/// for each check, how many rows fail it and a few of them, gathered once by
/// SQL and the file deleted.
struct DemoPlausibility: Sendable {
    var today = ""
    var nominals = 0
    /// Rows each check looked at (so that no check passes for want of rows).
    var looked: [String: Int] = [:]
    var failures: [String: Int] = [:]
    var examples: [String: [String]] = [:]

    /// An 18th birthday in SQLite's reading: 29 February + 18 years is 1 March in a common year, as in law.
    static let adulthood = "date(n.date_of_birth, '+18 years')"
    static let birthYear = "CAST(substr(n.date_of_birth, 1, 4) AS INTEGER)"
    static let pncYear = "CAST(substr(n.pnc_id, 1, 4) AS INTEGER)"

    /// The CRO's two-digit year read in the first century that puts it at or after `floor` (a year);
    /// the check is then that this year is not after the reference date.
    static func croYear(atOrAfter floor: String) -> String {
        let yy = "CAST(substr(n.cro_number, 8, 2) AS INTEGER)"
        let candidate = "((\(floor)) / 100 * 100 + \(yy))"
        return "(\(candidate) + CASE WHEN \(candidate) < (\(floor)) THEN 100 ELSE 0 END)"
    }

    /// Each check: a name, the rows it looks at (`FROM …` with `n` the nominal or case), the
    /// condition a row fails, and how many rows it must look at in a demo of 3,000 (so that no check
    /// passes for want of rows). `:today` is the reference date, `:year` its year.
    static let checks: [(name: String, rows: String, fails: String, minimumLooked: Int)] = [
        // Every nominal is an adult; its PNC and CRO years follow a first arrest at 10 or older, not after the reference date.
        ("adult at the reference date", "FROM nominal n", "\(adulthood) > :today", 3_000),
        ("PNC year not before the birth year", "FROM nominal n WHERE n.pnc_id IS NOT NULL", "\(pncYear) < \(birthYear)", 2_500),
        ("PNC year at 10 or older", "FROM nominal n WHERE n.pnc_id IS NOT NULL", "\(pncYear) < \(birthYear) + 10", 2_500),
        ("PNC year not after the reference date", "FROM nominal n WHERE n.pnc_id IS NOT NULL", "\(pncYear) > :year", 2_500),
        ("CRO year, in a century at or after the birth year, not after the reference date",
         "FROM nominal n WHERE n.cro_number IS NOT NULL", "\(croYear(atOrAfter: birthYear)) > :year", 1_000),
        ("CRO year at 10 or older", "FROM nominal n WHERE n.cro_number IS NOT NULL",
         "\(croYear(atOrAfter: birthYear + " + 10")) > :year", 1_000),
        // Custody starts on or after the 18th birthday and by the reference date; release is after it.
        ("custody start on or after the 18th birthday", "FROM nominal n WHERE n.custody_start IS NOT NULL",
         "n.custody_start < \(adulthood)", 300),
        ("custody start not after the reference date", "FROM nominal n WHERE n.custody_start IS NOT NULL",
         "n.custody_start > :today", 300),
        ("release on or after the custody start", "FROM nominal n WHERE n.custody_start IS NOT NULL AND n.release_date IS NOT NULL",
         "n.release_date < n.custody_start", 300),
        ("release not before birth", "FROM nominal n WHERE n.release_date IS NOT NULL", "n.release_date < n.date_of_birth", 300),
        // Records, risk assessments, notifications, MAPP dates, checks and views fall between adulthood
        // (or the record's creation) and the reference date.
        ("record created between the 18th birthday and the reference date", "FROM nominal n",
         "n.created_on < \(adulthood) OR n.created_on > :today", 3_000),
        ("risk assessment between the 18th birthday and the reference date", "FROM nominal n WHERE n.rosh_date IS NOT NULL",
         "n.rosh_date < \(adulthood) OR n.rosh_date > :today", 2_500),
        ("last notification between the 18th birthday and the reference date",
         "FROM nominal n WHERE n.last_notification IS NOT NULL",
         "n.last_notification < \(adulthood) OR n.last_notification > :today", 1_500),
        ("MAPP entry and level since between the 18th birthday and the reference date",
         "FROM nominal n WHERE (n.mapp_entry_date IS NOT NULL OR n.level_since IS NOT NULL)",
         "n.mapp_entry_date < \(adulthood) OR n.mapp_entry_date > :today OR n.level_since > :today", 20),
        ("MAPP meeting between the 18th birthday and the reference date",
         "FROM mapp_meeting m JOIN nominal n ON n.id = m.nominal_id", "m.held_on < \(adulthood) OR m.held_on > :today", 20),
        ("validation and review between the record's creation and the reference date",
         "FROM record_check c JOIN nominal n ON n.id = c.nominal_id", "c.checked_on < n.created_on OR c.checked_on > :today", 2_500),
        ("review not before the validation",
         "FROM record_check c JOIN nominal n ON n.id = c.nominal_id JOIN record_check v ON v.nominal_id = c.nominal_id "
            + "AND v.kind = 'validation' WHERE c.kind = 'review'", "c.checked_on < v.checked_on", 2_000),
        ("manager's last view between the assignment and the reference date",
         "FROM record_view r JOIN nominal n ON n.id = r.nominal_id",
         "r.last_viewed_on < coalesce(n.manager_assigned_on, n.created_on) OR r.last_viewed_on > :today", 2_500),
        // The extract cases the demo stores for reconciliation: adults, PNC years at 10 or older.
        ("extract case: adult at the reference date", "FROM extract_case n", "\(adulthood) > :today", 20),
        ("extract case: PNC year at 10 or older, not after the reference date",
         "FROM extract_case n WHERE n.pnc_id IS NOT NULL", "\(pncYear) < \(birthYear) + 10 OR \(pncYear) > :year", 20),
    ]

    /// What a failing row shows: its dates and identifiers.
    static func example(_ rows: String) -> String {
        rows.hasPrefix("FROM extract_case")
            ? "'case born ' || n.date_of_birth || ', PNC ' || coalesce(n.pnc_id, '-')"
            : "'nominal ' || n.id || ' born ' || n.date_of_birth || ', PNC ' || coalesce(n.pnc_id, '-') "
                + "|| ', CRO ' || coalesce(n.cro_number, '-') || ', custody ' || coalesce(n.custody_start, '-') "
                + "|| ' to ' || coalesce(n.release_date, '-') || ', created ' || n.created_on"
    }

    static func gather(_ db: Database, today: LocalDate) throws -> DemoPlausibility {
        var facts = DemoPlausibility(today: today.iso)
        facts.nominals = try Int.fetchOne(db, sql: "SELECT count(*) FROM nominal") ?? 0
        let arguments: StatementArguments = ["today": today.iso, "year": today.year]
        for check in checks {
            let filter = check.rows.contains(" WHERE ") ? " AND " : " WHERE "
            facts.looked[check.name] = try Int.fetchOne(db, sql: "SELECT count(*) \(check.rows)", arguments: arguments)
            facts.failures[check.name] = try Int.fetchOne(
                db, sql: "SELECT count(*) \(check.rows)\(filter)(\(check.fails))", arguments: arguments)
            facts.examples[check.name] = try String.fetchAll(
                db, sql: "SELECT \(example(check.rows)) \(check.rows)\(filter)(\(check.fails)) LIMIT 3", arguments: arguments)
        }
        return facts
    }

    /// A demo of `nominals` at `today`, checked and deleted.
    static func make(nominals: Int, seed: UInt64, today: LocalDate) -> Result<DemoPlausibility, StoreError> {
        do {
            let folder = try TemporaryFolder("demo-plausible")
            let path = folder.file("demo.sqlite")
            let clock = FixedClock(date: today)
            _ = try AppDatabase.createDemo(path: path, nominals: nominals, seed: seed, today: today, clock: clock)
            let database = try AppDatabase.open(path: path, clock: clock)
            defer { try? database.close() }
            return .success(try database.read { db in try gather(db, today: today) })
        } catch let error as StoreError {
            return .failure(error)
        } catch {
            return .failure(.io("\(error)"))
        }
    }

    /// The fixtures' date, and a 29 February early in the century: the CRO's two-digit years then
    /// straddle 2000, and 18th birthdays fall on 28 February or 1 March.
    static let current = make(nominals: 3_000, seed: 21, today: StoreFixtures.today)
    static let leapDay = make(nominals: 3_000, seed: 22, today: LocalDate(year: 2004, month: 2, day: 29)!)

    static func register(_ label: String) throws -> DemoPlausibility {
        try (label == "2004-02-29" ? leapDay : current).get()
    }

    func expectNone(_ name: String, minimumLooked: Int = 1, sourceLocation: SourceLocation = #_sourceLocation) {
        let looked = looked[name] ?? 0
        #expect(looked >= minimumLooked, "\(name) [\(today)]: only \(looked) rows to look at", sourceLocation: sourceLocation)
        #expect(failures[name] == 0, "\(name) [\(today)]: \(failures[name] ?? -1) of \(looked) fail, e.g. \(examples[name] ?? [])",
                sourceLocation: sourceLocation)
    }
}

/// Issue 10, point 8: the demonstration is plausible. Before the fix, the 2026-11-25 register of
/// 3,000 nominals had PNC years before the birth year (342), CRO years "70" that no century puts
/// between birth and today (976 of 1,491), custody begun before the 18th birthday (32), and records,
/// risk assessments and notifications dated before it; the 2004 one had PNC years after today (1,438).
@Suite("Demo register: plausible identifiers and dates")
struct DemoPlausibilityTests {
    static let dates = [StoreFixtures.today.iso, "2004-02-29"]

    @Test("Each demo has its 3,000 nominals", arguments: dates)
    func nominals(today: String) throws {
        #expect(try DemoPlausibility.register(today).nominals == 3_000)
    }

    @Test("No row fails a plausibility check (identifiers, custody, record dates, extract cases), and each check looks at enough rows",
          arguments: dates, DemoPlausibility.checks.map(\.name))
    func check(today: String, name: String) throws {
        let facts = try DemoPlausibility.register(today)
        let check = try #require(DemoPlausibility.checks.first { $0.name == name })
        facts.expectNone(name, minimumLooked: check.minimumLooked)
    }
}
