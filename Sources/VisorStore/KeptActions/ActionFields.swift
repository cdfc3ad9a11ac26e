import VisorDomain
import VisorRegister

/// One action as `visor actions` writes it, its text as UTF-8 bytes straight
/// from SQLite's buffers: valid only inside the call that hands it over.
/// Writing a million actions, building a `String` per field cost more than
/// reading them.
public struct ActionFields {
    public var rule: Int
    public var state: ActionState
    public var due: UnsafeBufferPointer<UInt8>
    public var agency: UnsafeBufferPointer<UInt8>
    public var user: UnsafeBufferPointer<UInt8>?
    public var userID: UserID?
    public var nominal: NominalID?
    public var crn: UnsafeBufferPointer<UInt8>?
    public var pncID: UnsafeBufferPointer<UInt8>?
    public var summary: UnsafeBufferPointer<UInt8>

    /// True when `self` comes before `other` in domain.md's order (`KeptActionSQL.order`).
    func precedes(_ other: ActionFields) -> Bool {
        func bytes(_ lhs: UnsafeBufferPointer<UInt8>?, _ rhs: UnsafeBufferPointer<UInt8>?) -> Int? {
            switch (lhs, rhs) {
            case (nil, nil): nil
            case (.some, nil): -1
            case (nil, .some): 1
            case let (.some(l), .some(r)): KeptActionSQL.compare(l, r)
            }
        }
        func number(_ lhs: Int64?, _ rhs: Int64?) -> Int? {
            switch (lhs, rhs) {
            case (nil, nil): nil
            case (.some, nil): -1
            case (nil, .some): 1
            case let (.some(l), .some(r)): l == r ? 0 : l < r ? -1 : 1
            }
        }
        var order = KeptActionSQL.compare(due, other.due)
        if order == 0 { order = rule == other.rule ? 0 : rule < other.rule ? -1 : 1 }
        if order == 0 { order = bytes(crn, other.crn) ?? 0 }
        if order == 0 { order = number(nominal, other.nominal) ?? 0 }
        if order == 0 { order = bytes(user, other.user) ?? 0 }
        if order == 0 { order = number(userID, other.userID) ?? 0 }
        if order == 0 { order = KeptActionSQL.compare(summary, other.summary) }
        return order < 0
    }
}

extension ListedAction {
    /// The action's fields as bytes, for `body` to write.
    func withFields<T>(_ body: (ActionFields) throws -> T) rethrows -> T {
        try StoredActionFields(self).withFields(body)
    }
}

/// A listed action's text held once as UTF-8, to be handed over as `ActionFields` as often as
/// needed (the merge of `streamActions` compares the same one with every row it passes).
struct StoredActionFields {
    private let storage: [UInt8]
    private let ranges: [Range<Int>?]
    private let rule: Int
    private let state: ActionState
    private let userID: UserID?
    private let nominal: NominalID?

    init(_ listed: ListedAction) {
        let action = listed.action
        let texts: [String?] = [action.due.iso, listed.agencyName, listed.username, action.crn?.canonical,
                                action.pncID?.canonical, action.summary]
        var storage: [UInt8] = []
        var ranges: [Range<Int>?] = []
        for text in texts {
            guard let text else { ranges.append(nil); continue }
            let start = storage.count
            storage.append(contentsOf: text.utf8)
            ranges.append(start..<storage.count)
        }
        self.storage = storage
        self.ranges = ranges
        rule = action.rule.rawValue
        state = listed.state
        userID = action.userID
        nominal = action.nominalID
    }

    func withFields<T>(_ body: (ActionFields) throws -> T) rethrows -> T {
        try storage.withUnsafeBufferPointer { buffer in
            func slice(_ index: Int) -> UnsafeBufferPointer<UInt8>? {
                ranges[index].map { UnsafeBufferPointer(rebasing: buffer[$0]) }
            }
            let empty = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
            return try body(ActionFields(rule: rule, state: state, due: slice(0) ?? empty, agency: slice(1) ?? empty,
                                         user: slice(2), userID: userID, nominal: nominal, crn: slice(3),
                                         pncID: slice(4), summary: slice(5) ?? empty))
        }
    }
}
