import VisorDomain
import VisorRegister
import VisorStore

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
        // 18 × 365 days fall a few days short of 18 years: the register holds adults, so those few turn 18 today.
        dateOfBirth = min(today.adding(days: -random.int((18 * 365)...(75 * 365))), today.adding(years: -18))
        ethnicity = DemoPerson.ethnicities[random.int(0...(DemoPerson.ethnicities.count - 1))]
        // Both identifiers date from the first arrest, so their year follows the date of birth. Unique
        // without a lookup: index % 5 is in the year and index / 5 in the serial, for the CRO's two-digit
        // year too (100 is a multiple of 5); CRO serials repeat only past 4,999,995 people.
        let arrested = DemoPerson.firstArrestYear(index: index, born: dateOfBirth.year, today: today)
        pncID = PNCID(year: arrested, serial: index / 5 + 1)
        croNumber = CRONumber(serial: index / 5 % 999_999 + 1, year: arrested % 100)
        crn = CRN(letter: DemoPerson.letter(index / 1_000_000), number: (index % 1_000_000) * 7919 % 1_000_000)
        let noms = index * 7877 % 175_760_000
        let nomsText = String(DemoPerson.letter(noms / 6_760_000 % 26))
            + DemoPerson.digits(noms / 676 % 10_000, count: 4)
            + String(DemoPerson.letter(noms / 26 % 26)) + String(DemoPerson.letter(noms % 26))
        nomsNumber = try? NOMSNumber(parsing: nomsText)
    }

    /// The 18th birthday: nothing in the register (record, custody, risk assessment, notification)
    /// comes before it. A 29 February birthday falls on 1 March in a common year, as SQLite's
    /// `date(d, '+18 years')` has it (`LocalDate` would clip it to 28 February).
    var adulthood: LocalDate {
        let birthday = dateOfBirth.adding(years: 18)
        return birthday.day == dateOfBirth.day ? birthday : birthday.adding(days: 1)
    }

    /// The year of a first arrest at 10 or older (mostly before 40), not after `today`'s year, and
    /// congruent to `index` modulo 5 (which keeps the identifiers unique). Drawn from the index
    /// alone: the register's own stream of draws is not touched.
    static func firstArrestYear(index: Int, born: Int, today: LocalDate) -> Int {
        let earliest = born + 10, latest = today.year  // at least 8 years apart: the person is 18 or more
        var draw = DemoRandom(seed: UInt64(index))
        let year = earliest + draw.int(0...(min(latest - earliest, 29)))
        let congruent = year + ((index - year) % 5 + 5) % 5
        return congruent <= latest ? congruent : congruent - 5
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

extension DemoRandom {
    /// A date `range` days before `today`, never before `earliest` (an 18th birthday, a record's
    /// creation): the range is cut to the days since then. Always one draw, whatever the cut, so
    /// that the draws that follow do not depend on it.
    mutating func date(daysBefore today: LocalDate, _ range: ClosedRange<Int>, notBefore earliest: LocalDate)
        -> LocalDate {
        let upper = min(range.upperBound, max(0, earliest.days(until: today)))
        return today.adding(days: -int(min(range.lowerBound, upper)...upper))
    }
}
