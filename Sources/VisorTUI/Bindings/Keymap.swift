/// Every binding in force, gathered from their declarations, and what a key
/// does: the one lookup behind the keys, `?` help, the `:` palette, the hint
/// lines of dialogs and read-only filtering.
@MainActor
public enum Keymap {
    /// The bindings of the main screen: global, then each pane's, in the panes' order.
    static func mainBindings(_ core: AppCore) -> [Binding] {
        GlobalBindings.all(panes: core.panes) + core.panes.flatMap(\.bindings)
    }

    /// Every binding of every screen and overlay.
    public static func all(_ core: AppCore) -> [Binding] {
        mainBindings(core) + ScreenBindings.all + OverlayBindings.all
    }

    /// The bindings a user may see: all of them, or for a read-only user only those that change nothing.
    nonisolated static func available(_ bindings: [Binding], readOnly: Bool) -> [Binding] {
        bindings.filter { !readOnly || !$0.changesData }
    }

    /// The binding a key runs in `scopes`, searched in order (a pane's keys before the global ones).
    public static func binding(for key: Key, in scopes: [BindingScope], core: AppCore) -> Binding? {
        let candidates = scopes.contains(where: { if case .pane = $0 { true } else { $0 == .global } })
            ? mainBindings(core) : ScreenBindings.all + OverlayBindings.all
        for scope in scopes {
            if let found = candidates.first(where: { $0.scope == scope && $0.keys.contains(key) }) { return found }
        }
        return nil
    }

    /// The main screen's scopes for the focused pane.
    static func mainScopes(_ core: AppCore) -> [BindingScope] { [.pane(core.focus), .global] }
}

extension AppCore {
    /// Runs a binding: refused with the reason when it cannot run now, and for a read-only user
    /// when it would change data.
    func run(_ binding: Binding) {
        if binding.changesData, user?.hasWorkingRole != true {
            say("Read-only access: a senior probation officer cannot change records", error: true)
            return
        }
        if let reason = binding.whyNot(self) { return say(reason) }
        binding.run(self)
    }

    /// Looks a key up in `scopes` and runs what it is bound to; returns false when nothing is.
    @discardableResult
    func dispatch(_ key: Key, in scopes: [BindingScope]) -> Bool {
        guard let binding = Keymap.binding(for: key, in: scopes, core: self) else { return false }
        run(binding)
        return true
    }
}
