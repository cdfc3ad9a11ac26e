import Testing
import VisorDomain
@testable import VisorTUI

/// Key scripts on the sign-in and first-use screens.
@MainActor
@Suite("Key scripts: sign-in and acknowledgement")
struct LoginScriptTests {
    @Test("A wrong password says only \"Incorrect user name or password\" and stays on the sign-in screen")
    func wrongPassword() throws {
        let core = try AppCore.onLoginScreen()
        core.signIn("om", password: "not-the-password")
        #expect(core.screen == .login)
        #expect(core.user == nil)
        #expect(core.screenText.contains("Incorrect user name or password"))
        #expect(!core.screenText.contains("not-the-password"))
        #expect(core.login.password.text.isEmpty, "the password field is cleared for another try")
        #expect(core.login.onPassword, "the cursor stays in the password field")
        // Then the right one, typed into the same form.
        core.type(AppFixture.password)
        core.press(.enter)
        core.completePendingWork()
        #expect(core.screen == .main)
        #expect(core.user?.username == "om")
    }

    @Test("An unknown user name gets the same message as a wrong password")
    func unknownUser() throws {
        let core = try AppCore.onLoginScreen()
        core.signIn("nobody-here", password: AppFixture.password)
        #expect(core.screen == .login)
        #expect(core.screenText.contains("Incorrect user name or password"))
    }

    @Test("The password is never shown, and Enter shows \"Signing in…\" before the check runs")
    func passwordNotEchoed() throws {
        let core = try AppCore.onLoginScreen()
        core.type("spo")
        #expect(core.screenText.contains("User name   spo"))
        #expect(core.render().cursor.map { $0.y } != nil)
        core.press(.tab)
        core.type(AppFixture.password)
        #expect(!core.screenText.contains(AppFixture.password))
        core.press(.enter)
        #expect(core.login.pending)
        #expect(core.screenText.contains("Signing in…"))
        #expect(core.render().cursor == nil, "no cursor while signing in")
        core.completePendingWork()
        #expect(core.screen == .main)
    }

    @Test("The right password opens the list with the status line `spo · London`")
    func rightPassword() throws {
        let core = try AppCore.onLoginScreen()
        core.signIn("spo", password: AppFixture.password)
        #expect(core.screen == .main)
        #expect(core.focus == .list)
        #expect(core.focusedPaneOnScreen == .list)
        // The kept actions are read at sign-in: the count is there in the first frame.
        let overdue = NumberText.grouped(core.actions.overdueCount)
        #expect(core.actions.overdueCount > 0)
        #expect(core.statusLineText.hasPrefix(" spo · London · \(overdue) overdue"))
        #expect(core.statusLineText.contains("read-only"), "an SPO is told they cannot change records")
        let first = try #require(core.list.rows.first)
        #expect(core.list.selected == 0)
        #expect(core.highlightedListLine?.hasPrefix(first.displayName) == true)
        #expect(core.screenText.contains("1 Nominals · 1/"))
    }

    @Test("A user who has not acknowledged the instruction reads the duties; a records the acknowledgement")
    func acknowledgement() throws {
        let username = AppFixture.newStarters[0]
        let core = try AppCore.onLoginScreen()
        core.signIn(username, password: AppFixture.password)
        #expect(core.screen == .acknowledge)
        let text = core.screenText
        #expect(text.contains(InstructionSummary.title))
        #expect(text.contains("1. Probation creates the record"))
        #expect(text.contains("Press a to record that you have read and understood them"))
        // The duties run past 80×24: the end is reached by scrolling.
        #expect(!text.contains("11. Everyone likely to use the register"))
        #expect(text.contains("more lines: j or PgDn to read on"))
        core.press(.pageDown, .pageDown)
        #expect(core.screenText.contains("11. Everyone likely to use the register knows this instruction."))
        #expect(!core.screenText.contains("more lines"))
        core.press(.character("k"), .character("g"))
        #expect(core.acknowledgeScroll == 0)
        // Other keys do nothing; a records it, audited, and opens the list.
        core.press(.character("x"), .enter)
        #expect(core.screen == .acknowledge)
        core.press(.character("a"))
        #expect(core.screen == .main)
        #expect(core.user?.acknowledgedAt != nil)
        let stored = try #require(try AppFixture.database().user(named: username))
        #expect(stored.acknowledgedAt != nil)
        // The next sign-in goes straight to the list.
        let again = try AppCore.onLoginScreen()
        again.signIn(username, password: AppFixture.password)
        #expect(again.screen == .main)
    }

    @Test("With --user the cursor starts in the password field")
    func prefilledUser() throws {
        let core = try AppCore.onLoginScreen(prefilledUser: "cpc")
        #expect(core.login.onPassword)
        #expect(core.screenText.contains("User name   cpc"))
        core.type(AppFixture.password)
        core.press(.enter)
        core.completePendingWork()
        #expect(core.screen == .main)
        #expect(core.statusLineText.hasPrefix(" cpc · London"))
        #expect(!core.statusLineText.contains("read-only"))
    }

    @Test("Ctrl-C leaves from the sign-in screen; q there is just a letter")
    func leaveFromLogin() throws {
        let core = try AppCore.onLoginScreen()
        core.type("q")
        #expect(!core.wantsQuit)
        #expect(core.login.username.text == "q")
        core.press(.control("c"))
        #expect(core.wantsQuit)
    }
}
