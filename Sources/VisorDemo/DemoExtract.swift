import GRDB
import VisorDomain
import VisorRegister
import VisorStore

/// Stored local case extracts: London reconciled 35 days ago (R9 overdue),
/// South West three days ago. Each mirrors the area's nominals with a few
/// discrepancies, leaves a few nominals out (missing_case), and adds cases with
/// no nominal yet — category 2 level 2/3 near release (R1), category 3 entering
/// MAPP meetings (R2), and others (R9 discrepancies).
enum DemoExtract {
    static func write(_ context: inout DemoContext, area name: String, reconciledDaysAgo: Int, caseIndexBase: Int)
        throws {
        let area = context.agency(name)
        let reconciled = context.day(-reconciledDaysAgo)
        try context.insert("""
            INSERT INTO extract_snapshot (area_id, file_name, reconciled_at, reconciled_on, reconciled_by, case_count)
            VALUES (?, ?, ?, ?, ?, 0)
            """, [area, "\(name.lowercased().replacingOccurrences(of: " ", with: "-"))-cases.csv",
                  context.instant(reconciled), reconciled, nil])
        let snapshot = context.db.lastInsertedRowID
        let rows = try Row.fetchAll(context.db, sql: """
            SELECT crn, pnc_id, surname, forenames, date_of_birth, mappa_category, mappa_level, custody_status,
                   release_date, mapp_entry_date, manager_staff_id
            FROM nominal WHERE owner_agency_id = ? AND crn IS NOT NULL ORDER BY id
            """, arguments: [area])
        var count = 0
        for row in rows {
            var values: [(any DatabaseValueConvertible)?] = [
                row["crn"], row["pnc_id"], row["surname"], row["forenames"], row["date_of_birth"],
                row["mappa_category"], row["mappa_level"], row["custody_status"], row["release_date"],
                row["mapp_entry_date"], row["manager_staff_id"],
            ]
            let roll = context.random.int(0...999)
            switch roll {
            case 0..<10: continue  // missing_case
            case 10..<14: values[5] = (row["mappa_category"] as Int) == 2 ? 1 : 2
            case 14..<18: values[6] = (row["mappa_level"] as Int) == 1 ? 2 : 1
            case 18..<22: values[7] = (row["custody_status"] as String) == "community" ? "in_custody" : "community"
            case 22..<26: values[8] = context.day(context.random.int(30...700))
            case 26..<30: values[10] = "UNKNOWN-\(context.random.int(1...99))"
            default: break
            }
            count += 1
            try insertCase(&context, snapshot: snapshot, line: count + 1, values)
        }
        // Cases the register lacks: R1 (overdue, due, upcoming), R2 (overdue, due), and one R9 discrepancy.
        let missing: [(category: Int, level: Int, release: Int?, mappEntry: Int?)] = [
            (2, 2, 150, nil), (2, 3, context.today.adding(months: 6).adding(days: 6).dayNumber - context.today.dayNumber, nil),
            (2, 2, 300, nil), (3, 2, nil, -5), (4, 3, nil, 7), (1, 1, nil, nil),
        ]
        for (offset, shape) in missing.enumerated() {
            var random = context.random
            let person = DemoPerson(index: caseIndexBase + offset, today: context.today, random: &random)
            context.random = random
            count += 1
            try insertCase(&context, snapshot: snapshot, line: count + 1, [
                person.crn, person.pncID, person.surname, person.forenames, person.dateOfBirth, shape.category,
                shape.level, shape.release == nil ? "community" : "in_custody",
                shape.release.map { context.day($0) }, shape.mappEntry.map { context.day($0) }, nil,
            ])
        }
        try context.db.execute(sql: "UPDATE extract_snapshot SET case_count = ? WHERE id = ?",
                               arguments: [count, snapshot])
    }

    private static func insertCase(_ context: inout DemoContext, snapshot: Int64, line: Int,
                                   _ values: [(any DatabaseValueConvertible)?]) throws {
        try context.insert("""
            INSERT INTO extract_case (snapshot_id, line, crn, pnc_id, surname, forenames, date_of_birth,
                mappa_category, mappa_level, custody_status, release_date, mapp_entry_date, offender_manager)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [snapshot, line] + values)
    }
}
