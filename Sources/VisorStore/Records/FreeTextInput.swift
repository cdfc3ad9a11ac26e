import VisorDomain
import VisorRegister

/// Free text on its way into the register: checked by the one rule of
/// `FreeText` in the store itself, so that no caller (command line,
/// application, a later one) can store a control, bidirectional or zero-width
/// character.
enum FreeTextInput {
    /// `text` as given, or bad input (exit 65) naming the field and the character.
    static func checked(_ text: String, field: String, multiline: Bool = false) throws(StoreError) -> String {
        do throws(FreeTextError) {
            try FreeText.validate(text, field: field, multiline: multiline)
        } catch {
            throw .badInput(error.description)
        }
        return text
    }
}
