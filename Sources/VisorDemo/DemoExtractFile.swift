import Foundation
import VisorDomain
import VisorRegister
import VisorStore

/// Writes a valid case-management extract of invented people, for benchmarks
/// and tests: every column of `nominals-csv.md`, RFC 4180 quoting where needed.
public enum DemoExtractFile {
    public static let header = ExtractColumn.allCases.map(\.rawValue).joined(separator: ",")

    /// Writes `rows` rows to `path`, deterministic for `seed` and `today`.
    public static func write(path: String, rows: Int, seed: UInt64, today: LocalDate) throws(StoreError) {
        guard let handle = FileHandle(forWritingAtPath: path) ?? create(path) else {
            throw .cannotCreate("\(path): cannot create")
        }
        defer { try? handle.close() }
        var random = DemoRandom(seed: seed)
        var buffer = header + "\n"
        let areas = AgencyCatalog.probationAreas, forces = AgencyCatalog.policeForces, prisons = AgencyCatalog.prisons
        do {
            for index in 0..<rows {
                let person = DemoPerson(index: index, today: today, random: &random)
                let category = random.int(0...99) < 75 ? 1 : 2
                let level = random.int(0...99) < 98 ? 1 : 2
                let inCustody = random.chance(0.2)
                let area = random.pick(areas)
                // Custody, MAPP entry, risk assessment and notification as an adult, as in the demo register.
                let adult = person.adulthood
                func daysAgo(_ range: ClosedRange<Int>) -> String {
                    random.date(daysBefore: today, range, notBefore: adult).iso
                }
                let fields: [String] = [
                    person.crn.canonical, person.pncID.canonical, random.chance(0.5) ? person.croNumber.canonical : "",
                    inCustody ? person.nomsNumber?.canonical ?? "" : "", person.surname, person.forenames,
                    person.dateOfBirth.iso, person.gender.rawValue, person.ethnicity.rawValue, String(category),
                    String(level), "probation", area, inCustody ? "in_custody" : "community",
                    inCustody ? random.pick(prisons) : "", inCustody ? daysAgo(30...900) : "",
                    inCustody ? today.adding(days: random.int(30...900)).iso : "", inCustody ? "potential" : "",
                    level > 1 ? daysAgo(1...400) : "", inCustody ? "licence" : "community_order",
                    "S\(random.int(1000...9999))", random.pick(forces), area, "medium",
                    daysAgo(1...300),
                    category == 1 ? daysAgo(1...300) : "",
                ]
                buffer += fields.map(quoted).joined(separator: ",") + "\n"
                if buffer.utf8.count > 1 << 20 {
                    try handle.write(contentsOf: Data(buffer.utf8))
                    buffer.removeAll(keepingCapacity: true)
                }
            }
            try handle.write(contentsOf: Data(buffer.utf8))
        } catch {
            throw .io("\(path): write failed: \(error.localizedDescription)")
        }
    }

    /// RFC 4180: quote a field holding a comma or a quote, doubling the quotes.
    static func quoted(_ field: String) -> String {
        guard field.contains(",") || field.contains("\"") else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    private static func create(_ path: String) -> FileHandle? {
        guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
        else { return nil }
        return FileHandle(forWritingAtPath: path)
    }
}
