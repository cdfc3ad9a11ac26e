/// Why a value is not a valid identifier, in words a user can act on.
public struct IdentifierError: Error, Hashable, Sendable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// The check-character alphabet shared by PNC IDs and CRO numbers (no I, O, S).
enum CheckCharacter {
    static let alphabet: [Character] = Array("ZABCDEFGHJKLMNPQRTUVWXY")

    static func forNumber(_ value: Int64) -> Character { alphabet[Int(value % 23)] }
}

extension StringProtocol {
    /// True when every character is an ASCII digit (and there is at least one).
    var isAllASCIIDigits: Bool { !isEmpty && utf8.allSatisfy { $0 >= 48 && $0 <= 57 } }
}

extension Character {
    var isASCIIUppercaseLetter: Bool { isASCII && ("A"..."Z").contains(self) }
}
