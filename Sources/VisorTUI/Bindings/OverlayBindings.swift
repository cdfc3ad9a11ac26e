/// The keys of the dialogs. What a dialog does not bind goes to its text
/// field, if it has one (the palette, a prompt); otherwise it does nothing.
@MainActor
enum OverlayBindings {
    static let all: [Binding] = reading(.help) + reading(.policy) + palette + prompt + confirm + detail + choice + form

    /// Help and the policy: scrolled, then closed.
    static func reading(_ kind: OverlayKind) -> [Binding] {
        [
            Binding(ActionID("close \(kind.rawValue)"), "Close", keys: [.escape, .character("q"), .character("?"), .enter],
                    scope: .overlay(kind), run: { $0.overlay = nil }),
        ] + scrolling(kind)
    }

    /// j/k, PgDn/PgUp and g in a scrolled dialog.
    /// Ctrl-Q and Ctrl-C in an overlay that takes typing: quit, asking first when something is typed.
    static func quitWhileTyping(_ id: ActionID, _ kind: OverlayKind) -> Binding {
        Binding(id, "Quit (asks first when something is typed)", keys: [.control("q"), .control("c")],
                scope: .overlay(kind), run: { $0.quitAskingWhenTyped() })
    }

    static func scrolling(_ kind: OverlayKind) -> [Binding] {
        [
            Binding(ActionID("\(kind.rawValue) down"), "Scroll down", keys: [.character("j"), .down],
                    scope: .overlay(kind), run: { $0.scrollOverlay(by: 1) }),
            Binding(ActionID("\(kind.rawValue) up"), "Scroll up", keys: [.character("k"), .up],
                    scope: .overlay(kind), run: { $0.scrollOverlay(by: -1) }),
            Binding(ActionID("\(kind.rawValue) page down"), "Page down", keys: [.pageDown, .character(" ")],
                    scope: .overlay(kind), run: { $0.scrollOverlay(by: 10) }),
            Binding(ActionID("\(kind.rawValue) page up"), "Page up", keys: [.pageUp],
                    scope: .overlay(kind), run: { $0.scrollOverlay(by: -10) }),
            Binding(ActionID("\(kind.rawValue) top"), "The beginning", keys: [.character("g"), .home],
                    scope: .overlay(kind), run: { $0.scrollOverlay(by: Int.min / 2) }),
        ]
    }

    static let palette: [Binding] = [
        Binding("closePalette", "Close", keys: [.escape], scope: .overlay(.palette), run: { $0.overlay = nil }),
        Binding("runPaletteChoice", "Run the chosen command", keys: [.enter], scope: .overlay(.palette),
                run: { $0.runPaletteChoice() }),
        Binding("paletteNext", "Next command", keys: [.down, .tab, .control("n")], scope: .overlay(.palette),
                run: { $0.movePaletteChoice(by: 1) }),
        Binding("palettePrevious", "Previous command", keys: [.up, .backTab, .control("p")], scope: .overlay(.palette),
                run: { $0.movePaletteChoice(by: -1) }),
    ]

    static let prompt: [Binding] = [
        Binding("cancelPrompt", "Cancel", keys: [.escape], scope: .overlay(.prompt), run: { $0.overlay = nil }),
        Binding("submitPrompt", "Send", keys: [.enter], scope: .overlay(.prompt), run: { core in
            if case .prompt(let state)? = core.overlay { core.submitPrompt(state) }
        }),
        quitWhileTyping("quitFromPrompt", .prompt),
    ]

    static let confirm: [Binding] = [
        Binding("yes", "Yes", keys: [.character("y"), .character("Y")], scope: .overlay(.confirm), run: { core in
            guard case .confirm(let state)? = core.overlay else { return }
            core.overlay = nil
            core.carryOut(state.step)
        }),
        Binding("no", "No", keys: [.character("n"), .character("N"), .escape], scope: .overlay(.confirm), run: { core in
            guard case .confirm(let state)? = core.overlay else { return }
            core.overlay = state.returnTo
        }),
    ]

