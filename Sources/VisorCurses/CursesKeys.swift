import CNcursesw
import VisorTUI

/// Maps what `wget_wch` returns to keys.
enum CursesKeys {
    /// A character code (`wget_wch` returned OK). In raw mode control keys
    /// arrive as C0 codes; Ctrl-H (8) and DEL (127) are what terminals send for Backspace.
    static func character(_ code: UInt32) -> Key? {
        switch code {
        case 13, 10: return .enter
        case 9: return .tab
        case 27: return .escape
        case 8, 127: return .backspace
        case 0: return .control(" ")
        case 1...26: return Unicode.Scalar(code + 96).map { .control(Character($0)) }
        case 28...31: return Unicode.Scalar(code + 64).map { .control(Character($0)) }
        default: return Unicode.Scalar(code).map { .character(Character($0)) }
        }
    }

    /// A key code (`wget_wch` returned KEY_CODE_YES), other than resize and mouse.
    static func function(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_BTAB: return .backTab
        case KEY_ENTER: return .enter
        case (KEY_F0 + 1)...(KEY_F0 + 63): return .function(Int(code - KEY_F0))
        default: return nil
        }
    }
}
