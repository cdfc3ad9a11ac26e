import Foundation
import Testing
import VisorDomain
#if canImport(Glibc)
import Glibc
#endif

/// The README's first command and every other door into the application,
/// typed as a newcomer types them, on a real terminal (tmux).
@Suite("The newcomer's path", .tags(.tmux), .enabled(if: Tmux.isAvailable, Tmux.skipMessage))
struct NewcomerPathTests {
    /// A debug build seeds 90,000 nominals and hashes the demo passwords: allow it time on a busy CI machine.
    static let seedingTimeout = 240.0

    /// Signs in on the sign-in screen already showing and waits for the main screen.
    func signIn(_ session: TmuxSession, as username: String = "spo") throws {
        try session.type(username)
        try session.press("Enter")
        try session.type("demo")
        try session.press("Enter")
        try session.waitFor(text: "\(username) · London", timeout: AppTmuxTests.signInTimeout)
    }

    @Test("`visor demo` as the README gives it: seeds the default register, opens the application, spo signs in, q exits 0")
    func readmeFirstCommand() throws {
        let sandbox = try CLISandbox()
        let dataHome = sandbox.file("data")
        let session = try TmuxSession([try VisorBinary.path(), "demo"],
                                      environment: ["LANG": "C.UTF-8", "XDG_DATA_HOME": dataHome,
                                                    "XDG_CONFIG_HOME": sandbox.file("config"), "VISOR_DB": ""],
                                      width: 120, height: 40)
        defer { session.kill() }
        try session.waitFor(text: "User name", timeout: Self.seedingTimeout)
        #expect(FileManager.default.fileExists(atPath: dataHome + "/visor/visor.sqlite"))
        try signIn(session)
        let screen = try session.waitFor(text: "1 Nominals · 1/")
        #expect(screen.contains("4 Actions"))
        try session.press("q")
        #expect(try session.waitForExit() == 0)
    }

    @Test("Every other door opens the application: visor, visor tui, visor demo --db PATH", arguments: ["bare", "tui", "demo"])
    func otherDoors(door: String) throws {
        let register = try DemoRegisterFolder()
        let binary = try VisorBinary.path()
        let arguments: [String] = switch door {
        case "bare": [binary]
        case "tui": [binary, "tui", "--db", register.database]
        default: [binary, "demo", "--db", register.folder + "/fresh.sqlite", "--nominals", "2000"]
        }
        var environment = register.paneEnvironment
        if door == "bare" { environment["VISOR_DB"] = register.database }
        let session = try TmuxSession(arguments, environment: environment)
        defer { session.kill() }
        try session.waitFor(text: "User name", timeout: Self.seedingTimeout)
        try signIn(session)
        try session.press("q")
        #expect(try session.waitForExit() == 0)
    }

    /// Withdraws one of the Metropolitan Police's pending requests: a change made after seeding.
    func changeSomething(_ register: DemoRegisterFolder, _ sandbox: CLISandbox) throws {
        let listed = try sandbox.visor(["partners", "list", "--state", "pending", "--as", "police", "--db",
                                        register.database, "--format", "json"],
                                       environment: ["VISOR_PASSWORD": "demo"])
        let requests = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
        let ours = try #require(requests.first { $0["requesting_agency"] as? String == "Metropolitan Police Service" })
        let withdrawn = try sandbox.visor(["partners", "withdraw", "\(ours["id"] as? Int ?? 0)", "--as", "police",
                                           "--db", register.database], environment: ["VISOR_PASSWORD": "demo"])
        #expect(withdrawn.status == 0, "\(withdrawn)")
    }

    @Test("visor demo over a register holding work: off a terminal exit 73 and untouched; --force replaces it")
    func demoKeepsWorkOffTerminal() throws {
        let register = try DemoRegisterFolder()
        let sandbox = try CLISandbox()
        let untouched = try sandbox.visor(["demo", "--db", register.database, "--nominals", "2000",
                                           "--today", "2026-11-25", "--no-open"])
        #expect(untouched.status == 0, "a demonstration nobody changed is replaced without a question: \(untouched)")
        try changeSomething(register, sandbox)
        let before = try FileSnapshot(register.database)
        let refused = try sandbox.visor(["demo", "--db", register.database, "--nominals", "2000", "--no-open"])
        #expect(refused.status == 73, "\(refused)")
        #expect(refused.stderr.contains("1 change made since the demonstration was seeded"), "\(refused)")
        #expect(refused.stderr.contains("visor demo --force"), "\(refused)")
        #expect(try FileSnapshot(register.database) == before)
        let forced = try sandbox.visor(["demo", "--db", register.database, "--nominals", "2000", "--no-open", "--force"])
        #expect(forced.status == 0, "\(forced)")
        let again = try sandbox.visor(["demo", "--db", register.database, "--nominals", "2000", "--no-open"])
        #expect(again.status == 0, "the new demonstration holds no work: \(again)")
    }

    @Test("visor demo over a register holding work asks first on a terminal: n keeps it and opens it")
    func demoAsksOnTerminal() throws {
        let register = try DemoRegisterFolder()
        let sandbox = try CLISandbox()
        try changeSomething(register, sandbox)
        let before = try FileSnapshot(register.database)
        let session = try TmuxSession([try VisorBinary.path(), "demo", "--db", register.database, "--nominals", "2000"],
                                      environment: register.paneEnvironment, width: 100, height: 30)
        defer { session.kill() }
        try session.waitFor(text: "Replace it with a new demonstration? [y/N]")
        #expect(try FileSnapshot(register.database) == before)
        try session.type("n")
        try session.press("Enter")
        try session.waitFor(text: "User name")
        try session.press("C-c")
        #expect(try session.waitForExit() == 0)
        let still = try sandbox.visor(["demo", "--db", register.database, "--nominals", "2000", "--no-open"])
        #expect(still.status == 73, "the work is still there: \(still)")
    }
}

@Suite("Commands say what went wrong")
struct CommandNamingTests {
    @Test("An unknown command names itself and lists the commands (exit 64)",
          arguments: ["report", "users", "backup", "frobnicate"])
    func unknownCommand(word: String) throws {
        let sandbox = try CLISandbox()
        let result = try sandbox.visor([word])
        #expect(result.status == 64, "\(result)")
        #expect(result.stderr.hasPrefix("visor: unknown command '\(word)'"), "\(result)")
        for command in ["tui", "init", "demo", "import", "reconcile", "actions", "partners"] {
            #expect(result.stderr.contains("\n  \(command) "), "\(command) listed: \(result)")
        }
        #expect(!result.stderr.contains("visor tui [--db"), "not the usage of tui: \(result)")
    }

    @Test("visor --version prints the version and exits 0")
    func version() throws {
        let result = try CLISandbox().visor(["--version"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.range(of: #"^\d+\.\d+\.\d+\n$"#, options: .regularExpression) != nil, "\(result)")
    }

    @Test("An unknown command is shown escaped: no control character reaches the terminal")
    func unknownCommandEscaped() throws {
        let result = try CLISandbox().visor(["\u{1B}[2Jwipe"])
        #expect(result.status == 64)
        #expect(!result.stderr.contains("\u{1B}"), "\(result)")
        #expect(result.stderr.contains("\\x1b[2Jwipe"), "\(result)")
    }
}
