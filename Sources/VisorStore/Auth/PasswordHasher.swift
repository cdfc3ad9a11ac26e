import CryptoExtras
import Foundation
import VisorRegister

/// Password hashes from scrypt (swift-crypto's `KDF.Scrypt`) with a per-user
/// random salt. The stored form carries its parameters —
/// `scrypt$LOG2N$R$P$SALT$HASH` (base64) — so the cost can be raised later
/// without invalidating old hashes. Parameters are one of OWASP's equivalent scrypt settings
/// (N = 2^14, r = 8, p = 5): the same work as N = 2^15, r = 8, p = 3 for half the memory — 16 MiB
/// held while a sign-in hashes, not 32, on a host where many staff sign in (and within the
/// application's 64 MB). A hash made with other parameters still verifies with its own.
public enum PasswordHasher {
    static let logN = 14, blockSize = 8, parallelism = 5, outputBytes = 32

    /// The stored hash of an account that can never sign in (a placeholder for
    /// staff records that exist only as managers in demonstration data).
    public static let disabledHash = "!"

    public static func hash(_ password: String) throws(StoreError) -> String {
        var salt = [UInt8](repeating: 0, count: 16)
        var generator = SystemRandomNumberGenerator()
        for index in salt.indices { salt[index] = UInt8.random(in: .min ... .max, using: &generator) }
        let key = try derive(password, salt: salt, logN: logN, blockSize: blockSize, parallelism: parallelism)
        return ["scrypt", String(logN), String(blockSize), String(parallelism),
                Data(salt).base64EncodedString(), Data(key).base64EncodedString()].joined(separator: "$")
    }

    /// True when `stored` is a hash that a password could match (not the disabled placeholder, not malformed).
    public static func isHash(_ stored: String) -> Bool {
        let parts = stored.split(separator: "$", omittingEmptySubsequences: false)
        return parts.count == 6 && parts[0] == "scrypt" && Int(parts[1]).map { (10...20).contains($0) } == true
    }

    /// True when `password` matches `stored`; a malformed or disabled hash never matches.
    public static func verify(_ password: String, against stored: String) -> Bool {
        let parts = stored.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "scrypt", let logN = Int(parts[1]), let r = Int(parts[2]),
              let p = Int(parts[3]), (10...20).contains(logN),
              let salt = Data(base64Encoded: String(parts[4])), let expected = Data(base64Encoded: String(parts[5])),
              let key = try? derive(password, salt: Array(salt), logN: logN, blockSize: r, parallelism: p)
        else { return false }
        // Constant-time comparison: no early exit on the first differing byte.
        guard key.count == expected.count else { return false }
        var difference: UInt8 = 0
        for (a, b) in zip(key, expected) { difference |= a ^ b }
        return difference == 0
    }

    private static func derive(_ password: String, salt: [UInt8], logN: Int, blockSize: Int,
                               parallelism: Int) throws(StoreError) -> [UInt8] {
        do {
            let key = try KDF.Scrypt.deriveKey(from: Array(password.utf8), salt: salt, outputByteCount: outputBytes,
                                               rounds: 1 << logN, blockSize: blockSize, parallelism: parallelism)
            return key.withUnsafeBytes { Array($0) }
        } catch {
            throw .io("password hashing failed: \(error)")
        }
    }
}
