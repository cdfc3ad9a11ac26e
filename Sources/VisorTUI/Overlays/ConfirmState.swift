/// A change that waits for `y`.
public enum ConfirmedStep: Sendable, Hashable {
    case acceptRequest(id: Int64, restricted: Bool)
    case addPartner(nominal: Int64, agency: Int64)
    case quit
    /// Close a form, losing what was typed.
    case discardForm
    /// Take ownership of a record proposed to the user's agency.
    case acceptTransfer(id: Int64)
}

/// A yes/no question: `y` goes ahead, `n` or `Esc` goes back to what was open before.
public struct ConfirmState: Sendable {
    public var title: String
    /// The question, whole (it wraps in the dialog).
    public var question: String
    public var step: ConfirmedStep
    /// The overlay to return to on `n` (a draft the user was typing, a request's detail).
    public var returnTo: Overlay?
}

/// A short list to pick from with j/k and Enter.
public struct ChoiceState: Sendable {
    public enum Purpose: Sendable, Hashable {
        /// The partnership to end on a nominal; the options' values are agency ids.
        case endPartnership(nominal: Int64)
    }

    public var title: String
    public var options: [(label: String, value: Int64)]
    public var selected = 0
    public var purpose: Purpose

    public init(title: String, options: [(label: String, value: Int64)], purpose: Purpose, selected: Int = 0) {
        self.title = title
        self.options = options
        self.purpose = purpose
        self.selected = selected
    }
}
