import Testing
@testable import VisorTUI

/// The registry is what `?` and `:` show; the keymap is what keys do. They must agree.
@Suite("The action registry and the keymap agree")
struct RegistryKeymapTests {
    /// The key a registry key name stands for; nil for palette commands such as `:policy`.
    static func key(named name: String) -> Key? {
        switch name {
        case "Tab": return .tab
        case "Shift-Tab": return .backTab
        case "Enter": return .enter
        case "Esc": return .escape
        case "PgDn": return .pageDown
        case "PgUp": return .pageUp
        case "Space": return .character(" ")
        case "Home": return .home
        case "End": return .end
        case "↓": return .down
        case "↑": return .up
        case "→": return .right
        case "←": return .left
        default:
            if name.hasPrefix("Ctrl-"), let letter = name.last { return .control(Character(letter.lowercased())) }
            if name.count == 1, let character = name.first { return .character(character) }
            return nil
        }
    }

    @Test("Every key the registry lists does that action, in every pane where the action applies",
          arguments: ActionRegistry.all.indices)
    func registryKeysReachTheirActions(index: Int) throws {
        let info = ActionRegistry.all[index]
        let id = info.id
        #expect(!info.keys.isEmpty, "\(id) has no key")
        let panes: [PaneID] = switch info.scope {
        case .global: PaneID.allCases
        case .pane(let pane): [pane]
        }
        for name in info.keys {
            guard let key = Self.key(named: name) else {
                #expect(name.hasPrefix(":"), "\(name) is neither a key nor a palette command")
                continue
            }
            for pane in panes {
                #expect(Keymap.action(for: key, in: pane) == id, "\(name) in \(pane) should do \(id)")
            }
        }
    }

    @Test("No two actions of the same pane share a key")
    func noClashes() {
        for pane in PaneID.allCases {
            var seen: [String: ActionID] = [:]
            for info in ActionRegistry.all {
                if case .pane(let scoped) = info.scope, scoped != pane { continue }
                for name in info.keys {
                    #expect(seen[name] == nil, "\(name) is bound to both \(seen[name].map { "\($0)" } ?? "") and \(info.id) in \(pane)")
                    seen[name] = info.id
                }
            }
        }
    }
}
