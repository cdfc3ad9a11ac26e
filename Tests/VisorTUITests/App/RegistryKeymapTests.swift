import Testing
@testable import VisorTUI

/// The declarations are what `?` and `:` show; the keymap is what keys do. They must agree, on every
/// screen, for every pane registered.
@MainActor
@Suite("The bindings and the keymap agree")
struct RegistryKeymapTests {
    @Test("Every key a binding declares runs that binding, in every pane where it applies")
    func bindingKeysReachTheirBindings() throws {
        let core = try AppCore.signedIn(as: "cpc")
        for binding in Keymap.all(core) {
            let scopeSets: [[BindingScope]] = switch binding.scope {
            case .global: core.panes.map { [.pane($0.id), .global] }
            case .pane(let pane): [[.pane(pane), .global]]
            case .screen, .overlay: [[binding.scope]]
            }
            #expect(!binding.keys.isEmpty || !binding.commands.isEmpty, "\(binding.id) has neither key nor command")
            for key in binding.keys {
                for scopes in scopeSets {
                    let found = Keymap.binding(for: key, in: scopes, core: core)
                    // A pane may bind a key the global keys also bind (Enter, /): the pane's wins there.
                    if case .global = binding.scope, case .pane(let pane)? = scopes.first,
                       core.pane(pane)?.bindings.contains(where: { $0.keys.contains(key) }) == true { continue }
                    #expect(found?.id == binding.id, "\(key.name) in \(scopes) should run \(binding.id), runs \(found?.id.rawValue ?? "nothing")")
                }
            }
        }
    }

    @Test("No two bindings of one scope share a key")
    func noClashes() throws {
        let core = try AppCore.signedIn(as: "cpc")
        var seen: [BindingScope: [Key: ActionID]] = [:]
        for binding in Keymap.all(core) {
            for key in binding.keys {
                #expect(seen[binding.scope]?[key] == nil,
                        "\(key.name) in \(binding.scope) runs both \(seen[binding.scope]?[key]?.rawValue ?? "") and \(binding.id)")
                seen[binding.scope, default: [:]][key] = binding.id
            }
        }
    }

    @Test("Each registered pane gets its digit: the panes' order is the keys' order")
    func digitsFollowThePanes() throws {
        let core = try AppCore.signedIn(as: "cpc")
        for (index, pane) in core.panes.enumerated() {
            core.press(.character(Character(String(index + 1))))
            #expect(core.focus == pane.id)
        }
    }
}
