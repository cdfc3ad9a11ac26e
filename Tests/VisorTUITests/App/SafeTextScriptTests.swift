import Foundation
import GRDB
import Testing
import VisorDomain
import VisorRegister
@testable import VisorStore
@testable import VisorTUI

/// No terminal injection in the application: names and reasons holding escape
/// sequences or bidirectional overrides (as a register written before these
/// were refused may hold them) show escaped in the list, the record, the
/// queue and its dialogs; a reason typed with one is refused under the field.
@MainActor
@Suite("Key scripts: hostile text is shown escaped and refused as input")
struct SafeTextScriptTests {
    static let surname = "Qqzevil\u{1B}[2J"
    static let forenames = "Anna\u{202E}nhoJ"
    static let reason = "\u{1B}]0;pwned\u{7}Needed for MAPP\u{202E}"

    /// A register of the test's own whose first pending request to London (CPC `cpc` answers it) is
    /// about a nominal with a hostile name and carries a hostile reason; returns the request's id.
    func hostileRegister() throws -> (AppDatabase, PartnerRequestID) {
        let database = try AppFixture.privateCopy()
        let id = try database.write { db -> PartnerRequestID in
            let row = try #require(try Row.fetchOne(db, sql: """
                SELECT r.id, r.nominal_id FROM partner_request r JOIN nominal n ON n.id = r.nominal_id
                JOIN agency a ON a.id = n.owner_agency_id
                WHERE r.state = 'pending' AND a.name = 'London' ORDER BY r.id LIMIT 1
                """))
            let nominal: NominalID = row["nominal_id"]
            try db.execute(sql: "UPDATE nominal SET surname = ?, forenames = ?, sort_key = ? WHERE id = ?",
                           arguments: [Self.surname, Self.forenames,
                                       NameKeys.sortKey(surname: Self.surname, forenames: Self.forenames), nominal])
            try db.execute(sql: "DELETE FROM name_key WHERE nominal_id = ?", arguments: [nominal])
            try NameKeys.insert(db, nominalID: nominal, surname: Self.surname, forenames: Self.forenames)
            try db.execute(sql: "UPDATE partner_request SET reason = ? WHERE id = ?", arguments: [Self.reason, row["id"]])
            return row["id"]
        }
        return (database, id)
    }

    /// Every cell of the screen is free of controls and bidirectional characters.
    func expectSafe(_ core: AppCore, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(core.render().grid.holdsNoUnsafeScalar, "\(what): \(core.screenText)", sourceLocation: sourceLocation)
    }

    @Test("the list, the record, the queue and the request's detail show the name and reason escaped")
    func shownEscaped() throws {
        let (database, id) = try hostileRegister()
        let core = try AppCore.signedIn(as: "cpc", width: 120, height: 40, database: database)

        core.press(.character("/"))
        core.type("qqzevil")
        core.press(.enter)
        #expect(core.paneLines(.list).joined().contains("QQZEVIL\\x1b[2J"), "\(core.paneLines(.list))")
        expectSafe(core, "list")

        core.press(.enter)
        let record = core.paneLines(.record).joined(separator: "\n")
        #expect(record.contains("\\x1b[2J"), "\(record)")
        #expect(record.contains("Anna\\u202enhoJ"), "\(record)")
        expectSafe(core, "record")

        core.press(.character("3"))
        let index = try #require(core.queue.shown.firstIndex { $0.requestID == id })
        core.press(.character("g"))
        core.press(.character("j"), times: index)
        #expect(core.queue.selectedItem?.requestID == id)
        #expect(core.paneLines(.queue).joined().contains("QQZEVIL\\x1b[2J, Anna\\u202enhoJ"), "\(core.paneLines(.queue))")
        expectSafe(core, "queue")

        core.press(.enter)
        let detail = core.screenText
        #expect(detail.contains("\\x1b]0;pwned\\x07Needed for MAPP\\u202e"), "\(detail)")
        #expect(detail.contains("Anna\\u202enhoJ"), "\(detail)")
        expectSafe(core, "request detail")

        core.press(.character("a"))
        #expect(core.screenText.contains("Anna\\u202enhoJ"), "the confirmation names the nominal: \(core.screenText)")
        expectSafe(core, "confirmation")
    }

    @Test("a reason typed with a control or an override is refused under the field; nothing is stored")
    func reasonRefused() throws {
        let (core, database) = try AppCore.signedInOnPrivateCopy(as: "cpc", width: 120, height: 40)
        let item = try core.selectFirstAnswerableRequest()
        let before = try database.read { db in try Row.fetchAll(db, sql: "SELECT * FROM partner_request ORDER BY id") }

        core.press(.character("d"))
        core.type("Not\u{7} ours")
        #expect(core.screenText.contains("Not\\x07 ours"), "the field shows what was typed, escaped")
        expectSafe(core, "field")
        core.press(.enter)
        #expect(core.screenText.contains("reason: control characters are not allowed (\\x07 at character 4)"),
                "\(core.screenText)")
        guard case .prompt(let prompt)? = core.overlay else {
            Issue.record("the dialog stays open with the text to correct")
            return
        }
        #expect(prompt.field.text == "Not\u{7} ours")
        expectSafe(core, "refusal")

        core.press(.control("u"))
        core.type("abc\u{202E}fdp")
        core.press(.enter)
        #expect(core.screenText.contains("reason: bidirectional controls are not allowed (\\u202e at character 4)"),
                "\(core.screenText)")
        expectSafe(core, "refusal")

        #expect(core.queue.items.first { $0.requestID == item.requestID }?.state == .pending)
        #expect(try database.read { db in try Row.fetchAll(db, sql: "SELECT * FROM partner_request ORDER BY id") }
            == before)
    }

    @Test("a theme file's warning quoting an escape sequence shows escaped on the sign-in screen")
    func themeWarning() throws {
        let result = ThemeLoader.parse("[overdue]\n\"\u{1B}[2J\u{202E}\" = \"red\"\n", path: "/tmp/evil\u{1B}[2J.toml")
        let warning = try #require(result.warnings.first)
        let core = try AppCore.onLoginScreen(width: 120, height: 40)
        core.showStartupMessage(warning)
        #expect(core.screenText.contains("evil\\x1b[2J.toml"), "\(core.screenText)")
        expectSafe(core, "sign-in screen")
    }
}
