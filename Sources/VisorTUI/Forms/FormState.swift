import VisorDomain
import VisorRegister

/// One labelled field of a form: what is typed, and what it may be.
public struct FormField: Sendable, Hashable {
    /// The name its errors carry (`date_of_birth`, `text`, `next_review`): the command line's field.
    public var key: String
    public var label: String
    public var input: TextField
    /// The values Ctrl-O offers (codes, agencies), when the field takes one of a list.
    public var choices: [String]
    /// A date typed as ISO: the form shows its weekday.
    public var isDate: Bool
    /// Several values, separated by `; ` (aliases, attending agencies): a choice is added, not put in place.
    public var isList: Bool

    public init(key: String, label: String, text: String = "", choices: [String] = [], isDate: Bool = false,
                isList: Bool = false) {
        self.key = key
        self.label = label
        self.input = TextField(text: text)
        self.choices = choices
        self.isDate = isDate
        self.isList = isList
    }

    public var text: String { input.text }
}

/// What a form is for, and the record it is about.
public enum FormPurpose: Sendable, Hashable {
    case createNominal
    /// Core data of a record, as it was at `version` (a change made since is refused on save).
    case editNominal(NominalID, version: Int64)
    case entry(NominalID)
    case meeting(NominalID)
    case check(NominalID, RecordCheck.Kind)
    case notification(NominalID)
    case transfer(NominalID)
}

/// What validation as you type needs besides the fields.
public struct FormContext: Sendable {
    public var today: LocalDate
    public var agencies: AgencyIndex
    public var policy: Policy
    /// The entries the user may see on the record: the only ones an entry may correct.
    public var correctable: Set<Int64> = []
    /// The record's manager when the form opened (an edit that changes it assigns another).
    public var manager: String?
    /// The record as the form opened on it: a meeting is not before its date of birth, a transfer
    /// goes to another agency than its owner, a notification is checked against its last one.
    public var nominal: Nominal?
}

/// A short list offered for the focused field (Ctrl-O), narrowed by what is typed.
public struct FormChoiceList: Sendable, Hashable {
    public var options: [String]
    public var selected = 0
}

/// A form over the panes: labelled fields, validated as the user types, errors beside each field;
/// kept whole over a resize and an idle lock, and asked about before it is discarded.
public struct FormState: Sendable {
    public var title: String
    public var purpose: FormPurpose
    public var fields: [FormField]
    public var focus = 0
    /// Each field's error, by key, as validation found it.
    public var errors: [String: String] = [:]
    /// Fields the user has typed in or left: their errors show (a blank form is not a page of errors).
    public var touched: Set<String> = []
    /// A refusal, a conflict or a warning from the register, at the foot of the form.
    public var message: String?
    /// After a namesake warning, saving again confirms that this is another person.
    public var confirmDuplicate = false
    public var choosing: FormChoiceList?
    public var context: FormContext
    /// The texts as the form opened: Esc asks only when something changed.
    let original: [String]

    public init(title: String, purpose: FormPurpose, fields: [FormField], context: FormContext, focus: Int = 0) {
        self.title = title
        self.purpose = purpose
        self.fields = fields
        self.context = context
        self.focus = min(max(0, focus), max(0, fields.count - 1))
        self.original = fields.map(\.text)
    }

    public var isDirty: Bool { fields.map(\.text) != original }

    public var focusedField: FormField? { fields.indices.contains(focus) ? fields[focus] : nil }

    /// The text of the field `key` (empty when the form has none).
    public func value(_ key: String) -> String { fields.first { $0.key == key }?.text ?? "" }

    /// The error shown beside `field`: once touched, or after a save was tried.
    public func shownError(_ field: FormField) -> String? { touched.contains(field.key) ? errors[field.key] : nil }

    public mutating func moveFocus(by step: Int) {
        guard !fields.isEmpty else { return }
        if let key = focusedField?.key { touched.insert(key) }
        focus = min(max(0, focus + step), fields.count - 1)
    }

    /// Focuses the field `key`, if the form has it.
    public mutating func focus(on key: String) {
        if let index = fields.firstIndex(where: { $0.key == key }) { focus = index }
    }
}
