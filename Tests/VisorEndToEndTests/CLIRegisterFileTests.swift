import Foundation
import Testing
import VisorDomain
#if canImport(Glibc)
import Glibc
#endif

/// Issue 11, item 5, through the binary: a damaged register, a device, a FIFO
/// and an empty `--db` are refused before anything is written; a register the
/// process may only read serves reads; `bench import --keep` replaces only its own files.
@Suite("visor command line: register files")
struct CLIRegisterFileTests {
    /// The null device's numbers (major 1, minor 3) as Linux encodes small ones: `makedev` is a C macro.
    static let nullDevice = dev_t(1 << 8 | 3)

    /// A register whose page 2 (the migrations table) is overwritten: `visor init` made it, so nothing is in a -wal.
    static func damagedRegister(_ sandbox: CLISandbox) throws -> String {
        let path = try sandbox.register("damaged.sqlite")
        try #require(!FileManager.default.fileExists(atPath: path + "-wal"))
        let handle = try #require(FileHandle(forUpdatingAtPath: path))
        try handle.seek(toOffset: 16_384)
        try handle.write(contentsOf: Data(repeating: 0xA5, count: 16_384))
        try handle.close()
        return path
    }

    @Test("A damaged register: exit 66 whatever the command, byte for byte unchanged, no -wal, -shm or -journal")
    func damagedRegister() throws {
        let sandbox = try CLISandbox()
        let path = try Self.damagedRegister(sandbox)
        let extract = try sandbox.write("one.csv", [CLITests.header, CLITests.row(1)].joined(separator: "\n") + "\n")
        let before = try FileSnapshot(path)
        let commands: [[String]] = [
            ["actions"],
            ["import", extract, "--as", "root"],
            ["partners", "list", "--as", "root"],
            ["init", "--admin", "a", "--agency", "London"],
            ["demo", "--no-open", "--nominals", "0"],
        ]
        for command in commands {
            let result = try sandbox.visor(command + ["--db", path], environment: ["VISOR_PASSWORD": CLITemplate.password])
            #expect(result.status == 66, "\(command): \(result)")
            #expect(result.stderr.contains("not a Visor database (damaged"), "\(command): \(result)")
            #expect(try FileSnapshot(path) == before, "\(command) changed \(path)")
            for suffix in ["-wal", "-shm", "-journal"] {
                #expect(!FileManager.default.fileExists(atPath: path + suffix), "\(command) left \(suffix)")
            }
        }
    }

    @Test("--db \"\" is a usage error (64), not a fall-back to $VISOR_DB")
    func emptyDatabasePath() throws {
        let sandbox = try CLISandbox()
        let register = try sandbox.register()
        let result = try sandbox.visor(["actions", "--db", ""], environment: ["VISOR_DB": register])
        #expect(result.status == 64, "\(result)")
        #expect(result.stderr.contains("--db"), "\(result)")
        #expect(result.stdout == "")
    }

    @Test("A FIFO as --db: exit 66 at once, never opened, no -journal beside it")
    func fifo() throws {
        let sandbox = try CLISandbox()
        let path = sandbox.file("pipe")
        try #require(mkfifo(path, 0o644) == 0)
        for command in [["actions"], ["init", "--admin", "a", "--agency", "London"]] {
            let result = try sandbox.visor(command + ["--db", path], environment: ["VISOR_PASSWORD": "x"])
            #expect(result.status == 66, "\(command): \(result)")
            #expect(result.stderr.contains("it is a FIFO"), "\(command): \(result)")
        }
        #expect(!FileManager.default.fileExists(atPath: path + "-journal"))
    }

    @Test("A character device as --db: exit 66, mode unchanged, nothing beside it (root makes the device)",
          .enabled(if: getuid() == 0))
    func characterDevice() throws {
        let sandbox = try CLISandbox()
        let path = sandbox.file("null")
        try #require(mknod(path, S_IFCHR | 0o666, Self.nullDevice) == 0)
        chmod(path, 0o666)
        for command in [["actions"], ["init", "--admin", "a", "--agency", "London"], ["demo", "--no-open"]] {
            let result = try sandbox.visor(command + ["--db", path], environment: ["VISOR_PASSWORD": "x"])
            #expect(result.status == 66, "\(command): \(result)")
            #expect(result.stderr.contains("it is a character device"), "\(command): \(result)")
            var info = stat()
            #expect(lstat(path, &info) == 0 && info.st_mode & 0o777 == 0o666, "\(command) changed the mode")
            #expect(!FileManager.default.fileExists(atPath: path + "-journal"))
        }
    }

