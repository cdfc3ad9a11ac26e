import Foundation

/// Whether this process may write a register, or only read it. Writing needs
/// the file, its folder (SQLite creates and deletes `-wal`, `-shm` and
/// `-journal` there) and any companion already present. A register that may
/// only be read is opened read-only (`AppDatabase.isReadOnly`).
///
/// `access(2)` answers for the real user; root passes every mode check (only
/// a read-only file system stops it), so as root a register is read-only only there.
enum RegisterAccess {
    /// Why the process may not write the register at `path`; nil when it may.
    static func readOnlyReason(_ path: String, mayWrite: (String) -> Bool = { access($0, W_OK) == 0 }) -> String? {
        guard mayWrite(path) else { return "the file is not writable" }
        let folder = (path as NSString).deletingLastPathComponent
        guard mayWrite(folder.isEmpty ? "." : folder) else { return "its folder is not writable" }
        for suffix in ["-wal", "-shm", "-journal"] where FileManager.default.fileExists(atPath: path + suffix) {
            guard mayWrite(path + suffix) else { return "\((path as NSString).lastPathComponent + suffix) is not writable" }
        }
        return nil
    }
}
