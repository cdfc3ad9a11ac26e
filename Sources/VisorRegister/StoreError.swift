/// A failure the store reports to its callers, each mapped by the CLI to a
/// sysexits code (`spec/cli.md`).
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file exists but is not a Visor database (exit 66); it was not modified.
    case notAVisorDatabase(path: String, reason: String)
    /// The database file cannot be read (exit 66).
    case noInput(String)
    /// The database cannot be created or already holds something (exit 73).
    case cannotCreate(String)
    /// Wrong password, locked account, missing role or clearance, a rule forbids it,
    /// or a step that is no longer possible (exit 77). Nothing was changed.
    case refused(String)
    /// The input names something that does not exist, or is invalid (exit 65).
    case badInput(String)
    /// A record or request the user may not see: answered exactly as one that does not exist
    /// (the same message, exit 65), but audited as a refusal.
    case notVisible(String)
    /// Reading or writing failed (exit 74).
    case io(String)

    public var description: String {
        switch self {
        case .notAVisorDatabase(let path, let reason): "\(path): not a Visor database (\(reason)); it was not modified"
        case .noInput(let message), .cannotCreate(let message), .refused(let message), .badInput(let message),
             .notVisible(let message), .io(let message):
            message
        }
    }
}
