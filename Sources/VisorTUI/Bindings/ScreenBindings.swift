/// The keys of the screens before and over the main one: sign-in, the
/// acknowledgement of the instruction, the lock. What they do not bind goes
/// to the screen's text field.
@MainActor
enum ScreenBindings {
    static let all: [Binding] = signIn + acknowledge + lock

    static let signIn: [Binding] = [
        Binding("switchField", "Switch between user name and password", keys: [.tab, .backTab, .up, .down],
                scope: .screen(.signIn), run: { $0.login.onPassword.toggle() }),
        Binding("continue", "Continue: to the password, then sign in", keys: [.enter], scope: .screen(.signIn),
                run: { $0.continueSignIn() }),
        Binding("leave", "Leave", keys: [.control("c")], scope: .screen(.signIn), run: { $0.wantsQuit = true }),
    ]

    static let acknowledge: [Binding] = [
        Binding("acknowledge", "Record that you have read and understood the duties",
                keys: [.character("a"), .character("A")], scope: .screen(.acknowledge), run: { $0.acknowledge() }),
        Binding("leaveUnacknowledged", "Leave", keys: [.character("q"), .escape, .control("c")],
                scope: .screen(.acknowledge), run: { $0.wantsQuit = true }),
        Binding("readDown", "Read on", keys: [.character("j"), .down], scope: .screen(.acknowledge),
                run: { $0.scrollAcknowledgement(by: 1) }),
        Binding("readUp", "Back", keys: [.character("k"), .up], scope: .screen(.acknowledge),
                run: { $0.scrollAcknowledgement(by: -1) }),
        Binding("readPageDown", "Page down", keys: [.pageDown, .character(" ")], scope: .screen(.acknowledge),
                run: { $0.scrollAcknowledgement(pages: 1) }),
        Binding("readPageUp", "Page up", keys: [.pageUp], scope: .screen(.acknowledge),
                run: { $0.scrollAcknowledgement(pages: -1) }),
        Binding("readFirst", "The beginning", keys: [.character("g"), .home], scope: .screen(.acknowledge),
                run: { $0.acknowledgeScroll = 0 }),
        Binding("readLast", "The end", keys: [.character("G"), .end], scope: .screen(.acknowledge),
                run: { $0.scrollAcknowledgement(by: .max / 2) }),
    ]

    static let lock: [Binding] = [
        Binding("unlock", "Unlock with the password", keys: [.enter], scope: .screen(.lock), run: { $0.beginUnlock() }),
        Binding("leaveLocked", "Leave", keys: [.control("c")], scope: .screen(.lock), run: { $0.wantsQuit = true }),
    ]
}
