import Foundation
import Testing
import VisorDomain
#if canImport(Glibc)
import Glibc
#endif

/// The command-line contract of cli.md and nominals-csv.md, run against the
/// real `visor` binary: exit codes, the `line N: …` lines on standard error,
/// the summary as the last line of standard output, and `--db` / `$VISOR_DB`.
///
/// A real scrypt hash costs about two seconds in a debug build, so `visor init`
/// runs once per test process (`CLITemplate`) and each test copies its register;
/// only the tests that must sign in pay for a hash.
@Suite("visor command line")
struct CLITests {
    static let header = ExtractColumn.allCases.map(\.rawValue).joined(separator: ",")

    /// A valid extract line, numbered `n`: crn `X00000n`, no PNC ID.
    static func row(_ n: Int, gender: String = "M", unit: String = "London", force: String = "") -> String {
        let values: [ExtractColumn: String] = [
            .crn: "X" + String(format: "%06d", n), .surname: "Nowak", .forenames: "Anna", .dateOfBirth: "1975-02-03",
            .gender: gender, .mappaCategory: "2", .mappaLevel: "1", .managingAgency: "probation", .managingUnit: unit,
            .custodyStatus: "community", .orderType: "licence", .policeForce: force,
        ]
        return ExtractColumn.allCases.map { values[$0] ?? "" }.joined(separator: ",")
    }

