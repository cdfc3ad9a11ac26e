import Foundation
import Testing
import VisorDomain
import VisorRegister
@testable import VisorStore

/// The lists: `visor partners list`, the application's incoming and outgoing
/// queues with age and due date, and the status line's count.
@Suite struct PartnerQueueTests {
    /// A gateway on the same file whose clock reads `days` later, 10:30 London.
    static func later(_ register: PartnerRegister, days: Int) throws -> AppDatabase {
        try AppDatabase.open(path: register.database.path,
                             clock: FixedClock(LondonTime.instant(PartnerRegister.today.adding(days: days),
                                                                  hour: 10, minute: 30)))
    }

    @Test func listShowsBothSidesOldestFirst() throws {
        let register = try PartnerRegister()
        let first = try register.nominal(crn: "X100001")
        let second = try register.nominal(crn: "X100002")
        let theirs = try register.nominal(crn: "X100003", owner: register.met, manager: register.metOfficer)
        let tomorrow = try Self.later(register, days: 1)
        let nextWeek = try Self.later(register, days: 7)
        let a = try register.database.requestPartnership(nominal: .id(first), reason: "a", by: register.metOfficer)
        let b = try tomorrow.requestPartnership(nominal: .id(theirs), reason: "b", by: register.otherOM)
        let c = try nextWeek.requestPartnership(nominal: .id(second), reason: "c", by: register.prisonOfficer)
        _ = try nextWeek.declinePartnerRequest(c.id, reason: "no", by: register.cpc)

        // London is owner of a and c, requester of b.
        #expect(try nextWeek.partnerRequests(for: register.cpc).map(\.id) == [a.id, b.id, c.id])
        #expect(try nextWeek.partnerRequests(for: register.cpc, state: .pending).map(\.id) == [a.id, b.id])
        #expect(try nextWeek.partnerRequests(for: register.cpc, state: .declined).map(\.id) == [c.id])
        // The Met made a and owns b; Belmarsh made c; Kent Police has none.
        #expect(try nextWeek.partnerRequests(for: register.metCPC).map(\.id) == [a.id, b.id])
        #expect(try nextWeek.partnerRequests(for: register.prisonOfficer).map(\.id) == [c.id])
        #expect(try nextWeek.partnerRequests(for: register.kentOfficer).isEmpty)
        // London sees the crn of its own record; the Met does not see London's, but sees its own.
        let metView = try nextWeek.partnerRequests(for: register.metCPC)
        #expect(metView.map(\.crn?.canonical) == [nil, "X100003"])
    }

    @Test func incomingAndOutgoingWithAgeAndDue() throws {
        let register = try PartnerRegister()
        let ours = try register.nominal(crn: "X100001")
        let mine = try register.nominal(crn: "X100002", manager: register.otherOM)
        let theirs = try register.nominal(crn: "X100003", owner: register.met, manager: register.metOfficer)
        let a = try register.database.requestPartnership(nominal: .id(ours), reason: "a", by: register.metOfficer)
        let b = try register.database.requestPartnership(nominal: .id(mine), reason: "b", by: register.kentOfficer)
        let c = try register.database.requestPartnership(nominal: .id(theirs), reason: "c", by: register.manager)

        // Seen on Friday 4 December 2026, nine days later.
        let later = try Self.later(register, days: 9)
        let incoming = try later.incomingRequests(for: register.manager)
        #expect(incoming.map(\.id) == [a.id, b.id])
        #expect(incoming.map(\.viewerMayAnswer) == [true, false], "a manager answers for their own nominals only")
        #expect(incoming.allSatisfy { $0.ageDays == 9 && $0.due == LocalDate(year: 2026, month: 11, day: 30) })
        #expect(try later.incomingRequests(for: register.cpc).map(\.viewerMayAnswer) == [true, true])
        #expect(try later.outgoingRequests(for: register.otherOM).map(\.id) == [c.id])
        #expect(try later.outgoingRequests(for: register.otherOM).first?.viewerMayWithdraw == true)
        #expect(try later.outgoingRequests(for: register.spo).first?.viewerMayWithdraw == false)

        #expect(try later.pendingIncomingCount(for: register.cpc) == 2)
        #expect(try later.pendingIncomingCount(for: register.deputy) == 2)
        #expect(try later.pendingIncomingCount(for: register.manager) == 1)
        #expect(try later.pendingIncomingCount(for: register.otherOM) == 1)
        #expect(try later.pendingIncomingCount(for: register.spo) == 0)
        #expect(try later.pendingIncomingCount(for: register.admin) == 0)
        #expect(try later.pendingIncomingCount(for: register.metCPC) == 1)

        _ = try later.acceptPartnerRequest(a.id, restricted: false, by: register.cpc)
        #expect(try later.pendingIncomingCount(for: register.cpc) == 1)
        #expect(try later.incomingRequests(for: register.cpc).map(\.id) == [b.id])
    }

    @Test func theQueueReadsAreNotAudited() throws {
        let (register, nominal) = try PartnerRegister.withNominal()
        _ = try register.database.requestPartnership(nominal: .id(nominal), reason: "a", by: register.metOfficer)
        let before = try register.audit().count
        _ = try register.database.incomingRequests(for: register.cpc)
        _ = try register.database.outgoingRequests(for: register.metOfficer)
        _ = try register.database.pendingIncomingCount(for: register.cpc)
        #expect(try register.audit().count == before)
        _ = try register.database.partnerRequests(for: register.cpc, state: .pending)
        #expect(try register.audit().last?.detail == "partner requests (pending): 1 listed")
    }

    @Test("The queue in one read: the first rows of each part, each part's size, the latest answers first")
    func queueWindow() throws {
        let register = try PartnerRegister()
        var ids: [Int64] = []
        for number in 1...5 {
            let nominal = try register.nominal(crn: "X10000\(number)")
            ids.append(try register.database.requestPartnership(nominal: .id(nominal), reason: "r\(number)",
                                                                by: register.metOfficer).id)
        }
        _ = try register.database.declinePartnerRequest(ids[0], reason: "no", by: register.cpc)
        _ = try register.database.acceptPartnerRequest(ids[1], restricted: false, by: register.cpc)
        let since = PartnerRegister.today.adding(days: -30)
        let window = try register.database.partnerQueue(for: register.cpc, since: since, answered: true, limit: 2,
                                                        policy: .standard)
        #expect(window.incoming.map(\.id) == [ids[2], ids[3]], "oldest first, two of three")
        #expect(window.incomingTotal == 3)
        #expect(window.answerableTotal == 3)
        #expect(window.answered.map(\.id) == [ids[1], ids[0]], "latest answer first")
        #expect(window.answeredTotal == 2)
        #expect(window.outgoing.isEmpty && window.outgoingTotal == 0)
        let pendingOnly = try register.database.partnerQueue(for: register.cpc, since: since, answered: false,
                                                             limit: nil, policy: .standard)
        #expect(pendingOnly.incoming.count == 3 && pendingOnly.answered.isEmpty)
        #expect(try register.database.partnerQueue(for: register.metCPC, since: since, answered: false, limit: 1,
                                                   policy: .standard).outgoingTotal == 3)
    }
}
