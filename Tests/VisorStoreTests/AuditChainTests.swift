import Foundation
import GRDB
import Testing
import VisorDomain
import VisorRegister
@testable import VisorStore

/// Issue 11, item 8: each audit event's hash covers its content and the hash
/// before it, so a change made by someone who can write the file is found
/// (`verify`), and a head written down earlier finds even a rewrite with
/// every hash recomputed, or the last events cut off (`--from-head`).
@Suite("Audit trail: the hash chain")
struct AuditChainTests {
    @Test("The encoding is the documented one: two events hash to values computed independently (Python hashlib)")
    func knownAnswer() throws {
        let folder = try TemporaryFolder("audit-chain")
        let database = try AppDatabase.open(path: folder.file("empty.sqlite"), clock: StoreFixtures.clock)
        let noon = try #require(ISO8601DateFormatter().date(from: "2026-11-25T12:00:00Z"))
        try database.write { db in
            try AuditLog.append(db, at: noon, userID: nil, osUser: "tester", action: .search, nominalID: 42,
                                detail: "café")
            try AuditLog.append(db, at: noon.addingTimeInterval(1.5), userID: nil, osUser: "ops", action: .viewRecord,
                                nominalID: -1, detail: "")
        }
        let first = "852e34499cc77da8029a76a2dbb4b1aeeff59c0179c5fa80d4189dc1088ad056"
        let second = "f3168394aba75de3aa14db6c1f35ceebae4ab3f853cd2cf9593b2cfd11250451"
        let stored = try database.read { db in
            try Data.fetchAll(db, sql: "SELECT hash FROM audit_event ORDER BY id").map {
                AuditHead(hash: Array($0), count: 0).hexHash
            }
        }
        #expect(stored == [first, second])
        let verified = try database.read { db in try AuditChainVerifier.verifyAll(db) }
        #expect(verified == .verified(try #require(AuditHead("\(second):2"))))
    }

    @Test("A register's trail verifies; its head is the last hash and the number of events")
    func verifies() throws {
        let register = try TestRegister()
        try register.appendEvents(5)
        let head = try register.head()
        #expect(head.count == (try register.lastEventID))
        #expect(AuditHead(head.description) == head)
        #expect(head.description.wholeMatch(of: /[0-9a-f]{64}:[0-9]+/) != nil)
    }

    @Test("An UPDATE of one event's detail with the triggers dropped and re-created is found, naming that event")
    func updateFound() throws {
        let (register, target) = try TestRegister.tampered(
            events: 6, back: 3, "UPDATE audit_event SET detail = 'nothing to see' WHERE id = ?")
        #expect(try register.database.read { db in try AppDatabase.triggerProblems(db) }.isEmpty)
        guard case .broken(let event, let reason) = try register.verify() else {
            Issue.record("the altered trail verified")
            return
        }
        #expect(event == target)
        #expect(reason.contains("event \(target) does not match its hash"))
    }

    @Test("A deleted middle event is found: verify names the missing id")
    func deletionFound() throws {
        let (register, target) = try TestRegister.tampered(events: 6, back: 2, "DELETE FROM audit_event WHERE id = ?")
        #expect(try register.verify() == .broken(
            event: target, reason: "event \(target) is missing: event \(target + 1) follows event \(target - 1)"))
    }

    @Test("Deleting the first events is found, and so is a hash set to another event's")
    func otherBreaks() throws {
        let register = try TestRegister()
        try register.appendEvents(4)
        try register.tamper("UPDATE audit_event SET hash = (SELECT hash FROM audit_event WHERE id = 1) WHERE id = 3")
        #expect(try register.verify().brokenEvent == 3)
        try register.tamper("DELETE FROM audit_event WHERE id <= 2")
        #expect(try register.verify() == .broken(event: 1, reason: "events 1 to 2 are missing: the trail starts at event 3"))
    }

    @Test("A head recorded, then new events appended: the head still verifies (--from-head)")
    func headStillVerifies() throws {
        let register = try TestRegister()
        try register.appendEvents(3)
        let recorded = try register.head()
        try register.appendEvents(4, label: "later")
        guard case .verified(let now) = try register.verify(from: recorded) else {
            Issue.record("the recorded head no longer verifies")
            return
        }
        #expect(now.count == recorded.count + 4)
        #expect(try register.verify(from: now) == .verified(now))
    }

    @Test("A rewrite that recomputes every hash after an UPDATE verifies alone, and is caught by the earlier head")
    func rewriteCaughtByHead() throws {
        let register = try TestRegister()
        try register.appendEvents(5)
        let recorded = try register.head()
        let target = recorded.count - 2
        try register.tamper("UPDATE audit_event SET detail = 'rewritten' WHERE id = ?", arguments: [target])
        try register.recomputeHashes(from: target)
        try register.appendEvents(2, label: "after the rewrite")
        guard case .verified = try register.verify() else {
            Issue.record("a recomputed chain should verify by itself: only a head kept elsewhere can tell")
            return
        }
        let result = try register.verify(from: recorded)
        #expect(result.brokenEvent == recorded.count)
        #expect(result.reason?.contains("differs from the recorded head \(recorded)") == true)
        // A head taken before the rewritten event still vouches for the events it covers.
        let earlier = try #require(try register.database.read { db in
            try Data.fetchOne(db, sql: "SELECT hash FROM audit_event WHERE id = ?", arguments: [target - 1])
        })
        #expect(try register.verify(from: AuditHead(hash: Array(earlier), count: target - 1)).brokenEvent == nil)
    }

    @Test("Truncating the last events verifies alone, and is caught by --from-head, naming the first deleted")
    func truncationCaughtByHead() throws {
        let register = try TestRegister()
        try register.appendEvents(5)
        let recorded = try register.head()
        try register.tamper("DELETE FROM audit_event WHERE id > ?", arguments: [recorded.count - 2])
        guard case .verified(let shorter) = try register.verify() else {
            Issue.record("a truncated chain verifies by itself")
            return
        }
        #expect(shorter.count == recorded.count - 2)
        #expect(try register.verify(from: recorded) == .broken(
            event: recorded.count - 1, reason: "the recorded head \(recorded) covers \(recorded.count) events but "
                + "the trail holds \(recorded.count - 2): events \(recorded.count - 1) to \(recorded.count) were deleted"))
        // Truncated, then appended to: the new event at the recorded count has another hash.
        try register.appendEvents(3, label: "refill")
        #expect(try register.verify(from: recorded).brokenEvent == recorded.count)
    }

    @Test("visor audit verify's store call audits itself after the walk: the head it returns excludes its own event")
    func verificationAudited() throws {
        let register = try TestRegister()
        let mark = try register.lastEventID
        let result = try register.database.verifyAuditTrail(from: nil, by: .operator(osUser: "tester"))
        guard case .verified(let head) = result else {
            Issue.record("a fresh register does not verify")
            return
        }
        #expect(head.count == mark)
        let events = try register.events(after: mark)
        #expect(events.map(\.action) == ["audit_verify"])
        #expect(events.first?.detail == "verified: head \(head)")
        // The next verification, from that head, finds it a prefix.
        #expect(try register.database.verifyAuditTrail(from: head, by: .operator(osUser: "tester")).brokenEvent == nil)
    }
}

extension AuditVerification {
    var brokenEvent: Int64? {
        if case .broken(let event, _) = self { return event }
        return nil
    }

    var reason: String? {
        if case .broken(_, let reason) = self { return reason }
        return nil
    }
}
