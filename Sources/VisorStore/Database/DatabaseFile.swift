import Foundation

/// Where the register lives, and the read-only probe that keeps Visor from
/// ever touching a file that is not its own.
public enum DatabaseFile {
    /// `--db PATH`, else `$VISOR_DB`, else `$XDG_DATA_HOME/visor/visor.sqlite`
    /// (`~/.local/share/visor/visor.sqlite`).
    public static func resolve(explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment)
        -> String {
        if let explicit, !explicit.isEmpty { return explicit }
        if let fromEnvironment = environment["VISOR_DB"], !fromEnvironment.isEmpty { return fromEnvironment }
        let dataHome = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.local/share")
        return dataHome + "/visor/visor.sqlite"
    }

    /// What the probe found at a path.
    public enum ProbeResult: Equatable, Sendable {
        /// No file, or a zero-byte file: a new register may be created there.
        case absent
        /// A Visor database.
        case visor
    }

    /// Reads the first 100 bytes only (the SQLite header), never opening the
    /// file with SQLite, so a foreign file stays byte-for-byte as it was.
    public static func probe(_ path: String) throws(StoreError) -> ProbeResult {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return .absent }
        if isDirectory.boolValue { throw .notAVisorDatabase(path: path, reason: "it is a directory") }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .noInput("\(path): cannot be read (check its permissions)")
        }
        defer { try? handle.close() }
        let header: Data
        do { header = try handle.read(upToCount: 100) ?? Data() } catch {
            throw .noInput("\(path): cannot be read: \(error.localizedDescription)")
        }
        if header.isEmpty { return .absent }
        let magic = Array("SQLite format 3\u{0}".utf8)
        guard header.count >= 100, Array(header.prefix(16)) == magic else {
            throw .notAVisorDatabase(path: path, reason: "not an SQLite database")
        }
        let bytes = Array(header)
        let applicationID = Int32(bitPattern: UInt32(bytes[68]) << 24 | UInt32(bytes[69]) << 16
            | UInt32(bytes[70]) << 8 | UInt32(bytes[71]))
        guard applicationID == Schema.applicationID else {
            throw .notAVisorDatabase(path: path, reason: "another program's SQLite database")
        }
        return .visor
    }

    /// Creates an empty file with mode 0600 (and its folder with 0700), so the
    /// database and the `-wal`/`-shm` files SQLite derives from it are private.
    static func createPrivateFile(_ path: String) throws(StoreError) {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty, !FileManager.default.fileExists(atPath: folder) {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                        attributes: [.posixPermissions: 0o700])
            } catch {
                throw .cannotCreate("\(folder): cannot create the folder: \(error.localizedDescription)")
            }
        }
        let fd = open(path, O_WRONLY | O_CREAT, 0o600)
        guard fd >= 0 else {
            throw .cannotCreate("\(path): cannot create: \(String(cString: strerror(errno)))")
        }
        fchmod(fd, 0o600)
        close(fd)
    }

    /// Makes the database and its companions private, whatever the umask was.
    static func restrictPermissions(_ path: String) {
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
            chmod(path + suffix, 0o600)
        }
    }
}
