import Foundation
import Testing
import VisorDomain
import VisorRegister
@testable import VisorStore
@testable import VisorTUI

/// The partner queue shows the whole request, and nothing is decided without a `y`.
@MainActor
@Suite("Key scripts: the partner queue")
struct QueueScriptTests {
    /// The CPC on a register of the test's own, in the queue, on the first request they may answer.
    func cpcOnAnswerableRequest() throws -> (AppCore, QueueItem) {
        let core = try AppCore.signedIn(as: "cpc", width: 120, height: 40, database: try AppFixture.privateCopy())
        return (core, try core.selectFirstAnswerableRequest())
    }

    @Test("Each queue line carries the reason; Enter shows the request whole: reason, who asked and when, the due date")
    func enterShowsWholeRequest() throws {
        let (core, item) = try cpcOnAnswerableRequest()
        #expect(core.paneLines(.queue).joined().contains("“"), "the reason starts on the line")
        core.press(.enter)
        guard case .detail(let detail)? = core.overlay else {
            Issue.record("no detail view")
            return
        }
        let text = OverlayViews.detailLines(detail.paragraphs, width: 80).map(\.text).joined(separator: " ")
        #expect(text.contains(item.agencyName))
        let requester = try #require(item.requestedBy)
        #expect(text.contains(requester))
        #expect(text.contains(item.due.iso))
        let screen = core.screenText
        #expect(screen.contains("Their reason"))
        #expect(screen.contains("a accept · R accept as restricted · d decline"))
        #expect(core.queue.items.first { $0.requestID == item.requestID }?.state == .pending, "nothing decided yet")
        // The reason shows whole, however long: every word of it is on the screen.
        for word in item.reason.split(separator: " ") { #expect(screen.contains(word), "\(word) of the reason") }
    }

    @Test("a asks first: n leaves the request pending; y accepts it, and the answered view (f) shows who and when")
    func acceptAsksFirst() throws {
        let (core, item) = try cpcOnAnswerableRequest()
        core.press(.character("a"))
        #expect(core.screenText.contains("Make \(item.agencyName) a full partner"))
        #expect(core.screenText.contains("y yes · n no"))
        core.press(.character("n"))
        #expect(core.overlay == nil)
        #expect(core.queue.items.first { $0.requestID == item.requestID }?.state == .pending)
        core.press(.character("a"), .character("y"))
        #expect(core.queue.shown.allSatisfy { $0.requestID != item.requestID }, "gone from the pending view")
        core.press(.character("f"))
        #expect(core.queue.view == .answered)
        let answered = try #require(core.queue.shown.first { $0.requestID == item.requestID })
        #expect(answered.state == .accepted)
        #expect(answered.decidedBy?.contains("(cpc)") == true)
        #expect(core.paneLines(.queue)[0].contains("answered, last 30 days"))
        #expect(core.paneLines(.queue).joined().contains("accepted"))
    }

    @Test("R from the request's detail asks first and accepts as restricted; n returns to the detail")
    func restrictedFromDetail() throws {
        let (core, item) = try cpcOnAnswerableRequest()
        core.press(.enter, .character("R"))
        #expect(core.screenText.contains("restricted partner"))
        core.press(.character("n"))
        guard case .detail? = core.overlay else {
            Issue.record("n returns to the request")
            return
        }
        core.press(.character("R"), .character("y"))
        core.press(.character("f"))
        let answered = try #require(core.queue.shown.first { $0.requestID == item.requestID })
        #expect(answered.state == .accepted && answered.restricted)
    }

    @Test("d asks for a reason: an empty one is refused under the field, the error goes when the user types")
    func declineNeedsReason() throws {
        let (core, item) = try cpcOnAnswerableRequest()
        core.press(.character("d"))
        #expect(core.screenText.contains("Enter to decline · Esc to cancel"))
        core.press(.enter)
        #expect(core.screenText.contains("A reason is required"))
        core.type("N")
        #expect(!core.screenText.contains("A reason is required"), "the error clears as soon as the user types")
        core.type("o legitimate purpose stated")
        core.press(.enter)
        core.press(.character("f"))
        let answered = try #require(core.queue.shown.first { $0.requestID == item.requestID })
        #expect(answered.state == .declined)
        #expect(answered.decisionReason == "No legitimate purpose stated")
    }

    @Test("The requester sees the answer and its reason in the answered view, and whole with v")
    func requesterSeesAnswer() throws {
        let database = try AppFixture.privateCopy()
        let (cpc, item) = try {
            let core = try AppCore.signedIn(as: "cpc", width: 120, height: 40, database: database)
            core.press(.character("3"))
            let index = try #require(core.queue.shown.firstIndex {
                $0.direction == .incoming && $0.mayAnswer && $0.agencyName == "Metropolitan Police Service"
            })
            core.press(.character("j"), times: index)
            return (core, try #require(core.queue.selectedItem))
        }()
        cpc.press(.character("d"))
        cpc.type("Not a MAPPA case for the police yet")
        cpc.press(.enter)
        let police = try AppCore.signedIn(as: "police", width: 120, height: 40, database: database)
        police.press(.character("3"), .character("f"))
        let index = try #require(police.queue.shown.firstIndex { $0.requestID == item.requestID })
        police.press(.character("j"), times: index)
        #expect(police.paneLines(.queue).joined().contains("declined"))
        police.press(.character("v"))
        let screen = police.screenText
        #expect(screen.contains("declined by"))
        #expect(screen.contains("(cpc)"))
        #expect(screen.contains("Not a MAPPA case for the police yet"))
    }

