/// Maps a key to an action, given the focused pane: pane bindings first,
/// then global ones. Text fields take keys before the keymap does.
public enum Keymap {
    public static func action(for key: Key, in pane: PaneID) -> ActionID? {
        if let paneAction = paneAction(key, pane) { return paneAction }
        switch key {
        case .character("q"): return .quit
        case .control("c"): return .quitAsking
        case .character("?"): return .help
        case .character(":"): return .palette
        case .tab: return .focusNext
        case .backTab: return .focusPrevious
        case .character("1"): return .focusList
        case .character("2"): return .focusRecord
        case .character("3"): return .focusQueue
        case .character("4"): return .focusActions
        case .character("j"), .down: return .moveDown
        case .character("k"), .up: return .moveUp
        case .pageDown, .control("f"), .character(" "): return .pageDown
        case .pageUp, .control("b"): return .pageUp
        case .character("g"), .home: return .first
        case .character("G"), .end: return .last
        case .enter: return .open
        case .character("z"): return .zoom
        case .control("x"): return .lockScreen
        case .control("l"), .control("r"): return .redraw
        case .character("/"): return .search
        case .escape: return .clearFilter
        default: return nil
        }
    }

    private static func paneAction(_ key: Key, _ pane: PaneID) -> ActionID? {
        switch (pane, key) {
        case (.list, .character("s")): .sortNext
        case (.list, .character("S")): .sortPrevious
        case (.record, .character("l")), (.record, .right), (.record, .character("]")): .nextTab
        case (.record, .character("h")), (.record, .left), (.record, .character("[")): .previousTab
        case (.record, .character("r")): .requestPartnership
        case (.record, .character("p")): .addDutyPartner
        case (.record, .character("e")): .endPartnership
        case (.queue, .character("a")): .acceptRequest
        case (.queue, .character("R")): .acceptRestricted
        case (.queue, .character("d")): .declineRequest
        case (.queue, .character("w")): .withdrawRequest
        case (.queue, .character("f")): .toggleQueueView
        case (.queue, .character("v")), (.actions, .character("v")): .viewDetail
        case (.actions, .character("f")): .filterState
        case (.actions, .character("r")): .filterRule
        default: nil
        }
    }
}