    @Test("visor import: a bad row gives exit 65, the line N on standard error, and the summary last on standard output")
    func importBadInput() throws {
        let sandbox = try CLISandbox()
        let register = try sandbox.register()
        let extract = try sandbox.write("bad.csv", ([Self.header, Self.row(1), Self.row(2, gender: "m"), Self.row(1)])
            .joined(separator: "\n") + "\n")

        // The password on standard input this time ($VISOR_PASSWORD unset).
        let result = try sandbox.visor(["import", extract, "--db", register, "--as", "root"],
                                       stdin: CLITemplate.password + "\n")

        #expect(result.status == 65, "\(result)")
        #expect(result.stderrLines == [
            "line 3: gender: m: must be M, F, X or U",
            "line 4: crn: X000001: crn repeated: first on line 2",
        ])
        #expect(result.stdoutLines.last == "imported: 0 created, 0 updated, 2 rejected")
    }

    @Test("visor import --skip-invalid --add-agencies: exit 0, `added agency:` lines, then the summary")
    func importSkipInvalidAddAgencies() throws {
        let sandbox = try CLISandbox()
        let register = try sandbox.register()
        let extract = try sandbox.write("extract.csv", [
            Self.header, Self.row(1, unit: "Tyne Valley"), Self.row(2, gender: "Male"),
            Self.row(3, unit: "TYNE VALLEY", force: "Tyne Valley Police"), "",
        ].joined(separator: "\r\n"))

        let result = try sandbox.visor(["import", extract, "--db", register, "--as", "root", "--skip-invalid",
                                        "--add-agencies"],
                                       environment: ["VISOR_PASSWORD": CLITemplate.password])

        #expect(result.status == 0, "\(result)")
        #expect(result.stderrLines == ["line 3: gender: Male: must be M, F, X or U"])
        #expect(result.stdoutLines == [
            "added agency: probation: Tyne Valley",
            "added agency: police: Tyne Valley Police",
            "imported: 2 created, 0 updated, 1 rejected",
        ])
    }

    @Test("A missing required column: `line 1: COLUMN: : missing required column`, exit 65")
    func importMissingColumn() throws {
        let sandbox = try CLISandbox()
        let register = try sandbox.register()
        let columns = ExtractColumn.allCases.filter { $0 != .gender }.map(\.rawValue)
        let extract = try sandbox.write("missing.csv", columns.joined(separator: ",") + "\n")
        let result = try sandbox.visor(["import", extract, "--db", register, "--as", "root"],
                                       environment: ["VISOR_PASSWORD": CLITemplate.password])
        #expect(result.status == 65, "\(result)")
        #expect(result.stderrLines == ["line 1: gender: : missing required column"])
        #expect(result.stdoutLines.last == "imported: 0 created, 0 updated, 0 rejected")
    }

    @Test("A wrong password: exit 77, and the one message for bad credentials")
    func wrongPassword() throws {
        let sandbox = try CLISandbox()
        let register = try sandbox.register()
        let extract = try sandbox.write("one.csv", [Self.header, Self.row(1)].joined(separator: "\n") + "\n")
        let result = try sandbox.visor(["import", extract, "--db", register, "--as", "root"],
                                       environment: ["VISOR_PASSWORD": "not the password"])
        #expect(result.status == 77, "\(result)")
        #expect(result.stderr.contains("Incorrect user name or password"))
        #expect(!result.stdout.contains("imported:"))
    }

    @Test("visor import without --as is refused (exit 77) before reading the file")
    func importNeedsUser() throws {
        let sandbox = try CLISandbox()
        let register = try sandbox.register()
        let extract = try sandbox.write("one.csv", [Self.header, Self.row(1)].joined(separator: "\n") + "\n")
        let result = try sandbox.visor(["import", extract, "--db", register])
        #expect(result.status == 77, "\(result)")
        #expect(result.stderr.contains("--as"))
    }

    @Test("A file that is not a Visor database: exit 66 and untouched, whatever the command")
    func foreignDatabaseRefused() throws {
        let sandbox = try CLISandbox()
        let text = try sandbox.write("notes.txt", "my notes\n")
        // A real SQLite database whose application id is not Visor's.
        var foreign = try Data(contentsOf: URL(fileURLWithPath: try sandbox.register()))
        foreign.replaceSubrange(68..<72, with: [0, 0, 0x12, 0x34])
        let other = try sandbox.write("other.db", foreign)
        let extract = try sandbox.write("one.csv", [Self.header, Self.row(1)].joined(separator: "\n") + "\n")

        for path in [text, other] {
            let before = try FileSnapshot(path)
            let commands: [[String]] = [
                ["init", "--admin", "a", "--agency", "London", "--db", path],
                ["import", extract, "--as", "root", "--db", path],
                ["demo", "--no-open", "--nominals", "0", "--db", path],
            ]
            for command in commands {
                let result = try sandbox.visor(command, environment: ["VISOR_PASSWORD": CLITemplate.password])
                #expect(result.status == 66, "\(command): \(result)")
                #expect(result.stderr.contains("not a Visor database"), "\(command): \(result)")
                #expect(try FileSnapshot(path) == before, "\(command) changed \(path)")
            }
            for suffix in ["-wal", "-shm", "-journal"] {
                #expect(!FileManager.default.fileExists(atPath: path + suffix), "\(path)\(suffix) was created")
            }
        }
    }

    @Test("visor init creates a private register; a second init is refused with exit 73")
    func initTwice() throws {
        let template = try CLITemplate.made.get()
        #expect(template.initResult.status == 0, "\(template.initResult)")
        #expect(template.initResult.stdout.contains("with administrator root"))
        #expect(template.mode == 0o600)

        let sandbox = try CLISandbox()
        let register = try sandbox.register()
        let result = try sandbox.visor(["init", "--admin", "other", "--agency", "Wales", "--db", register],
                                       environment: ["VISOR_PASSWORD": "another password"])
        #expect(result.status == 73, "\(result)")
        #expect(result.stderrLines == ["visor: \(register) already holds a register; it was not changed"])
        #expect(result.stdout == "")
    }

    @Test("visor tui off a terminal: exit 64 with a message")
    func tuiOffTerminal() throws {
        let sandbox = try CLISandbox()
        let register = try sandbox.register()
        for arguments in [["tui", "--db", register], ["--db", register]] {
            let result = try sandbox.visor(arguments)
            #expect(result.status == 64, "\(arguments): \(result)")
            #expect(result.stderr.contains("terminal"), "\(arguments): \(result)")
        }
    }

    @Test("visor demo --no-open: exit 0, printing where the database is; $VISOR_DB when --db is absent")
    func demoNoOpenUsesVisorDB() throws {
        let sandbox = try CLISandbox()
        let path = sandbox.file("from-env/demo.sqlite")
        let result = try sandbox.visor(["demo", "--no-open", "--nominals", "0", "--today", "2026-11-25"],
                                       environment: ["VISOR_DB": path])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdoutLines.first == "demo register: \(path)")
        #expect(result.stdout.contains("password 'demo'"))
        #expect(FileManager.default.fileExists(atPath: path))
        #expect(!FileManager.default.fileExists(atPath: sandbox.file("xdg/visor/visor.sqlite")))
    }

    @Test("--db wins over $VISOR_DB, which wins over $XDG_DATA_HOME/visor/visor.sqlite")
    func databasePathPrecedence() throws {
        let sandbox = try CLISandbox()
        let register = try sandbox.register()
        let foreign = try sandbox.write("foreign.txt", "not a database\n")
        // --db names the register (73: it already holds one), though $VISOR_DB names a foreign file.
        let explicit = try sandbox.visor(["init", "--admin", "a", "--agency", "London", "--db", register],
                                         environment: ["VISOR_DB": foreign, "VISOR_PASSWORD": "x"])
        #expect(explicit.status == 73, "\(explicit)")
        // Without --db, $VISOR_DB is used: the foreign file is refused.
        let fromEnvironment = try sandbox.visor(["init", "--admin", "a", "--agency", "London"],
                                                environment: ["VISOR_DB": foreign, "VISOR_PASSWORD": "x"])
        #expect(fromEnvironment.status == 66, "\(fromEnvironment)")
        #expect(fromEnvironment.stderr.contains(foreign))
        // Without either, $XDG_DATA_HOME/visor/visor.sqlite.
        try FileManager.default.createDirectory(atPath: sandbox.file("xdg/visor"), withIntermediateDirectories: true)
        let xdgFile = try sandbox.write("xdg/visor/visor.sqlite", "not a database either\n")
        let fromXDG = try sandbox.visor(["init", "--admin", "a", "--agency", "London"],
                                        environment: ["VISOR_PASSWORD": "x"])
        #expect(fromXDG.status == 66, "\(fromXDG)")
        #expect(fromXDG.stderr.contains(xdgFile))
    }

    @Test("Malformed arguments are usage errors (exit 64)")
    func usageErrors() throws {
        let sandbox = try CLISandbox()
        let register = try sandbox.register()
        let cases: [[String]] = [
            ["demo", "--no-open", "--today", "2023-02-30", "--db", sandbox.file("demo.sqlite")],
            ["demo", "--no-open", "--nominals", "-1", "--db", sandbox.file("demo.sqlite")],
            ["import", "--db", register],
            ["init", "--admin", "a", "--agency", "London", "--clearance", "TOPSECRET", "--db", register],
        ]
        for arguments in cases {
            let result = try sandbox.visor(arguments)
            #expect(result.status == 64, "\(arguments): \(result)")
        }
        #expect(!FileManager.default.fileExists(atPath: sandbox.file("demo.sqlite")))
    }
}

