import CNcursesw
import VisorTUI

extension CursesTerminal {
    /// Waits up to `timeoutMilliseconds` for a key, mouse action or resize; nil
    /// on timeout, for keys Visor does not use, and once termination is requested.
    public func readEvent(timeoutMilliseconds: Int32) -> InputEvent? {
        guard !isStopped, !terminationRequested else { return nil }
        wtimeout(window, timeoutMilliseconds)
        var code: wint_t = 0
        let result = wget_wch(window, &code)
        // A signal interrupts the wait with ERR; the flag tells it from a timeout.
        guard result != ERR, !terminationRequested else { return nil }
        if result == KEY_CODE_YES {
            return functionKeyEvent(Int32(bitPattern: code))
        }
        return CursesKeys.character(UInt32(code)).map(InputEvent.key)
    }

    private func functionKeyEvent(_ code: Int32) -> InputEvent? {
        switch code {
        case KEY_RESIZE:
            needsFullRedraw = true
            let (width, height) = size
            return .resize(width: width, height: height)
        case KEY_MOUSE:
            return mouseEvent()
        default:
            return CursesKeys.function(code).map(InputEvent.key)
        }
    }

    private func mouseEvent() -> InputEvent? {
        var event = MEVENT()
        guard getmouse(&event) == OK else { return nil }
        let state = event.bstate
        let kind: MouseEvent.Kind
        if state & visor_BUTTON1_DOUBLE_CLICKED != 0 { kind = .doubleClick }
        else if state & visor_BUTTON1_CLICKED != 0 { kind = .click }
        else if state & visor_BUTTON1_PRESSED != 0 { kind = .press }
        else if state & visor_BUTTON1_RELEASED != 0 { kind = .release }
        else if state & visor_BUTTON4_PRESSED != 0 { kind = .wheelUp }
        else if visor_BUTTON5_PRESSED != 0, state & visor_BUTTON5_PRESSED != 0 { kind = .wheelDown }
        else { return nil }
        return .mouse(MouseEvent(kind: kind, x: Int(event.x), y: Int(event.y)))
    }
}
