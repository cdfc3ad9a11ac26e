import Foundation
import Testing
import VisorDomain
#if canImport(Glibc)
import Glibc
#endif

/// A demo register of its own for one test, in a temporary folder removed afterwards: a copy of one
/// made per test process by `visor demo --db … --nominals 2000 --today 2026-11-25 --no-open`.
final class DemoRegisterFolder {
    let folder: String
    let database: String

    /// The register every test copies, built on first use.
    private static let template: Result<String, any Error> = Result {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("visor-e2e-template-\(getpid())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(atPath: DemoRegisterFolder.templateFolder) }
        let database = folder + "/register.sqlite"
        let result = try Spawn.run([try VisorBinary.path(), "demo", "--db", database, "--nominals", "2000",
                                    "--today", "2026-11-25", "--no-open"], environment: environment(folder))
        guard result.status == 0 else {
            throw Spawn.Failure(description: "visor demo exited \(result.status): \(result.output)")
        }
        return database
    }
    private static let templateFolder = FileManager.default.temporaryDirectory
        .appendingPathComponent("visor-e2e-template-\(getpid())").path

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("visor-e2e-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        database = folder + "/register.sqlite"
        // visor demo closed the register: the one file holds it all (no -wal to copy).
        try FileManager.default.copyItem(atPath: try Self.template.get(), toPath: database)
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    /// The environment the program runs with: a UTF-8 locale, and configuration
    /// and data folders inside the test's folder (no user's help.toml or themes).
    static func environment(_ folder: String) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["TMUX"] = nil
        environment["TMUX_PANE"] = nil
        environment["LANG"] = "C.UTF-8"
        environment["LC_ALL"] = nil
        environment["NO_COLOR"] = nil
        environment["XDG_CONFIG_HOME"] = folder + "/config"
        environment["XDG_DATA_HOME"] = folder + "/data"
        environment["VISOR_DB"] = nil
        return environment
    }

    /// What the tmux pane's program gets on top of tmux's own environment.
    var paneEnvironment: [String: String] {
        ["LANG": "C.UTF-8", "XDG_CONFIG_HOME": folder + "/config", "XDG_DATA_HOME": folder + "/data"]
    }
}

/// The real `visor` binary in tmux, typed at as a user would. Polls with
/// timeouts, never fixed sleeps; one register per test.
@Suite("The application in tmux", .tags(.tmux), .enabled(if: Tmux.isAvailable, Tmux.skipMessage))
struct AppTmuxTests {
    /// Sign-in runs scrypt (N = 2^15) in a debug build: allow it time.
    static let signInTimeout = 30.0

    /// Starts `visor --db REGISTER` in an 80×24 pane and signs in as `username`.
    func signedIn(_ register: DemoRegisterFolder, as username: String = "spo", width: Int = 80,
                  height: Int = 24) throws -> TmuxSession {
        let session = try TmuxSession([try VisorBinary.path(), "--db", register.database],
                                      environment: register.paneEnvironment, width: width, height: height)
        try session.waitFor(text: "User name")
        try session.type(username)
        try session.press("Enter")
        try session.type("demo")
        try session.press("Enter")
        try session.waitFor(text: "\(username) · London", timeout: Self.signInTimeout)
        return session
    }

    /// The rows of the list pane between its header and its bottom border (or search line).
    func listRows(_ screen: String) -> [String] {
        let lines = screen.components(separatedBy: "\n")
        guard let header = lines.firstIndex(where: { $0.contains("Name▾") }) else { return [] }
        var rows: [String] = []
        for line in lines[(header + 1)...] {
            if line.hasPrefix("└") || line.hasPrefix("│/") { break }
            let inner = line.dropFirst().prefix(while: { $0 != "│" })
            if !inner.trimmingCharacters(in: .whitespaces).isEmpty { rows.append(String(inner)) }
        }
        return rows
    }

    @Test("Signing in as spo on a demo register shows the list and the status line `spo · London`")
    func signInShowsList() throws {
        let register = try DemoRegisterFolder()
        let session = try signedIn(register)
        defer { session.kill() }
        let screen = try session.waitFor(text: "1 Nominals · 1/")
        let status = screen.components(separatedBy: "\n").last { !$0.isEmpty } ?? ""
        #expect(status.hasPrefix(" spo · London · "))
        #expect(status.contains("read-only"))
        #expect(screen.contains("2 Record"))
        #expect(screen.contains("3 Partner queue"))
        #expect(screen.contains("4 Actions"))
        let rows = listRows(screen)
        #expect(rows.count == 8, "an 80×24 list shows 8 rows:\n\(screen)")
        #expect(rows.allSatisfy { $0.range(of: #"\d{4}-\d{2}-\d{2}"#, options: .regularExpression) != nil })
    }

    @Test("The user's visor.toml may choose the theme but not a rule: a [rules] section is named and ignored")
    func preferencesFileChangesNoRule() throws {
        let register = try DemoRegisterFolder()
        try FileManager.default.createDirectory(atPath: register.folder + "/config/visor", withIntermediateDirectories: true)
        try Data("theme = \"monochrome\"\n[rules]\nr4_answer_working_days = 0\n".utf8)
            .write(to: URL(fileURLWithPath: register.folder + "/config/visor/visor.toml"))
        let session = try TmuxSession([try VisorBinary.path(), "--db", register.database],
                                      environment: register.paneEnvironment, width: 100, height: 30)
        defer { session.kill() }
        let screen = try session.waitFor(text: "User name")
        #expect(screen.contains("[rules] ignored"), "\(screen)")
    }