    @Test("/ filters the queue as you type; Enter keeps the filter, Esc clears it")
    func filterQueue() throws {
        let (core, item) = try cpcOnAnswerableRequest()
        let word = String(item.nominalName.prefix(while: { $0 != "," }))
        core.type("/" + word)
        #expect(core.queue.filter.isTyping)
        #expect(core.queue.shown.allSatisfy { $0.searchableText.localizedCaseInsensitiveContains(word) })
        #expect(core.queue.shown.contains { $0.requestID == item.requestID })
        core.press(.enter)
        #expect(!core.queue.filter.isTyping)
        #expect(core.paneLines(.queue)[0].contains("“\(word)”"))
        core.press(.escape)
        #expect(core.queue.filter.text.isEmpty)
        #expect(!core.paneLines(.queue)[0].contains("“"))
    }
}

/// `p` and `e` on the record: asked first, and `e` ends the partnership the user chooses.
@MainActor
@Suite("Key scripts: making and ending partnerships")
struct PartnershipKeysScriptTests {
    @Test("e lists the record's partners to choose from; the chosen one, and only it, is ended after a reason")
    func endChosenPartner() throws {
        let (core, database) = try AppCore.signedInOnPrivateCopy(as: "cpc", width: 120, height: 40)
        // A London record with at least two partners.
        let nominal = try AppFixture.nominalID(database, """
            SELECT p.nominal_id FROM partnership p JOIN nominal n ON n.id = p.nominal_id
            JOIN agency o ON o.id = n.owner_agency_id
            WHERE p.state = 'active' AND o.name = 'London' GROUP BY p.nominal_id HAVING count(*) >= 2 LIMIT 1
            """)
        core.openRecord(nominal, foundExactly: false)
        let partners = try #require(core.record.detail?.partners)
        core.press(.character("e"))
        guard case .choice(let choice)? = core.overlay else {
            Issue.record("e asks which partnership")
            return
        }
        #expect(choice.options.count == partners.count)
        for partner in partners { #expect(core.screenText.contains(partner.agency)) }
        core.press(.character("j"), .enter)
        let chosen = choice.options[1]
        guard case .prompt(let prompt)? = core.overlay else {
            Issue.record("a reason is asked")
            return
        }
        #expect(prompt.title.contains(chosen.label.components(separatedBy: " (").first ?? ""))
        #expect(core.screenText.contains("Enter to end the partnership"))
        core.type("Case closed for this agency")
        core.press(.enter)
        let left = try #require(core.record.detail?.partners.map(\.agencyID))
        #expect(!left.contains(chosen.value))
        #expect(left.count == partners.count - 1)
    }

    @Test("p asks before making the partner R5 or R6 requires; n changes nothing")
    func dutyPartnerAsks() throws {
        let (core, database) = try AppCore.signedInOnPrivateCopy(as: "cpc", width: 120, height: 40)
        let user = try #require(core.user)
        let r6 = try database.actionPage(ActionQuery(asOf: AppFixture.today, horizonDays: 30, agencyID: user.agencyID,
                                                     rules: [.r6]), offset: 0, limit: 1_000)
            .first { $0.action.nominalID != nil }
        let nominal = try #require(r6?.action.nominalID)
        core.openRecord(nominal, foundExactly: false)
        let before = core.record.detail?.partners.count
        core.press(.character("p"))
        #expect(core.screenText.contains("a full partner on"))
        core.press(.character("n"))
        #expect(core.record.detail?.partners.count == before)
        core.press(.character("p"), .character("y"))
        #expect(core.record.detail?.partners.count == (before ?? 0) + 1)
    }
}
