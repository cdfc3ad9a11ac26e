import VisorDomain
import VisorRegister

extension Overlay {
    /// The scope of its keys.
    var kind: OverlayKind {
        switch self {
        case .help: .help
        case .palette: .palette
        case .policy: .policy
        case .prompt: .prompt
        case .confirm: .confirm
        case .detail: .detail
        case .choice: .choice
        case .form: .form
        }
    }
}

/// What the dialogs' bindings call.
extension AppCore {
    /// A key no binding of the dialog took: typed into its field, if it has one.
    func typeIntoOverlay(_ key: Key) {
        switch overlay {
        case .palette(var state)?:
            guard state.field.handle(key) else { return }
            state.selected = 0
            overlay = .palette(state)
        case .prompt(var state)?:
            let before = state.field.text
            _ = state.field.handle(key)
            // An error about what was typed goes as soon as the user types again.
            if state.field.text != before { state.message = nil }
            overlay = .prompt(state)
        case .form(var state)?:
            typeIntoForm(&state, key)
            overlay = .form(state)
        default:
            break
        }
    }

    /// j/k and pages in help, the policy and a detail view.
    func scrollOverlay(by delta: Int) {
        func moved(_ scroll: Int) -> Int { max(0, scroll.addingReportingOverflow(delta).partialValue) }
        switch overlay {
        case .help(let scroll)?: overlay = .help(scroll: moved(scroll))
        case .policy(let scroll)?: overlay = .policy(scroll: moved(scroll))
        case .detail(var state)?:
            state.scroll = moved(state.scroll)
            overlay = .detail(state)
        default: break
        }
    }

    // MARK: The palette

    /// The palette's commands for this user: the main screen's bindings, read-only filtered.
    var paletteBindings: [Binding] {
        Keymap.available(Keymap.mainBindings(self), readOnly: user?.hasWorkingRole != true)
    }

    func movePaletteChoice(by step: Int) {
        guard case .palette(var state)? = overlay else { return }
        let count = state.matches(in: paletteBindings).count
        state.selected = min(max(0, state.selected + step), max(0, count - 1))
        overlay = .palette(state)
    }

    func runPaletteChoice() {
        guard case .palette(let state)? = overlay else { return }
        overlay = nil
        let matches = state.matches(in: paletteBindings)
        if matches.indices.contains(state.selected) { run(matches[state.selected]) }
    }

    // MARK: A detail view

    /// The request a detail view shows, if it shows one.
    var detailRequest: QueueItem? {
        if case .detail(let state)? = overlay, case .request(let item) = state.subject { return item }
        return nil
    }

    /// The nominal a detail view is about, if any.
    var detailNominal: NominalID? {
        guard case .detail(let state)? = overlay else { return nil }
        switch state.subject {
        case .request(let item): return item.nominalID
        case .action(let item): return item.action.nominalID
        case .text: return nil
        }
    }

    func openDetailRecord() {
        guard let nominal = detailNominal else { return }
        if case .detail(let state)? = overlay, case .action(let item) = state.subject {
            overlay = nil
            return follow(item)
        }
        overlay = nil
        openRecord(nominal, foundExactly: true)
    }

    /// Enter in a detail view: what it is about (a request's record, where an action leads), else close.
    func enterOnDetail() {
        if detailNominal != nil { openDetailRecord() } else { overlay = nil }
    }

    /// The hint line of a detail view: its keys that can run now.
    func detailHint() -> String {
        let readOnly = user?.hasWorkingRole != true
        var parts = OverlayBindings.detail.filter { binding in
            binding.showsInHint && (!readOnly || !binding.changesData) && binding.whyNot(self) == nil
        }.map { "\($0.keyNames.components(separatedBy: " ").first ?? "") \($0.title.lowercased())" }
        if case .detail(let state)? = overlay, case .text = state.subject { parts.insert("Enter close", at: 0) }
        return parts.joined(separator: " · ")
    }

    // MARK: A choice

    func moveChoice(by step: Int) {
        guard case .choice(var state)? = overlay else { return }
        state.selected = min(max(0, state.selected + step), max(0, state.options.count - 1))
        overlay = .choice(state)
    }

    func choose() {
        guard case .choice(let state)? = overlay, state.options.indices.contains(state.selected) else { return }
        chose(state.options[state.selected], for: state.purpose)
    }
}
