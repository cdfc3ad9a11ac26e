/// Why a value is not a valid identifier, in words a user can act on.
public struct IdentifierError: Error, Hashable, Sendable, CustomStringConvertible {
    public let message: String
    /// The value is not of its field's form at all (no date, a code outside its list, an identifier
    /// that does not parse or fails its check) — cli.md's "malformed argument value" (64) — as
    /// against a well-formed value a rule refuses (65). Set where the fault is found.
    public let isMalformed: Bool
    public init(_ message: String, malformed: Bool = false) {
        self.message = message
        isMalformed = malformed
    }
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

/// The bytes of an all-ASCII text, nil when any is not ASCII: identifier
/// parsers run for every row of a million-row extract, so they work on bytes.
func asciiBytes(_ text: some StringProtocol) -> [UInt8]? {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(16)
    for byte in text.utf8 {
        guard byte < 0x80 else { return nil }
        bytes.append(byte)
    }
    return bytes
}

enum ASCIIBytes {
    /// The value of a non-empty run of ASCII digits, nil otherwise.
    static func number(_ digits: ArraySlice<UInt8>) -> Int? {
        guard !digits.isEmpty, digits.count <= 18 else { return nil }
        var value = 0
        for byte in digits {
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }

    static func isUppercase(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }

    /// Writes `value` as decimal digits filling `positions` of `buffer`,
    /// zero-padded on the left (identifiers and dates are built from bytes:
    /// imports and rule evaluations build millions).
    static func writeDigits(_ value: Int, into buffer: UnsafeMutableBufferPointer<UInt8>, at positions: Range<Int>) {
        var rest = value
        for index in positions.reversed() {
            buffer[index] = UInt8(48 + rest % 10)
            rest /= 10
        }
    }
}
