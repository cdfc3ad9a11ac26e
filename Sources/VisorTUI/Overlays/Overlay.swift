import Foundation
/// What sits over the panes, taking keys before them.
public indirect enum Overlay: Sendable {
    case help(scroll: Int)
    case palette(PaletteState)
    case policy(scroll: Int)
    case prompt(PromptState)
    /// A yes/no question: before a change, or before quitting (then `n` returns to what was open).
    case confirm(ConfirmState)
    /// A text shown whole, scrolled: a request, an action, a message too long for the status line.
    case detail(DetailState)
    /// A choice from a short list: which partnership `e` ends.
    case choice(ChoiceState)
    /// A form that creates or changes a record (records.md).
    case form(FormState)
}

/// A question with a one-line answer (a reason for a request or a decline).
public struct PromptState: Sendable {
    public enum Purpose: Sendable, Hashable {
        case requestPartnership(NominalIDValue)
        case declineRequest(Int64)
        case endPartnership(nominal: Int64, agency: Int64)
        case declineTransfer(Int64)
    }

    public var title: String
    public var label: String
    public var field = TextField()
    public var purpose: Purpose
    /// An error about what was typed; it clears as soon as the user types again.
    public var message: String?
    /// What Enter does, for the hint line ("send", "decline", "end the partnership").
    public var verb: String

    public init(title: String, label: String, purpose: Purpose, verb: String = "send") {
        self.title = title
        self.label = label
        self.purpose = purpose
        self.verb = verb
    }
}

public typealias NominalIDValue = Int64

/// The command palette: what is typed and the matching actions.
public struct PaletteState: Sendable {
    public var field = TextField()
    public var selected = 0

    public init() {}

    /// The bindings matching the typed text — a command name exactly (`policy`, `quit`), else as a
    /// subsequence of the title or name — best first.
    func matches(in candidates: [Binding]) -> [Binding] {
        let typed = field.text.trimmingCharacters(in: .whitespaces).lowercased()
        let query = typed.filter { !$0.isWhitespace }
        guard !query.isEmpty else { return candidates }
        if let named = candidates.first(where: { $0.commands.contains(typed) }) { return [named] }
        return candidates.compactMap { binding -> (Binding, Int)? in
            let haystack = (binding.title + " " + binding.id.rawValue + " " + binding.commands.joined(separator: " "))
                .lowercased()
            guard let score = Self.score(query, in: haystack) else { return nil }
            return (binding, score)
        }.sorted { $0.1 < $1.1 }.map(\.0)
    }

    /// Lower is better: the spread of the matched letters; nil when not all letters appear in order.
    static func score(_ query: String, in text: String) -> Int? {
        var position = text.startIndex
        var first: String.Index?
        for c in query {
            guard let found = text[position...].firstIndex(of: c) else { return nil }
            if first == nil { first = found }
            position = text.index(after: found)
        }
        guard let first else { return 0 }
        return text.distance(from: first, to: position) + text.distance(from: text.startIndex, to: first) / 4
    }
}
