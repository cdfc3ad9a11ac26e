import VisorDomain
import VisorStore

extension AppCore {
    /// Keys while an overlay is open: it takes them all.
    func handleOverlay(_ key: Key) {
        guard let current = overlay else { return }
        switch current {
        case .help(let scroll):
            overlay = scrolled(key, scroll, make: { .help(scroll: $0) })
        case .policy(let scroll):
            overlay = scrolled(key, scroll, make: { .policy(scroll: $0) })
        case .confirm(let state):
            switch key {
            case .character("y"), .character("Y"):
                overlay = nil
                carryOut(state.step)
            case .character("n"), .character("N"), .escape:
                overlay = state.returnTo
            default:
                break
            }
        case .palette(var state):
            handlePalette(key, &state)
        case .prompt(var state):
            handlePrompt(key, &state)
        case .detail(var state):
            handleDetail(key, &state)
        case .choice(var state):
            handleChoice(key, &state)
        }
    }

    private func scrolled(_ key: Key, _ scroll: Int, make: (Int) -> Overlay) -> Overlay? {
        switch key {
        case .escape, .character("q"), .character("?"), .enter: return nil
        case .character("j"), .down: return make(scroll + 1)
        case .character("k"), .up: return make(max(0, scroll - 1))
        case .pageDown, .character(" "): return make(scroll + 10)
        case .pageUp: return make(max(0, scroll - 10))
        case .character("g"), .home: return make(0)
        default: return make(scroll)
        }
    }

    private func handlePrompt(_ key: Key, _ state: inout PromptState) {
        switch key {
        case .escape: overlay = nil
        case .enter: submitPrompt(state)
        case .control("q"), .control("c"):
            if state.field.text.isEmpty { wantsQuit = true } else { askToQuit(returnTo: .prompt(state)) }
        default:
            let before = state.field.text
            _ = state.field.handle(key)
            // An error about what was typed goes as soon as the user types again.
            if state.field.text != before { state.message = nil }
            overlay = .prompt(state)
        }
    }

    private func handleDetail(_ key: Key, _ state: inout DetailState) {
        let readOnly = user?.hasWorkingRole != true
        switch (key, state.subject) {
        case (.escape, _), (.character("q"), _):
            overlay = nil
        case (.character("j"), _), (.down, _): state.scroll += 1; overlay = .detail(state)
        case (.character("k"), _), (.up, _): state.scroll = max(0, state.scroll - 1); overlay = .detail(state)
        case (.pageDown, _), (.character(" "), _): state.scroll += 10; overlay = .detail(state)
        case (.pageUp, _): state.scroll = max(0, state.scroll - 10); overlay = .detail(state)
        case (.character("g"), _), (.home, _): state.scroll = 0; overlay = .detail(state)
        case (.character("o"), .request(let item)), (.enter, .request(let item)):
            overlay = nil
            openRecord(item.nominalID, foundExactly: true)
        case (.character("a"), .request(let item)) where !readOnly:
            confirmAccept(item, restricted: false, returnTo: .detail(state))
        case (.character("R"), .request(let item)) where !readOnly:
            confirmAccept(item, restricted: true, returnTo: .detail(state))
        case (.character("d"), .request(let item)) where !readOnly:
            askDeclineReason(item)
        case (.character("w"), .request(let item)) where !readOnly:
            withdraw(item)
        case (.enter, .action(let item)):
            overlay = nil
            if item.action.nominalID != nil { follow(item) }
        case (.enter, .text):
            overlay = nil
        default:
            break
        }
    }

    private func handleChoice(_ key: Key, _ state: inout ChoiceState) {
        switch key {
        case .escape, .character("q"): overlay = nil
        case .character("j"), .down:
            state.selected = min(state.selected + 1, max(0, state.options.count - 1))
            overlay = .choice(state)
        case .character("k"), .up:
            state.selected = max(0, state.selected - 1)
            overlay = .choice(state)
        case .enter:
            guard state.options.indices.contains(state.selected) else { return }
            chose(state.options[state.selected], for: state.purpose)
        default:
            break
        }
    }

    private func handlePalette(_ key: Key, _ state: inout PaletteState) {
        let matches = state.matches(readOnly: user?.hasWorkingRole != true)
        switch key {
        case .escape:
            overlay = nil
        case .enter:
            overlay = nil
            let typed = state.field.text.trimmingCharacters(in: .whitespaces).lowercased()
            if typed == "policy" || typed == "q" || typed == "quit" {
                perform(typed == "policy" ? .showPolicy : .quit)
            } else if matches.indices.contains(state.selected) {
                perform(matches[state.selected].id)
            }
        case .down, .tab, .control("n"):
            state.selected = min(state.selected + 1, max(0, matches.count - 1))
            overlay = .palette(state)
        case .up, .backTab, .control("p"):
            state.selected = max(0, state.selected - 1)
            overlay = .palette(state)
        default:
            _ = state.field.handle(key)
            state.selected = 0
            overlay = .palette(state)
        }
    }

    /// True when a dialog holds typed text that quitting would lose.
    var hasUnsavedInput: Bool {
        if case .prompt(let state)? = overlay { return !state.field.text.isEmpty }
        return false
    }
}
