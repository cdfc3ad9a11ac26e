import Foundation
import VisorRegister
import VisorStore

/// The folder `visor bench import` writes in: a fresh temporary one, removed
/// afterwards, or `--keep DIR`, where files are kept between runs. In a kept
/// folder the benchmark replaces only the files it made itself, as the
/// manifest `.visor-bench` there lists them: `--keep ~` must never delete
/// someone's `register.sqlite`.
struct BenchFolder {
    let path: String
    let kept: Bool

    static let manifestName = ".visor-bench"

    /// A new private folder under the system's temporary folder.
    static func temporary() throws(StoreError) -> BenchFolder {
        var template = Array((NSTemporaryDirectory() + "visor-bench-XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.flatMap { mkdtemp($0) }.map { String(cString: $0) }
        }
        guard let made else {
            throw .cannotCreate("cannot create a temporary folder: \(String(cString: strerror(errno)))")
        }
        return BenchFolder(path: made, kept: false)
    }

    /// `--keep DIR`, created if need be.
    static func keeping(_ path: String) throws(StoreError) -> BenchFolder {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw .cannotCreate("\(path): cannot create the folder: \(error.localizedDescription)")
        }
        return BenchFolder(path: path, kept: true)
    }

    func file(_ name: String) -> String { path + "/" + name }

    /// The names the benchmark made here.
    private var made: Set<String> {
        guard let text = try? String(contentsOfFile: file(Self.manifestName), encoding: .utf8) else { return [] }
        return Set(text.split(separator: "\n").map(String.init))
    }

    /// Clears `name` (a database, with its `-wal`, `-shm` and `-journal`) for
    /// the benchmark to write afresh, and records it as the benchmark's own.
    /// In a kept folder, a file the benchmark did not make is refused (73), untouched.
    func replace(_ name: String) throws(StoreError) -> String {
        let target = file(name)
        let present = ["", "-wal", "-shm", "-journal"].filter { FileManager.default.fileExists(atPath: target + $0) }
        if kept, !present.isEmpty, !made.contains(name) {
            throw .cannotCreate("\(target + present[0]): not made by visor bench; it was not replaced "
                + "(move it, or give --keep another folder)")
        }
        for suffix in present { try? FileManager.default.removeItem(atPath: target + suffix) }
        try claim(name)
        return target
    }

    /// Records `name` in the manifest (a kept folder only).
    func claim(_ name: String) throws(StoreError) {
        guard kept, !made.contains(name) else { return }
        let manifest = file(Self.manifestName)
        let line = Data((name + "\n").utf8)
        if let handle = FileHandle(forWritingAtPath: manifest) {
            defer { try? handle.close() }
            _ = try? handle.seekToEnd()
            try? handle.write(contentsOf: line)
        } else if !FileManager.default.createFile(atPath: manifest, contents: line) {
            throw .cannotCreate("\(manifest): cannot write the benchmark's list of its files")
        }
    }

    /// Removes a temporary folder and everything in it.
    func removeIfTemporary() {
        if !kept { try? FileManager.default.removeItem(atPath: path) }
    }
}
