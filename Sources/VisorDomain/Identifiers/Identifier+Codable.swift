/// Identifiers encode as their canonical text and decode through their parsers, so a record
/// that holds one (the store's `Codable` rows) can never hold an invalid one.
protocol CanonicalTextCodable: Codable {
    var canonical: String { get }
    init(canonicalText: String) throws
}

extension CanonicalTextCodable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            try self.init(canonicalText: text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "\(error)")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(canonical)
    }
}

extension PNCID: CanonicalTextCodable {
    // The canonical form has a four-digit year, which no current year reinterprets.
    init(canonicalText: String) throws { try self.init(parsing: canonicalText, currentYear: 2000) }
}

extension CRONumber: CanonicalTextCodable {
    init(canonicalText: String) throws { try self.init(parsing: canonicalText) }
}

extension NOMSNumber: CanonicalTextCodable {
    init(canonicalText: String) throws { try self.init(parsing: canonicalText) }
}

extension CRN: CanonicalTextCodable {
    init(canonicalText: String) throws { try self.init(parsing: canonicalText) }
}
