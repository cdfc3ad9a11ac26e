/// The name of an action, as the palette and tests refer to it. Each binding
/// declares its own (`ActionID("zoom")`), beside its title, keys and handler.
public struct ActionID: Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { rawValue = value }
    public var description: String { rawValue }
}

/// Where a binding applies.
public enum BindingScope: Hashable, Sendable {
    /// In the main screen, whichever pane has the focus.
    case global
    /// In the main screen, when this pane has the focus.
    case pane(PaneID)
    /// On a screen other than the main one (sign-in, acknowledgement, lock).
    case screen(ScreenKind)
    /// While this overlay is open.
    case overlay(OverlayKind)
}

/// The screens that take keys of their own, before the main one.
public enum ScreenKind: String, Hashable, Sendable { case signIn = "sign-in", acknowledge, lock }

/// The overlays, as scopes of their keys.
public enum OverlayKind: String, Hashable, Sendable { case help, palette, policy, prompt, confirm, detail, choice, form }

/// One action of the application, declared once: what it is called, its
/// keys, where it applies, whether it changes data (so read-only users never
/// see it), why it cannot run now, and what it does. The keymap, `?` help,
/// the `:` palette, the hint lines of dialogs and read-only filtering all
/// derive from these declarations (lazygit's `Binding`, tig's request table).
public struct Binding: Sendable {
    public let id: ActionID
    public let title: String
    public let keys: [Key]
    public let scope: BindingScope
    public let changesData: Bool
    /// Names typed in the palette that run it (`:policy`, `:quit`), besides its title.
    public let commands: [String]
    /// Shown in its dialog's hint line when it can run ("a accept · d decline · Esc close").
    public let showsInHint: Bool
    /// Why it cannot run now; nil when it can. The palette greys it out with the reason, and
    /// pressing its key says the reason instead of doing nothing.
    let whyNot: @MainActor @Sendable (AppCore) -> String?
    let run: @MainActor @Sendable (AppCore) -> Void

    public init(_ id: ActionID, _ title: String, keys: [Key], scope: BindingScope = .global,
                changesData: Bool = false, commands: [String] = [], showsInHint: Bool = false,
                whyNot: @escaping @MainActor @Sendable (AppCore) -> String? = { _ in nil },
                run: @escaping @MainActor @Sendable (AppCore) -> Void) {
        self.id = id
        self.title = title
        self.keys = keys
        self.scope = scope
        self.changesData = changesData
        self.commands = commands
        self.showsInHint = showsInHint
        self.whyNot = whyNot
        self.run = run
    }

    /// The keys as help shows them: "j ↓".
    public var keyNames: String { keys.map(\.name).joined(separator: " ") }
}
