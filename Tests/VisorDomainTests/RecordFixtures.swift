import Testing
@testable import VisorDomain

/// Shared values for the tests of the write side (records.md), at 2026-11-25.
enum RecordFixture {
    static let today = RuleFixture.day("2026-11-25")
    static let policy = Policy.standard

    static func day(_ iso: String, sourceLocation: SourceLocation = #_sourceLocation) -> LocalDate {
        RuleFixture.day(iso, sourceLocation: sourceLocation)
    }

    // Agencies.
    static let london: AgencyID = 1
    static let met: AgencyID = 2
    static let belmarsh: AgencyID = 3
    static let kentPolice: AgencyID = 4
    static let kss: AgencyID = 5

    static let agencyList = [
        Agency(id: london, kind: .probation, name: "London", createdOn: day("2020-01-01")),
        Agency(id: met, kind: .police, name: "Metropolitan Police Service", createdOn: day("2020-01-01")),
        Agency(id: belmarsh, kind: .prison, name: "HMP Belmarsh", createdOn: day("2020-01-01")),
        Agency(id: kentPolice, kind: .police, name: "Kent Police", createdOn: day("2020-01-01")),
        Agency(id: kss, kind: .probation, name: "Kent, Surrey and Sussex", createdOn: day("2020-01-01")),
    ]
    static let agencies = AgencyIndex(agencyList)

    /// A draft valid in every field (a new nominal).
    static let goodValues: [CoreField: String] = [
        .surname: "Wójcik", .forenames: "Łukasz Jan", .dateOfBirth: "1979-05-01", .gender: "M", .ethnicity: "W1",
        .pncID: "79/163001B", .croNumber: "265416/21G", .nomsNumber: "A1234BC", .crn: "X123456",
        .category: "2", .level: "2", .custodyStatus: "in_custody", .establishment: "HMP Belmarsh",
        .custodyStart: "2025-01-10", .releaseDate: "2027-03-01", .releaseDateType: "potential",
        .mappEntryDate: "2026-06-01", .orderType: "licence", .homeForce: "Kent Police",
        .supervisingArea: "Kent Surrey & Sussex", .rosh: "high", .roshDate: "2026-10-01",
        .lastNotification: "",
    ]

    static func draft(_ changes: [CoreField: String] = [:], aliases: [String] = []) -> NominalDraft {
        NominalDraft(values: goodValues.merging(changes) { $1 }, aliases: aliases)
    }

    /// The errors of validating `draft` (none: an issue is recorded).
    static func errors(_ draft: NominalDraft, creating: Bool = true,
                       sourceLocation: SourceLocation = #_sourceLocation) -> FieldErrors {
        do throws(FieldErrors) {
            _ = try draft.validated(creating: creating, today: today, agencies: agencies)
            Issue.record("expected field errors", sourceLocation: sourceLocation)
            return FieldErrors([])
        } catch {
            return error
        }
    }

    /// A nominal owned by London probation, level 2, created 2026-01-05 by user 10.
    static func nominal(category: MAPPACategory = .two, level: MAPPALevel = .two) -> Nominal {
        Nominal(id: 42, surname: "Quennell", forenames: "Hester Anne", dateOfBirth: day("1979-06-14"), gender: .female,
                ethnicity: .w1, crn: CRN(letter: "X", number: 123_456), category: category, level: level,
                levelSince: level.isMultiAgency ? day("2026-01-05") : nil, ownerAgencyID: london, managerUserID: 11,
                managerAssignedOn: day("2026-01-05"), custody: .community, orderType: .licence,
                homeForceID: met, source: .entered, createdOn: day("2026-01-05"), createdByUserID: 10)
    }
}
