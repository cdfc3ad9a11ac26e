import VisorDomain
import VisorStore

extension AppCore {
    /// The partner-request keys; their store operations arrive with the partner workflow.
    func performPartnerAction(_ action: ActionID) {
        say("Not available yet", error: true)
    }

    func submitPrompt(_ state: PromptState) {
        overlay = nil
    }

    /// True when a dialog holds typed text that quitting would lose.
    var hasUnsavedInput: Bool {
        if case .prompt(let state)? = overlay { return !state.field.text.isEmpty }
        return false
    }
}