// MARK: - Running the binary

/// One finished run of `visor`.
struct CLIResult: CustomStringConvertible {
    var status: Int32
    var stdout: String
    var stderr: String

    var stdoutLines: [String] { Self.lines(stdout) }
    var stderrLines: [String] { Self.lines(stderr) }

    static func lines(_ text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    var description: String { "exit \(status)\n--- stdout\n\(stdout)--- stderr\n\(stderr)" }
}

struct CLIFailure: Error, CustomStringConvertible, Sendable {
    var description: String
}

/// A temporary folder for one test, with its own HOME and XDG_DATA_HOME, removed afterwards.
final class CLISandbox: Sendable {
    let path: String

    init() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("visor-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        path = url.path
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func file(_ name: String) -> String { path + "/" + name }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String { try write(name, Data(text.utf8)) }

    @discardableResult
    func write(_ name: String, _ data: Data) throws -> String {
        try data.write(to: URL(fileURLWithPath: file(name)))
        return file(name)
    }

    /// A copy of the register `visor init` made (administrator `root`); returns its path.
    func register(_ name: String = "register.sqlite") throws -> String {
        let template = try CLITemplate.made.get()
        let destination = file(name)
        try template.main.write(to: URL(fileURLWithPath: destination))
        chmod(destination, 0o600)
        if let wal = template.wal {
            try wal.write(to: URL(fileURLWithPath: destination + "-wal"))
            chmod(destination + "-wal", 0o600)
        }
        return destination
    }

    /// Runs `visor` with a clean environment (HOME and XDG_DATA_HOME inside the sandbox) plus `environment`.
    func visor(_ arguments: [String], environment: [String: String] = [:], stdin: String? = nil) throws -> CLIResult {
        var variables = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "HOME": file("home"), "XDG_DATA_HOME": file("xdg"), "LANG": "C.UTF-8", "USER": "tester",
        ]
        variables.merge(environment) { $1 }
        return try CLIProcess.run([try VisorBinary.path()] + arguments, environment: variables, stdin: stdin,
                                  folder: path)
    }
}

/// posix_spawn + waitpid (Foundation's Process can hang here, toolchain.md),
/// standard output and standard error to separate files, standard input from a
/// file or /dev/null, an empty signal mask and default signal actions.
enum CLIProcess {
    static func run(_ arguments: [String], environment: [String: String], stdin: String?,
                    folder: String) throws -> CLIResult {
        let id = UUID().uuidString
        let outPath = folder + "/.stdout-\(id)", errPath = folder + "/.stderr-\(id)", inPath = folder + "/.stdin-\(id)"
        defer { for file in [outPath, errPath, inPath] { unlink(file) } }
        if let stdin { try Data(stdin.utf8).write(to: URL(fileURLWithPath: inPath)) }

        let status: Int32
        do {
            status = try Spawn.wait(arguments, environment: environment, stdin: stdin == nil ? "/dev/null" : inPath,
                                    stdout: outPath, stderr: errPath)
        } catch {
            throw CLIFailure(description: String(describing: error))
        }
        func read(_ path: String) -> String {
            FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) } ?? ""
        }
        return CLIResult(status: status, stdout: read(outPath),
                         stderr: read(errPath))
    }
}

