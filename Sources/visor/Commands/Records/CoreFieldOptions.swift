import ArgumentParser
import VisorDomain

/// The core fields of `visor nominal create` and `edit`, by records.md's option names; each
/// given one becomes the draft's text for its field, validated as the import validates it.
struct CoreFieldOptions: ParsableArguments {
    @Option(help: "PNC ID in any accepted form.") var pnc: String?
    @Option(help: "CRO number NNNNNN/YYC.") var cro: String?
    @Option(help: "NOMS number A1234BC.") var noms: String?
    @Option(help: "CRN X123456.") var crn: String?
    @Option(help: "in_custody or community.") var custody: String?
    @Option(help: "The prison holding the person.") var establishment: String?
    @Option(name: .customLong("custody-start"), help: "Date custody began (YYYY-MM-DD).") var custodyStart: String?
    @Option(help: "Release date (YYYY-MM-DD), with --release-type.") var release: String?
    @Option(name: .customLong("release-type"), help: "actual or potential.") var releaseType: String?
    @Option(name: .customLong("mapp-entry-date"), help: "Date the case entered the MAPP meeting structure.")
    var mappEntryDate: String?
    @Option(name: .customLong("order-type"), help: "licence, community_order or none.") var orderType: String?
    @Option(name: .customLong("home-force"), help: "The home police force.") var homeForce: String?
    @Option(name: .customLong("supervising-area"), help: "The supervising probation area.") var supervisingArea: String?
    @Option(help: "Risk of serious harm: low, medium, high or very_high, with --rosh-date.") var rosh: String?
    @Option(name: .customLong("rosh-date"), help: "Date of that assessment.") var roshDate: String?
    @Option(name: .customLong("last-notification"), help: "Date of the last notification to police (category 1).")
    var lastNotification: String?
    @Option(help: ArgumentHelp("An alias, \"SURNAME, FORENAMES\" (repeat for more; on edit, replaces them all).",
                               valueName: "ALIAS"))
    var alias: [String] = []

    /// The options given, by field.
    var values: [CoreField: String] {
        let given: [(CoreField, String?)] = [
            (.pncID, pnc), (.croNumber, cro), (.nomsNumber, noms), (.crn, crn),
            (.custodyStatus, custody), (.establishment, establishment), (.custodyStart, custodyStart),
            (.releaseDate, release), (.releaseDateType, releaseType), (.mappEntryDate, mappEntryDate),
            (.orderType, orderType), (.homeForce, homeForce), (.supervisingArea, supervisingArea), (.rosh, rosh),
            (.roshDate, roshDate), (.lastNotification, lastNotification),
        ]
        var values: [CoreField: String] = [:]
        for (field, value) in given { if let value { values[field] = value } }
        return values
    }
}
