

/// A value of a policy file as its parser read it, before validation: the
/// file format's parser (TOML, in the `visor` executable) turns its document
/// into these, so that validation is plain code that tests can drive.
public enum PolicyValue: Sendable, Equatable, Codable {
    case integer(Int)
    case string(String)
    case bool(Bool)
    case date(LocalDate)
    case array([PolicyValue])
    case table([String: PolicyValue])
    /// A value of another kind (a float, a time…), by the name of its kind.
    case other(String)

    /// "an integer", "a string"…: the kind of value, for messages.
    public var kind: String {
        switch self {
        case .integer: "an integer"
        case .string: "a string"
        case .bool: "a boolean"
        case .date: "a date"
        case .array: "an array"
        case .table: "a table"
        case .other(let name): "a \(name)"
        }
    }

    /// The value as the file wrote it, for messages.
    public var written: String {
        switch self {
        case .integer(let number): String(number)
        case .string(let text): "\"\(text)\""
        case .bool(let flag): flag ? "true" : "false"
        case .date(let date): date.iso
        case .array(let values): "[" + values.map(\.written).joined(separator: ", ") + "]"
        case .table: "{…}"
        case .other(let name): "(\(name))"
        }
    }
}

/// Why a policy file was refused: the message names the file, the key, the
/// value and what is allowed (the CLI exits 64 with it).
public struct PolicyFileError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