/// The register `visor init --admin root --agency London` makes, once per test process.
enum CLITemplate {
    static let password = "correct horse battery"

    struct Files: Sendable {
        var main: Data
        var wal: Data?
        var mode: mode_t
        var initResult: CLIResult
    }

    static let made: Result<Files, CLIFailure> = {
        do {
            let sandbox = try CLISandbox()
            let path = sandbox.file("template/visor.sqlite")
            let result = try sandbox.visor(["init", "--admin", "root", "--agency", "London", "--db", path],
                                           environment: ["VISOR_PASSWORD": password])
            guard result.status == 0, let main = FileManager.default.contents(atPath: path) else {
                return .failure(CLIFailure(description: "visor init failed: \(result)"))
            }
            var info = stat()
            stat(path, &info)
            return .success(Files(main: main, wal: FileManager.default.contents(atPath: path + "-wal"),
                                  mode: info.st_mode & 0o777, initResult: result))
        } catch {
            return .failure(CLIFailure(description: "\(error)"))
        }
    }()
}

/// A file's bytes and modification time.
struct FileSnapshot: Equatable {
    var bytes: Data
    var seconds: Int
    var nanoseconds: Int

    init(_ path: String) throws {
        guard let bytes = FileManager.default.contents(atPath: path) else {
            throw CLIFailure(description: "\(path) cannot be read")
        }
        var info = stat()
        guard stat(path, &info) == 0 else { throw CLIFailure(description: "cannot stat \(path)") }
        self.bytes = bytes
        seconds = info.st_mtim.tv_sec
        nanoseconds = info.st_mtim.tv_nsec
    }
}
