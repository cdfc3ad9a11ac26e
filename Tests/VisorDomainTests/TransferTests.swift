import Testing
@testable import VisorDomain

/// Transfer of ownership (records.md).
@Suite("Transfer of ownership")
struct TransferTests {
    typealias F = RecordFixture

    static func proposal(_ to: String, keepPartner: Bool = true) throws(FieldError) -> TransferProposal {
        try TransferDraft(to: to, keepPartner: keepPartner).validated(ownerAgencyID: F.london, agencies: F.agencies)
    }

    @Test("a transfer may go to an agency of any kind")
    func anyKind() throws {
        #expect(try Self.proposal("Metropolitan Police Service").toAgencyID == F.met)
        #expect(try Self.proposal("hmp belmarsh").toAgencyID == F.belmarsh)
        #expect(try Self.proposal("Kent, Surrey and Sussex", keepPartner: false)
            == TransferProposal(toAgencyID: F.kss, keepPartner: false))
    }

    @Test("a transfer to the owner itself, to no agency or to an unknown one is refused", arguments: [
        ("London", "to: London: already owns this record"),
        ("", "to: : required"),
        ("Atlantis", "to: Atlantis: unknown agency"),
        ("Lon\u{202E}don", "to: Lon\\u202edon: bidirectional controls are not allowed (\\u202e at character 4)"),
    ])
    func refused(to: String, expected: String) {
        do throws(FieldError) {
            _ = try Self.proposal(to)
            Issue.record("expected a refusal")
        } catch {
            #expect(error.description == expected)
        }
    }

    @Test("accepted: the receiver owns it, the manager is cleared, the former owner stays a full partner")
    func accepted() throws {
        let nominal = F.nominal()
        let outcome = try Self.proposal("Metropolitan Police Service")
            .accepted(nominal: nominal, partners: [F.met: false, F.belmarsh: true], formerOwnerKind: .probation)
        #expect(outcome.nominal.ownerAgencyID == F.met)
        #expect(outcome.nominal.managerUserID == nil && outcome.nominal.managerAssignedOn == nil)
        #expect(outcome.partners == [F.london: false, F.belmarsh: true])
        #expect(outcome.formerOwnerStaysPartner && outcome.formerOwnerRefusal == nil)
    }

    @Test("the former owner leaves when it said so")
    func noPartner() throws {
        let outcome = try Self.proposal("HMP Belmarsh", keepPartner: false)
            .accepted(nominal: F.nominal(), partners: [F.met: false], formerOwnerKind: .probation)
        #expect(outcome.partners == [F.met: false] && !outcome.formerOwnerStaysPartner)
    }

    @Test("probation does not stay a partner on a category 1 level 1 nominal (R7)")
    func r7() throws {
        let outcome = try Self.proposal("Metropolitan Police Service")
            .accepted(nominal: F.nominal(category: .one, level: .one), partners: [:], formerOwnerKind: .probation)
        #expect(!outcome.formerOwnerStaysPartner && outcome.partners.isEmpty)
        #expect(outcome.formerOwnerRefusal == R7ProbationOnCategory1Level1.reason)
    }

    @Test("declining needs a reason; accepting does not")
    func answer() throws {
        #expect(try TransferAnswerDraft(accept: true).validatedReason() == nil)
        #expect(try TransferAnswerDraft(accept: false, reason: " Not our area ").validatedReason() == "Not our area")
        #expect(throws: FieldError(field: "reason", value: "", message: "required")) {
            try TransferAnswerDraft(accept: false).validatedReason()
        }
    }
}
