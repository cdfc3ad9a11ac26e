import Foundation
import VisorRegister

/// Where the register lives, and the read-only probe that keeps Visor from
/// ever touching a file that is not its own.
public enum DatabaseFile {
    /// `--db PATH`, else `$VISOR_DB`, else `$XDG_DATA_HOME/visor/visor.sqlite`
    /// (`~/.local/share/visor/visor.sqlite`). An empty `--db` is refused by the
    /// command line before it gets here (a malformed argument, exit 64).
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
        /// A Visor database (by its header; `AppDatabase.check` also reads it whole or in part).
        case visor
    }

    /// Looks at the path with `stat`, then reads the first 100 bytes only (the
    /// SQLite header), never opening the file with SQLite, so a foreign file
    /// stays byte-for-byte as it was. Anything but a regular file is refused
    /// before it is opened: a FIFO's `open` would block, a device never ends.
    public static func probe(_ path: String) throws(StoreError) -> ProbeResult {
        var info = stat()
        guard stat(path, &info) == 0 else {
            guard errno == ENOENT else {
                throw .noInput("\(path): cannot be examined: \(String(cString: strerror(errno)))")
            }
            try refuseStrangersLog(beside: path, state: "does not exist")
            return .absent
        }
        let kind = FileKind(mode: info.st_mode)
        guard kind == .regular else { throw .notAVisorDatabase(path: path, reason: "it is \(kind.noun)") }
        let header = try readHeader(path)
        if header.isEmpty {
            try refuseStrangersLog(beside: path, state: "is empty")
            return .absent
        }
        let magic = Array("SQLite format 3\u{0}".utf8)
        guard header.count >= 100, Array(header.prefix(16)) == magic else {
            throw .notAVisorDatabase(path: path, reason: "not an SQLite database")
        }
        guard DatabaseHeader(header).applicationID == Schema.applicationID else {
            throw .notAVisorDatabase(path: path, reason: "another program's SQLite database")
        }
        return .visor
    }

    /// The first 100 bytes of a regular file (fewer if it is shorter). Opened
    /// without blocking, and checked again once open, in case a FIFO or a
    /// device was put at the path since it was examined.
    static func readHeader(_ path: String) throws(StoreError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw .noInput("\(path): cannot be read (\(String(cString: strerror(errno))))") }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, FileKind(mode: info.st_mode) == .regular else {
            throw .notAVisorDatabase(path: path, reason: "it is \(FileKind(mode: info.st_mode).noun)")
        }
        var header = [UInt8](repeating: 0, count: 100)
        var filled = 0
        while filled < header.count {
            let count = header.withUnsafeMutableBytes { read(fd, $0.baseAddress! + filled, 100 - filled) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { throw .noInput("\(path): cannot be read: \(String(cString: strerror(errno)))") }
            if count == 0 { break }
            filled += count
        }
        return Array(header.prefix(filled))
    }

    /// The size of a companion file (`-wal`, `-journal`, `-shm`), nil when there is none.
    static func companionSize(_ path: String, _ suffix: String) -> Int64? {
        var info = stat()
        guard stat(path + suffix, &info) == 0 else { return nil }
        return Int64(info.st_size)
    }

    /// An empty or missing register file beside a non-empty `-wal` or
    /// `-journal` is refused: SQLite would take that log, another database's,
    /// into the new register (a WAL's frames are replayed, a hot journal rolled back).
    private static func refuseStrangersLog(beside path: String, state: String) throws(StoreError) {
        for suffix in ["-wal", "-journal"] {
            guard let size = companionSize(path, suffix), size > 0 else { continue }
            let name = (path as NSString).lastPathComponent + suffix
            throw .noInput("\(path) \(state), but \(name) (\(size) bytes) lies beside it: the log of another "
                + "database, which a new register would take in; move it away first (nothing was written)")
        }
    }

    /// Creates an empty file with mode 0600 (and its folder with 0700), so the
    /// database and the `-wal`/`-shm` files SQLite derives from it are private.
    /// Only a regular, empty file is made private: whatever else came to be at
    /// the path since the probe is left as it is.
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
        let fd = open(path, O_WRONLY | O_CREAT | O_NONBLOCK | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw .cannotCreate("\(path): cannot create: \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, FileKind(mode: info.st_mode) == .regular, info.st_size == 0 else {
            throw .cannotCreate("\(path): changed while Visor was creating a register there; it was left as it is")
        }
        fchmod(fd, 0o600)
    }

    /// Makes the database and its companions private, whatever the umask was.
    static func restrictPermissions(_ path: String) {
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
            chmod(path + suffix, 0o600)
        }
    }
}

/// The fields of the 100-byte SQLite header that opening checks
/// (https://www.sqlite.org/fileformat.html#the_database_header).
struct DatabaseHeader {
    let bytes: [UInt8]

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    private func word(_ offset: Int) -> UInt32 {
        UInt32(bytes[offset]) << 24 | UInt32(bytes[offset + 1]) << 16 | UInt32(bytes[offset + 2]) << 8
            | UInt32(bytes[offset + 3])
    }

    var applicationID: Int32 { Int32(bitPattern: word(68)) }

    /// Bytes per page: a power of two from 512 to 65,536 (stored as 1), else nil.
    var pageSize: Int? {
        let stored = Int(bytes[16]) << 8 | Int(bytes[17])
        let size = stored == 1 ? 65_536 : stored
        return size >= 512 && size <= 65_536 && size & (size - 1) == 0 ? size : nil
    }

    /// The page count the header records, when SQLite marks it valid (its
    /// "version-valid-for" equals the change counter); nil when it does not.
    var pageCount: Int? { word(92) == word(24) ? Int(word(28)) : nil }
}