    /// Runs `visor` as a user who may read the register but not write it or its folder:
    /// as root, through `setpriv` as nobody (root ignores file modes); otherwise with the modes taken away.
    static func visorAsReader(_ sandbox: CLISandbox, _ arguments: [String], register: String,
                              environment: [String: String] = [:]) throws -> CLIResult {
        var variables = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "HOME": "/nonexistent",
                         "LANG": "C.UTF-8", "USER": "auditor"]
        variables.merge(environment) { $1 }
        let visor = try VisorBinary.path()
        if getuid() == 0 {
            chmod(register, 0o644)
            chmod(sandbox.path, 0o755)
            return try CLIProcess.run(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", visor] + arguments,
                                      environment: variables, stdin: nil, folder: sandbox.path)
        }
        chmod(register, 0o400)
        chmod(sandbox.path, 0o500)
        defer { chmod(sandbox.path, 0o700) }
        return try CLIProcess.run([visor] + arguments, environment: variables, stdin: nil, folder: sandbox.path)
    }

    @Test("A register the process may only read: visor actions is served (saying it is not audited); changes and sign-ins are refused with 73; nothing is written",
          .enabled(if: getuid() != 0 || Spawn.isInPath("setpriv")))
    func readOnlyRegister() throws {
        let sandbox = try CLISandbox()
        let register = try sandbox.register()
        // Everything in the main file, as a register at rest is.
        try #require(try sandbox.visor(["actions", "--db", register]).status == 0)
        try #require(!FileManager.default.fileExists(atPath: register + "-wal"))
        let extract = try sandbox.write("one.csv", [CLITests.header, CLITests.row(1)].joined(separator: "\n") + "\n")
        chmod(extract, 0o644)
        let before = try FileSnapshot(register)

        let actions = try Self.visorAsReader(sandbox, ["actions", "--db", register, "--format", "csv"], register: register)
        #expect(actions.status == 0, "\(actions)")
        #expect(actions.stdoutLines.first == "rule,state,due,agency,user,nominal,crn,pnc_id,summary", "\(actions)")
        #expect(actions.stderr.contains("read-only for this process"), "\(actions)")
        #expect(actions.stderr.contains("not recorded in the audit trail"), "\(actions)")

        for command in [["import", extract, "--as", "root"], ["partners", "list", "--as", "root"]] {
            let result = try Self.visorAsReader(sandbox, command + ["--db", register], register: register,
                                                environment: ["VISOR_PASSWORD": CLITemplate.password])
            #expect(result.status == 73, "\(command): \(result)")
            #expect(result.stderr.contains("read-only for this process"), "\(command): \(result)")
        }
        #expect(try FileSnapshot(register) == before)
        for suffix in ["-wal", "-shm", "-journal"] {
            #expect(!FileManager.default.fileExists(atPath: register + suffix), "\(suffix) was left beside it")
        }
    }

    @Test("visor bench import --keep DIR refuses (73) to replace a file it did not make, and reuses its own")
    func benchKeepsOthersFiles() throws {
        let sandbox = try CLISandbox()
        let folder = sandbox.file("kept")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        let mine = try sandbox.write("kept/register.sqlite", "my own notes, not a bench register\n")
        let before = try FileSnapshot(mine)

        let refused = try sandbox.visor(["bench", "import", "--rows", "20", "--keep", folder])
        #expect(refused.status == 73, "\(refused)")
        #expect(refused.stderr.contains(mine), "\(refused)")
        #expect(try FileSnapshot(mine) == before)

        try FileManager.default.removeItem(atPath: mine)
        let first = try sandbox.visor(["bench", "import", "--rows", "20", "--keep", folder])
        #expect(first.status == 0, "\(first)")
        let again = try sandbox.visor(["bench", "import", "--rows", "20", "--keep", folder])
        #expect(again.status == 0, "the bench's own files are replaced: \(again)")
    }
}
