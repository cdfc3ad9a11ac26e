import VisorDomain

/// One paragraph of a detail view: an optional label ("Reason") and its text,
/// wrapped under itself however long it is.
public struct DetailParagraph: Sendable, Hashable {
    public var label: String?
    public var text: String
    var role: ThemeRole

    public init(_ label: String?, _ text: String) {
        self.label = label
        self.text = text
        self.role = .dialog
    }

    init(_ label: String?, _ text: String, role: ThemeRole) {
        self.label = label
        self.text = text
        self.role = role
    }
}

/// A text shown whole in a scrolling dialog; what it is about decides the keys it offers.
public struct DetailState: Sendable {
    public enum Subject: Sendable {
        /// Plain text (a long message, a cut-off line).
        case text
        /// A partner request: `a` `R` `d` `w` answer or withdraw it, `o` opens its record.
        case request(QueueItem)
        /// An action: Enter follows it.
        case action(ActionItem)
    }

    public var title: String
    public var paragraphs: [DetailParagraph]
    public var subject: Subject = .text
    public var scroll = 0
}