    @Test("Searching Wój shows only the matching rows and their count")
    func searchWoj() throws {
        let register = try DemoRegisterFolder()
        let session = try signedIn(register)
        defer { session.kill() }
        try session.type("/Wój")
        let screen = try session.waitFor(text: "“Wój”")
        let rows = listRows(try session.waitUntil("the match count") { $0.contains(" match") })
        let final = try session.capture()
        #expect(!rows.isEmpty)
        for row in rows {
            let name = row.components(separatedBy: CharacterSet.decimalDigits).first ?? row
            let words = NameFolding.keys(of: name.replacingOccurrences(of: ",", with: " "))
            #expect(words.contains { $0.hasPrefix("woj") }, "\(row) does not match Wój\n\(screen)")
        }
        if let match = final.range(of: #"(\d+) match(es)?"#, options: .regularExpression) {
            let count = Int(final[match].prefix { $0.isNumber }) ?? -1
            #expect(count >= rows.count)
            if count <= 7 { #expect(count == rows.count, "every match fits on screen:\n\(final)") }
        } else {
            Issue.record("no match count on screen:\n\(final)")
        }
        // Esc clears the search: the full list is back.
        try session.press("Escape")
        try session.waitUntil("the search to clear") { !$0.contains("“Wój”") && !$0.contains("│/Wój") }
    }

    @Test("Resizing to 40×12 shows the too-small message; back at 80×24 the screen returns, nothing crashed")
    func resize() throws {
        let register = try DemoRegisterFolder()
        let session = try signedIn(register)
        defer { session.kill() }
        try session.press("j")
        try session.press("j")
        let before = try session.waitFor(text: "1 Nominals · 3/")
        try session.resize(width: 40, height: 12)
        let small = try session.waitUntil("the too-small message") {
            $0.contains("Terminal too small: need 60×16, have") && $0.contains("40×12")
        }
        #expect(!small.contains("Nominals"))
        try session.resize(width: 1, height: 1)
        try session.resize(width: 80, height: 24)
        // The terminal may be caught between rows of the redraw: wait for the whole list.
        let after = try session.waitUntil("the list redrawn whole") {
            $0.contains("1 Nominals · 3/") && listRows($0).count == listRows(before).count
        }
        #expect(try session.paneState().dead == false)
        // The same rows (their markers may have arrived with the first evaluation meanwhile).
        #expect(listRows(after).map { $0.dropFirst(2) } == listRows(before).map { $0.dropFirst(2) })
        try session.press("q")
        #expect(try session.waitForExit() == 0)
    }

    @Test("q exits 0 and gives the terminal back: the screen is restored and the shell echoes again")
    func quitRestoresTerminal() throws {
        let register = try DemoRegisterFolder()
        // After visor: its status, the terminal's modes, then a line read back through the terminal.
        let script = #""$0" --db "$1"; status=$?; printf 'exit=%s\n' "$status"; stty -a; "#
            + #"printf 'type:\n'; read line; printf 'typed<%s>\n' "$line"; exit "$status""#
        let session = try TmuxSession(["/bin/sh", "-c", script, try VisorBinary.path(), register.database],
                                      environment: register.paneEnvironment)
        defer { session.kill() }
        try session.waitFor(text: "User name")
        try session.type("spo")
        try session.press("Enter")
        try session.type("demo")
        try session.press("Enter")
        try session.waitFor(text: "spo · London", timeout: Self.signInTimeout)
        try session.press("q")
        let after = try session.waitFor(text: "type:")
        #expect(after.contains("exit=0"))
        #expect(!after.contains("Nominals"), "the application's screen is gone (alternate screen left):\n\(after)")
        let modes = after.components(separatedBy: CharacterSet(charactersIn: " ;\n")).filter {
            ["echo", "-echo", "icanon", "-icanon", "icrnl", "-icrnl", "opost", "-opost"].contains($0)
        }
        #expect(Set(modes) == ["echo", "icanon", "icrnl", "opost"], "terminal modes after quitting: \(modes)\n\(after)")
        try session.type("hello")
        try session.waitFor(text: "hello", timeout: 5)
        try session.press("Enter")
        try session.waitFor(text: "typed<hello>")
        #expect(try session.waitForExit() == 0)
    }

    @Test("Ctrl-C on the sign-in screen leaves with status 0 and a clean terminal")
    func ctrlCOnLogin() throws {
        let register = try DemoRegisterFolder()
        let session = try TmuxSession([try VisorBinary.path(), "--db", register.database],
                                      environment: register.paneEnvironment, width: 60, height: 16)
        defer { session.kill() }
        try session.waitFor(text: "Every sign-in is")
        try session.press("C-c")
        #expect(try session.waitForExit() == 0)
    }
}

@Suite("The application off a terminal")
struct AppOffTerminalTests {
    @Test("visor tui with standard input not a terminal exits 64 with a message")
    func notATerminal() throws {
        let register = try DemoRegisterFolder()
        let result = try Spawn.run([try VisorBinary.path(), "tui", "--db", register.database],
                                   environment: DemoRegisterFolder.environment(register.folder))
        #expect(result.status == 64)
        #expect(result.output.contains("needs a terminal"), "\(result.output)")
        #expect(!result.output.contains("\u{1B}["), "no escape sequences were written")
    }
}
