import VisorDomain

/// One invented person: names and identifiers for a demonstration nominal or
/// an extract row. Identifiers are derived from the person's index by
/// bijections, so they are unique without a lookup.
struct DemoPerson {
    var surname: String
    var forenames: String
    var dateOfBirth: LocalDate
    var gender: Gender
    var ethnicity: Ethnicity
    var pncID: PNCID
    var croNumber: CRONumber
    /// Always set: built from valid parts.
    var nomsNumber: NOMSNumber?
    var crn: CRN

    init(index: Int, today: LocalDate, random: inout DemoRandom) {
        let culture = DemoNames.culture(&random)
        let roll = random.int(0...99)
        gender = roll < 88 ? .male : (roll < 98 ? .female : (roll == 98 ? .other : .notKnown))
        surname = random.pick(culture.surnames)
        let pool = gender == .female ? culture.female : culture.male
        let first = random.pick(pool)
        forenames = random.chance(0.3) ? first + " " + random.pick(pool.filter { $0 != first } + ["Lee", "Marie"]) : first
        dateOfBirth = today.adding(days: -random.int((18 * 365)...(75 * 365)))
        ethnicity = DemoPerson.ethnicities[random.int(0...(DemoPerson.ethnicities.count - 1))]
        pncID = PNCID(year: 1985 + index % 40, serial: index / 40 + 1)
        croNumber = CRONumber(serial: index % 999_999 + 1, year: (index / 999_999 + 70) % 100)
        crn = CRN(letter: DemoPerson.letter(index / 1_000_000), number: (index % 1_000_000) * 7919 % 1_000_000)
        let noms = index * 7877 % 175_760_000
        let nomsText = String(DemoPerson.letter(noms / 6_760_000 % 26))
            + DemoPerson.digits(noms / 676 % 10_000, count: 4)
            + String(DemoPerson.letter(noms / 26 % 26)) + String(DemoPerson.letter(noms % 26))
        nomsNumber = try? NOMSNumber(parsing: nomsText)
    }

    /// Ethnicity codes weighted roughly like the offender population.
    static let ethnicities: [Ethnicity] = [.w1, .w1, .w1, .w1, .w1, .w1, .w1, .w2, .w3, .w4, .m1, .m2, .m3, .m4,
                                           .a1, .a2, .a3, .a4, .a5, .b1, .b2, .b3, .o1, .o2, .notStated]

    static func letter(_ n: Int) -> Character { Character(Unicode.Scalar(UInt8(65 + n % 26))) }

    static func digits(_ n: Int, count: Int) -> String {
        let text = String(n)
        return String(repeating: "0", count: max(0, count - text.count)) + text
    }
}
