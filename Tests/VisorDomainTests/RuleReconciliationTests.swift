import Testing
@testable import VisorDomain

@Suite("Rule reconciliation discrepancies")
struct RuleReconciliationTests {
    typealias F = RuleFixture

    static let extractCase = ReconciliationCase(crn: F.crn(123_456), pncID: F.pnc, category: .two, level: .two,
                                                custody: .inCustody, releaseDate: F.day("2027-05-01"),
                                                offenderManager: "S1")
    static let nominal = ReconciliationNominal(nominalID: 42, crn: F.crn(123_456), pncID: F.pnc, ownerAgencyID: 3,
                                               category: .two, level: .two, custody: .inCustody,
                                               releaseDate: F.day("2027-05-01"), managerStaffID: "S1")

    static func kinds(_ extractCase: ReconciliationCase?, _ nominal: ReconciliationNominal?) -> [DiscrepancyKind] {
        Reconciliation.discrepancies(case: extractCase, nominal: nominal).map(\.kind)
    }

    @Test("kinds are written as the contract names them")
    func rawValues() {
        #expect(DiscrepancyKind.allCases.map(\.rawValue) == [
            "missing_nominal", "missing_case", "category_differs", "level_differs", "custody_differs",
            "release_date_differs", "manager_differs",
        ])
    }

    @Test("a matching pair has no discrepancy; neither side has none")
    func matching() {
        #expect(Self.kinds(Self.extractCase, Self.nominal).isEmpty)
        #expect(Self.kinds(nil, nil).isEmpty)
    }

    @Test("missing nominal and missing case")
    func missing() {
        #expect(Reconciliation.discrepancies(case: Self.extractCase, nominal: nil)
            == [Discrepancy(kind: .missingNominal, crn: F.crn(123_456), nominalID: nil)])
        #expect(Reconciliation.discrepancies(case: nil, nominal: Self.nominal)
            == [Discrepancy(kind: .missingCase, crn: F.crn(123_456), nominalID: 42)])
    }

    @Test("each differing field, with values as the CSV writes them")
    func eachField() {
        var n = Self.nominal
        n.category = .three
        #expect(Reconciliation.discrepancies(case: Self.extractCase, nominal: n) == [
            Discrepancy(kind: .categoryDiffers, crn: F.crn(123_456), nominalID: 42, registerValue: "3",
                        extractValue: "2"),
        ])
        n = Self.nominal
        n.level = .three
        #expect(Reconciliation.discrepancies(case: Self.extractCase, nominal: n).map(\.registerValue) == ["3"])
        #expect(Self.kinds(Self.extractCase, n) == [.levelDiffers])
        n = Self.nominal
        n.custody = .community
        #expect(Reconciliation.discrepancies(case: Self.extractCase, nominal: n) == [
            Discrepancy(kind: .custodyDiffers, crn: F.crn(123_456), nominalID: 42, registerValue: "community",
                        extractValue: "in_custody"),
        ])
        n = Self.nominal
        n.releaseDate = F.day("2027-06-30")
        #expect(Reconciliation.discrepancies(case: Self.extractCase, nominal: n) == [
            Discrepancy(kind: .releaseDateDiffers, crn: F.crn(123_456), nominalID: 42, registerValue: "2027-06-30",
                        extractValue: "2027-05-01"),
        ])
        n.releaseDate = nil
        #expect(Reconciliation.discrepancies(case: Self.extractCase, nominal: n).map(\.registerValue) == [nil])
        n = Self.nominal
        n.managerStaffID = "S2"
        #expect(Reconciliation.discrepancies(case: Self.extractCase, nominal: n) == [
            Discrepancy(kind: .managerDiffers, crn: F.crn(123_456), nominalID: 42, registerValue: "S2",
                        extractValue: "S1"),
        ])
    }

    @Test("manager: none against S1 differs, none against none does not")
    func manager() {
        var n = Self.nominal
        n.managerStaffID = nil
        #expect(Self.kinds(Self.extractCase, n) == [.managerDiffers])
        var c = Self.extractCase
        c.offenderManager = nil
        #expect(Self.kinds(c, n).isEmpty)
    }

    @Test("several differences come in the table's order")
    func order() {
        var n = Self.nominal
        n.managerStaffID = "S9"
        n.releaseDate = nil
        n.custody = .community
        n.level = .one
        n.category = .one
        #expect(Self.kinds(Self.extractCase, n)
            == [.categoryDiffers, .levelDiffers, .custodyDiffers, .releaseDateDiffers, .managerDiffers])
    }

    @Test("R1 and R2 cover some missing nominals")
    func covered() {
        var c = Self.extractCase
        #expect(Reconciliation.isCoveredByCreationRule(c))
        c.level = .one
        #expect(!Reconciliation.isCoveredByCreationRule(c))
        c.category = .three
        #expect(!Reconciliation.isCoveredByCreationRule(c))
        c.mappEntryDate = F.day("2026-01-01")
        #expect(Reconciliation.isCoveredByCreationRule(c))
        c.category = .one
        #expect(!Reconciliation.isCoveredByCreationRule(c))
    }

    @Test("cases match by crn, else by PNC; the area's unmatched nominals are missing cases")
    func pairs() {
        let byPNC = ReconciliationCase(crn: F.crn(222_222), pncID: F.pnc, category: .two, level: .two,
                                       custody: .community)
        let unmatched = ReconciliationCase(crn: F.crn(333_333), category: .two, level: .two, custody: .community)
        let other = ReconciliationNominal(nominalID: 50, crn: F.crn(999_999), ownerAgencyID: 8, category: .one,
                                          level: .one, custody: .community)
        let orphan = ReconciliationNominal(nominalID: 51, crn: F.crn(888_888), ownerAgencyID: 3, category: .one,
                                           level: .one, custody: .community)
        let pairs = Reconciliation.pairs(cases: [byPNC, unmatched], nominals: [orphan, other, Self.nominal],
                                         areaID: 3)
        #expect(pairs == [
            ReconciliationPair(extractCase: byPNC, nominal: Self.nominal),
            ReconciliationPair(extractCase: unmatched, nominal: nil),
            ReconciliationPair(extractCase: nil, nominal: orphan),
        ])
        let byCRN = Reconciliation.pairs(cases: [Self.extractCase], nominals: [Self.nominal], areaID: 3)
        #expect(byCRN == [ReconciliationPair(extractCase: Self.extractCase, nominal: Self.nominal)])
    }
}
