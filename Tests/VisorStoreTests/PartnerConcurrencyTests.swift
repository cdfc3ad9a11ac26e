import Dispatch
import Foundation
import Synchronization
import Testing
import VisorDomain
import VisorRegister
@testable import VisorStore

/// Two CPCs answering the same request from two terminals: two pools (as two
/// processes would have) on one file, two threads released at once. Exactly
/// one answer is recorded; the other is refused naming the winner.
@Suite struct PartnerConcurrencyTests {
    enum Answer: Sendable { case accept, decline }

    /// Runs `body(0)` and `body(1)` on two threads of their own, released at
    /// the same moment once both are ready, and waits for both.
    static func simultaneously(_ body: @escaping @Sendable (Int) -> Void) {
        let ready = DispatchSemaphore(value: 0)
        let start = DispatchSemaphore(value: 0)
        let done = DispatchGroup()
        for index in 0..<2 {
            done.enter()
            Thread {
                ready.signal()
                start.wait()
                body(index)
                done.leave()
            }.start()
        }
        ready.wait()
        ready.wait()
        start.signal()
        start.signal()
        done.wait()
    }

    /// Runs both answers at the same instant; returns each one's outcome, in argument order.
    static func race(_ first: (AppDatabase, User, Answer), _ second: (AppDatabase, User, Answer),
                     request: PartnerRequestID) -> [Result<PartnerRequestView, StoreError>] {
        let contenders = [first, second]
        let outcomes = Mutex<[Int: Result<PartnerRequestView, StoreError>]>([:])
        simultaneously { index in
            let (database, user, answer) = contenders[index]
            let outcome = Result { () throws(StoreError) -> PartnerRequestView in
                switch answer {
                case .accept: try database.acceptPartnerRequest(request, restricted: false, by: user)
                case .decline: try database.declinePartnerRequest(request, reason: "not needed", by: user)
                }
            }
            outcomes.withLock { $0[index] = outcome }
        }
        return outcomes.withLock { all in [all[0]!, all[1]!] }
    }

    @Test(arguments: [(Answer.accept, Answer.accept), (.accept, .decline), (.decline, .accept), (.decline, .decline)])
    func exactlyOneAnswerIsRecorded(_ firstAnswer: Answer, _ secondAnswer: Answer) throws {
        let register = try PartnerRegister()
        // A second gateway on the same file: its own pool, its own writer connection.
        let other = try AppDatabase.open(path: register.database.path, clock: PartnerRegister.clock)
        defer { try? other.close() }
        for round in 0..<8 {
            let nominal = try register.nominal(crn: "X2000\(String(format: "%02d", round))")
            let request = try register.database.requestPartnership(nominal: .id(nominal), reason: "round \(round)",
                                                                   by: register.metOfficer)
            let outcomes = Self.race((register.database, register.cpc, firstAnswer),
                                     (other, register.deputy, secondAnswer), request: request.id)
            let winners = outcomes.compactMap { try? $0.get() }
            #expect(winners.count == 1, "round \(round): exactly one answer succeeds")
            guard let winner = winners.first,
                  let loserIndex = outcomes.firstIndex(where: { (try? $0.get()) == nil }),
                  case .failure(let failure) = outcomes[loserIndex] else { continue }
            let winnerName = loserIndex == 0 ? "Dev Patel (deputy)" : "Carol Price (cpc)"
            #expect(failure == .refused("request \(request.id) was already \(winner.state.rawValue) by \(winnerName) "
                + "at 10:30 on 2026-11-25; nothing was changed"))

            // The register holds the winner's answer, once, and nothing of the loser's.
            let stored = try #require(try register.database.partnerRequests(for: register.cpc)
                .first { $0.id == request.id })
            #expect(stored.state == winner.state && stored.decidedBy == winner.decidedBy)
            let partnerships = try register.database.read { db in
                try Int.fetchOne(db, sql: "SELECT count(*) FROM partnership WHERE nominal_id = ?", arguments: [nominal])
            }
            #expect(partnerships == (winner.state == .accepted ? 1 : 0))
            let answers = try register.auditActions(nominal).filter { $0 == "accept_request" || $0 == "decline_request" }
            #expect(answers.count == 1)
        }
    }

    @Test func withdrawRacingAnAcceptance() throws {
        let register = try PartnerRegister()
        let other = try AppDatabase.open(path: register.database.path, clock: PartnerRegister.clock)
        defer { try? other.close() }
        let nominal = try register.nominal()
        let request = try register.database.requestPartnership(nominal: .id(nominal), reason: "race",
                                                               by: register.metOfficer)
        let outcomes = Mutex<[Int: StoreError?]>([:])
        Self.simultaneously { index in
            let failure = storeFailure {
                index == 0 ? try register.database.withdrawPartnerRequest(request.id, by: register.metOfficer)
                    : try other.acceptPartnerRequest(request.id, restricted: true, by: register.cpc)
            }
            outcomes.withLock { $0[index] = failure }
        }
        let failures = outcomes.withLock { all in [all[0]!, all[1]!] }
        #expect(failures.filter { $0 == nil }.count == 1)
        let refused = try #require(failures.compactMap { $0 }.first)
        guard case .refused(let message) = refused else { Issue.record("expected a refusal"); return }
        #expect(message.contains("already withdrawn by Pat Quinn (police)")
            || message.contains("already accepted by Carol Price (cpc)"))
    }

    /// The conditional UPDATE itself: an answer working from a row read before
    /// another's commit changes nothing and names the answer that won.
    @Test func aStaleReadDoesNotOverwrite() throws {
        let (register, nominal) = try PartnerRegister.withNominal()
        let request = try register.database.requestPartnership(nominal: .id(nominal), reason: "stale",
                                                               by: register.metOfficer)
        let stale = try register.database.read { db in
            try PartnerRequestRows.existing(db, id: request.id, viewerAgency: register.london.id)
        }
        _ = try register.database.declinePartnerRequest(request.id, reason: "first", by: register.deputy)
        let before = try register.partnerState()
        let failure = storeFailure {
            try register.database.write { db in
                try PartnerRequestRows.close(db, stale, to: .accepted, restricted: false, by: register.cpc,
                                             at: PartnerRegister.clock.now(), decisionReason: nil)
            }
        }
        #expect(failure == .refused("request \(request.id) was already declined by Dev Patel (deputy) "
            + "at 10:30 on 2026-11-25; nothing was changed"))
        #expect(try register.partnerState() == before)
    }
}