    static let detail: [Binding] = [
        Binding("detailAccept", "Accept", keys: [.character("a")], scope: .overlay(.detail), changesData: true,
                showsInHint: true, whyNot: { answerProblem($0) },
                run: { core in if let item = core.detailRequest { core.confirmAccept(item, restricted: false, returnTo: core.overlay) } }),
        Binding("detailAcceptRestricted", "Accept as restricted", keys: [.character("R")], scope: .overlay(.detail),
                changesData: true, showsInHint: true, whyNot: { answerProblem($0, restricted: true) },
                run: { core in if let item = core.detailRequest { core.confirmAccept(item, restricted: true, returnTo: core.overlay) } }),
        Binding("detailDecline", "Decline", keys: [.character("d")], scope: .overlay(.detail), changesData: true,
                showsInHint: true, whyNot: { answerProblem($0) },
                run: { core in if let item = core.detailRequest { core.askDeclineReason(item) } }),
        Binding("detailWithdraw", "Withdraw", keys: [.character("w")], scope: .overlay(.detail), changesData: true,
                showsInHint: true,
                whyNot: { core in core.detailRequest.map { AppCore.withdrawProblem($0) } ?? "Not a request" },
                run: { core in if let item = core.detailRequest { core.withdraw(item) } }),
        Binding("detailOpen", "Open the record", keys: [.character("o")], scope: .overlay(.detail), showsInHint: true,
                whyNot: { $0.detailNominal == nil ? "Not about a record" : nil }, run: { $0.openDetailRecord() }),
        Binding("detailEnter", "Open what it is about, or close", keys: [.enter], scope: .overlay(.detail),
                run: { $0.enterOnDetail() }),
        Binding("closeDetail", "Close", keys: [.escape, .character("q")], scope: .overlay(.detail), showsInHint: true,
                run: { $0.overlay = nil }),
    ] + scrolling(.detail)

    /// Why the request a detail view shows cannot be answered by this user, if it cannot.
    private static func answerProblem(_ core: AppCore, restricted: Bool = false) -> String? {
        guard let item = core.detailRequest else { return "Not a request" }
        return AppCore.answerProblem(item, restricted: restricted)
    }

    /// A form: move between fields, choose a code, save, or discard (asked first when typed in).
    static let form: [Binding] = [
        Binding("formNext", "Next field (or the next choice)", keys: [.tab, .down], scope: .overlay(.form),
                run: { $0.moveFormFocus(by: 1) }),
        Binding("formPrevious", "Previous field (or choice)", keys: [.backTab, .up], scope: .overlay(.form),
                run: { $0.moveFormFocus(by: -1) }),
        Binding("formPageDown", "Ten fields on", keys: [.pageDown], scope: .overlay(.form),
                run: { $0.moveFormFocus(by: 10) }),
        Binding("formPageUp", "Ten fields back", keys: [.pageUp], scope: .overlay(.form),
                run: { $0.moveFormFocus(by: -10) }),
        Binding("formEnter", "Next field; on the last, save; in the choices, choose", keys: [.enter],
                scope: .overlay(.form), run: { $0.enterOnForm() }),
        Binding("formSave", "Save", keys: [.control("s")], scope: .overlay(.form), changesData: true,
                run: { $0.saveForm() }),
        Binding("formChoices", "Choose the field's value from a list", keys: [.control("o")], scope: .overlay(.form),
                run: { $0.openFormChoices() }),
        Binding("formEscape", "Close the choices; discard the form (asks when typed in)", keys: [.escape],
                scope: .overlay(.form), run: { $0.escapeForm() }),
        quitWhileTyping("quitFromForm", .form),
    ]

    static let choice: [Binding] = [
        Binding("cancelChoice", "Cancel", keys: [.escape, .character("q")], scope: .overlay(.choice),
                run: { $0.overlay = nil }),
        Binding("choiceDown", "Next", keys: [.character("j"), .down], scope: .overlay(.choice),
                run: { $0.moveChoice(by: 1) }),
        Binding("choiceUp", "Previous", keys: [.character("k"), .up], scope: .overlay(.choice),
                run: { $0.moveChoice(by: -1) }),
        Binding("choose", "Choose", keys: [.enter], scope: .overlay(.choice), run: { $0.choose() }),
    ]
}
