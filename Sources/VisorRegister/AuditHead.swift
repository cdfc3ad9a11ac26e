/// The head of the audit trail, written `HASH:COUNT`: the hash of its last
/// event in lowercase hexadecimal, and how many events it holds. Written down
/// somewhere else, it later proves that the first COUNT events are the ones it
/// was taken from: rewriting any of them changes event COUNT's hash, even when
/// every hash after the rewrite is recomputed.
public struct AuditHead: Hashable, Sendable, CustomStringConvertible {
    /// The hash of event `count` (the genesis, 32 zero bytes, when the trail is empty).
    public let hash: [UInt8]
    /// The number of events, which is also the id of the last one (ids run 1, 2, 3 …).
    public let count: Int64

    /// SHA-256's size, and the previous hash of the first event (32 zero bytes).
    package static let hashSize = 32
    package static let genesis = [UInt8](repeating: 0, count: hashSize)

    package init(hash: [UInt8], count: Int64) {
        self.hash = hash
        self.count = count
    }

    /// Parses `HASH:COUNT` (64 hexadecimal digits, either case, and a count of 0 or more); nil otherwise.
    public init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].utf8.count == 2 * AuditHead.hashSize,
              parts[1].utf8.allSatisfy({ (48...57).contains($0) }), let count = Int64(parts[1]) else { return nil }
        var bytes: [UInt8] = []
        var digits = parts[0].utf8.makeIterator()
        while let high = digits.next(), let low = digits.next() {
            guard let high = AuditHead.nibble(high), let low = AuditHead.nibble(low) else { return nil }
            bytes.append(high << 4 | low)
        }
        if count == 0, bytes != AuditHead.genesis { return nil }
        self.init(hash: bytes, count: count)
    }

    /// The hash in lowercase hexadecimal.
    public var hexHash: String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        for byte in hash { text.append(digits[Int(byte >> 4)]); text.append(digits[Int(byte & 15)]) }
        return String(decoding: text, as: UTF8.self)
    }

    /// `HASH:COUNT`.
    public var description: String { "\(hexHash):\(count)" }

    private static func nibble(_ digit: UInt8) -> UInt8? {
        switch digit {
        case 48...57: digit - 48
        case 97...102: digit - 87
        case 65...70: digit - 55
        default: nil
        }
    }
}
